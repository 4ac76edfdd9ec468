using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RoleGen.Core.Analysis.Pruning;
using RoleGen.Core.Workspace;

namespace RoleGen.Core.Analysis;

/// <summary>One thing a member's code does that the reachability walk follows.</summary>
public abstract record CodeEdge;

/// <summary>Calls, reads or passes as a delegate a member (of any assembly: the walk keeps source members only).</summary>
public sealed record ReachesMember(ISymbol Member) : CodeEdge;

/// <summary>Builds an object of the type, so the type's instance constructors and initializers run.</summary>
public sealed record ConstructsType(INamedTypeSymbol Type) : CodeEdge;

/// <summary>Touches a static member of the type, so its static constructor and static initializers run.</summary>
public sealed record InitializesType(INamedTypeSymbol Type) : CodeEdge;

/// <summary>Registers a service in a dependency-injection container.</summary>
public sealed record RegistersService(DiRegistration Registration) : CodeEdge;

/// <summary>Calls out of the compilation: a candidate SDK call.</summary>
public sealed record CallsOut(ExternalCall Call) : CodeEdge;

/// <summary>
/// The edges out of each member's code, read once per project and shared by every handler's walk: a member reached by
/// 25 functions is bound once, not 25 times. What a member's code does does not depend on who reached it, so the
/// cache is exact; only the walk (which members are reached, how interface calls are dispatched) is per handler.
/// </summary>
/// With <paramref name="pruneWith"/>, code that cannot lead to an SDK call (<see cref="CodeRelevance"/>) is read by
/// name instead of bound (<see cref="NameEdges"/>).
/// <paramref name="dispatch"/> says which library calls run the project's handlers of their argument's type.
public sealed class MemberEdges(ProjectCompilation project, ImplementationIndex implementations, SdkClientTypes? pruneWith = null, CallbackDispatch? dispatch = null)
{
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<CodeEdge>> _edges = new(SymbolEqualityComparer.Default);
    private readonly Lazy<(CodeRelevance Relevance, NameEdges Names)?> _pruning = new(() => pruneWith is null
        ? null
        : (new CodeRelevance(project.Compilation.SyntaxTrees, pruneWith), new NameEdges(implementations, project.Compilation.SyntaxTrees, dispatch)));

    public ImmutableArray<CodeEdge> Of(ISymbol member) =>
        _edges.TryGetValue(member, out var known) ? known : _edges.GetOrAdd(member, static (m, self) => self.Read(m), this);

    /// <summary>The member's edges read by name, whatever its relevance (tests check they cover the bound ones).</summary>
    internal ImmutableArray<CodeEdge> ByName(ISymbol member)
    {
        var names = _pruning.Value?.Names ?? new NameEdges(implementations, project.Compilation.SyntaxTrees, dispatch);
        var edges = ImmutableArray.CreateBuilder<CodeEdge>();
        foreach (var node in CodeOf(member, edges)) names.Read(member, node, edges);
        return edges.ToImmutable();
    }

    private ImmutableArray<CodeEdge> Read(ISymbol member)
    {
        var edges = ImmutableArray.CreateBuilder<CodeEdge>();
        var pruning = _pruning.Value;
        var wholeByName = pruning is { } p && !p.Relevance.MustBind(member);
        foreach (var node in CodeOf(member, edges))
        {
            if (pruning is not { } prune) Visit(member, node, edges, null);
            else if (wholeByName) prune.Names.Read(member, node, edges);
            else Visit(member, node, edges, (prune.Relevance.StatementsOf(node), prune.Names));
        }
        return edges.ToImmutable();
    }

    /// <summary>The syntax whose code runs when the member runs (bodies, constructor initializers, the field and property initializers a constructor runs).</summary>
    private static IEnumerable<SyntaxNode> CodeOf(ISymbol member, ImmutableArray<CodeEdge>.Builder edges)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax();
            switch (node)
            {
                case BaseMethodDeclarationSyntax method:
                    // [BatchProcessor(RecordHandler = typeof(OrderHandler))]: a library builds the type the attribute names.
                    foreach (var arguments in method.AttributeLists.SelectMany(l => l.Attributes).Select(a => a.ArgumentList).OfType<AttributeArgumentListSyntax>())
                        yield return arguments;
                    if (method is ConstructorDeclarationSyntax { Initializer: { } init }) yield return init;
                    if (method.Body is not null) yield return method.Body;
                    if (method.ExpressionBody is not null) yield return method.ExpressionBody;
                    if (method is ConstructorDeclarationSyntax ctor) foreach (var init2 in Initializers(member.ContainingType, ctor.Modifiers.Any(SyntaxKind.StaticKeyword))) yield return init2;
                    break;
                case AccessorDeclarationSyntax accessor:
                    if (accessor.Body is not null) yield return accessor.Body;
                    if (accessor.ExpressionBody is not null) yield return accessor.ExpressionBody;
                    break;
                case ArrowExpressionClauseSyntax arrow:
                    yield return arrow;
                    break;
                case CompilationUnitSyntax program: // top-level statements: the synthesized Main's code
                    foreach (var statement in program.Members.OfType<GlobalStatementSyntax>()) yield return statement.Statement;
                    break;
                case TypeDeclarationSyntax type:
                    // Primary or implicit constructor: its base-call arguments and the initializers it runs.
                    if (type.BaseList?.Types.OfType<PrimaryConstructorBaseTypeSyntax>().FirstOrDefault() is { } baseCall) yield return baseCall.ArgumentList;
                    foreach (var memberInit in Initializers(member.ContainingType, member.IsStatic)) yield return memberInit;
                    break;
            }
        }
        if (member is IMethodSymbol { MethodKind: MethodKind.Constructor, IsImplicitlyDeclared: true } implicitCtor)
        {
            foreach (var implicitInit in Initializers(implicitCtor.ContainingType, implicitCtor.IsStatic)) yield return implicitInit;
            BaseConstructors(implicitCtor.ContainingType, edges);
        }
        // A class without a static constructor still runs its static field initializers (`static readonly X = Build();`).
        if (member is IMethodSymbol { MethodKind: MethodKind.StaticConstructor, IsImplicitlyDeclared: true } implicitStatic)
            foreach (var staticInit in Initializers(implicitStatic.ContainingType, isStatic: true)) yield return staticInit;
        if (member is IMethodSymbol { MethodKind: MethodKind.Constructor } ctorSymbol && member.DeclaringSyntaxReferences.All(r => r.GetSyntax() is not ConstructorDeclarationSyntax { Initializer: not null }))
            BaseConstructors(ctorSymbol.ContainingType, edges);
    }

    /// <summary>A constructor without <c>: base(...)</c> runs the base type's parameterless constructor.</summary>
    private static void BaseConstructors(INamedTypeSymbol type, ImmutableArray<CodeEdge>.Builder edges)
    {
        if (type.BaseType is { } baseType)
            foreach (var constructor in baseType.InstanceConstructors.Where(c => c.Parameters.IsEmpty)) edges.Add(new ReachesMember(constructor));
    }

    private static IEnumerable<SyntaxNode> Initializers(INamedTypeSymbol type, bool isStatic)
    {
        foreach (var member in type.GetMembers().Where(m => m.IsStatic == isStatic))
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            switch (reference.GetSyntax())
            {
                case VariableDeclaratorSyntax { Initializer: { } init } when member is IFieldSymbol: yield return init; break;
                case PropertyDeclarationSyntax { Initializer: { } init }: yield return init; break;
            }
        }
    }

    /// <param name="byName">When set, the statements that cannot lead to an SDK call are read by name, not bound.</param>
    private void Visit(ISymbol owner, SyntaxNode root, ImmutableArray<CodeEdge>.Builder edges, (StatementRelevance Statements, NameEdges Names)? byName)
    {
        var model = project.Model(root.SyntaxTree);
        foreach (var node in root.DescendantNodesAndSelf())
        {
            if (byName is var (statements, names) && IsEdgeSyntax(node) && !statements.MustBind(node))
            {
                names.Read(owner, node, statements.Locals, edges);
                continue;
            }
            switch (node)
            {
                case InvocationExpressionSyntax invocation:
                    if (DiRegistrationReader.IsRegistrationName(Values.SyntaxIndex.CalledName(invocation.Expression)) &&
                        DiRegistrationReader.Read(model, invocation) is { } registration)
                        edges.Add(new RegistersService(registration));
                    if (dispatch is not null && Values.SyntaxIndex.CalledName(invocation.Expression) is { } called && dispatch.Dispatches(called))
                    {
                        var request = invocation.ArgumentList.Arguments.FirstOrDefault() is { } first ? model.GetTypeInfo(first.Expression).Type : null;
                        foreach (var handler in dispatch.Handlers(called, request is null or { Name.Length: 0 } ? null : request.Name))
                            edges.Add(new ConstructsType(handler));
                    }
                    var targets = Targets(model, invocation);
                    if (targets.IsEmpty && DiRegistrationReader.ContainerService(model, invocation) is { IsEmpty: false } resolved) targets = resolved;
                    if (targets.IsEmpty) targets = ExtensionsOnUnresolvedReceiver(model, invocation);
                    // Still a candidate SDK call as well: the unresolved type may be an SDK client some source class wraps.
                    if (targets.IsEmpty)
                        foreach (var implementation in implementations.MethodsBehindUnresolvedReceiver(model, invocation)) edges.Add(new ReachesMember(implementation));
                    // Handler(request, context) on a delegate property: what runs is what its getter returns
                    // (an override's => FunctionHandler), so the getter is reached and the method group with it.
                    if (targets.Any(t => t is IMethodSymbol { MethodKind: MethodKind.DelegateInvoke }) &&
                        model.GetSymbolInfo(invocation.Expression).Symbol is IPropertySymbol { GetMethod: { } delegateGetter })
                        edges.Add(new ReachesMember(delegateGetter));
                    if (targets.Any(IsSource))
                        foreach (var target in targets) edges.Add(new ReachesMember(target));
                    else if (!targets.Any(t => t is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction or MethodKind.DelegateInvoke }))
                        edges.Add(new CallsOut(new ExternalCall(invocation, owner)));
                    break;
                case TypeOfExpressionSyntax { Parent: AttributeArgumentSyntax } typeOf:
                    if (model.GetTypeInfo(typeOf.Type).Type is INamedTypeSymbol { TypeKind: TypeKind.Class } named) edges.Add(new ConstructsType(named));
                    break;
                case BaseObjectCreationExpressionSyntax or ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax:
                    foreach (var constructor in Constructors(model, node))
                    {
                        edges.Add(new ReachesMember(constructor));
                        edges.Add(new ConstructsType(constructor.ContainingType));
                    }
                    break;
                case IdentifierNameSyntax name when !IsInvokedName(name):
                    var referenced = model.GetSymbolInfo(name);
                    // A method group handed to a method that does not bind (records.Select(Handle) on an event type whose
                    // package is not restored) has no symbol, only its candidates: each may run.
                    if (referenced.Symbol is null)
                        foreach (var group in referenced.CandidateSymbols.OfType<IMethodSymbol>().Where(IsSource))
                            edges.Add(new ReachesMember(group));
                    switch (referenced.Symbol)
                    {
                        case IPropertySymbol property:
                            if (property.GetMethod is { } getter) edges.Add(new ReachesMember(getter));
                            if (property.SetMethod is { } setter) edges.Add(new ReachesMember(setter));
                            break;
                        case IMethodSymbol method:
                            edges.Add(new ReachesMember(method)); // method group passed as a delegate
                            break;
                        case IFieldSymbol { IsStatic: true } field:
                            edges.Add(new InitializesType(field.ContainingType));
                            break;
                    }
                    break;
            }
        }
    }

    /// <summary>The syntax either reading (bound or by name) takes edges from.</summary>
    private static bool IsEdgeSyntax(SyntaxNode node) =>
        node is SimpleNameSyntax or InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax;

    /// <summary>The bound target, or every candidate when overload resolution failed (often on unresolved SDK types).</summary>
    /// <summary>
    /// <c>services.AddAdapters()</c> where the receiver's type does not resolve (a package that is not restored): Roslyn
    /// binds no extension method on it, so every source extension method of that name that takes the arguments may run.
    /// </summary>
    private ImmutableArray<ISymbol> ExtensionsOnUnresolvedReceiver(SemanticModel model, InvocationExpressionSyntax invocation)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax access) return [];
        var name = access.Name.Identifier.ValueText;
        var extensions = implementations.ExtensionMethodsNamed(name);
        if (!extensions.Any() || model.TypeOf(access.Expression) is not (null or IErrorTypeSymbol)) return [];
        var count = invocation.ArgumentList.Arguments.Count;
        return extensions
            .Where(m => m.Parameters.Length - 1 >= count && m.Parameters.Skip(1).Count(p => !p.IsOptional && !p.IsParams) <= count)
            .ToImmutableArray<ISymbol>();
    }

    private static ImmutableArray<ISymbol> Targets(SemanticModel model, SyntaxNode node)
    {
        var info = model.GetSymbolInfo(node);
        if (info.Symbol is not null) return [info.Symbol];
        // Overload resolution failed (an argument of a type that does not resolve): the overloads that take that many arguments.
        if (node is InvocationExpressionSyntax { ArgumentList.Arguments.Count: var count } && info.CandidateSymbols.Length > 1)
        {
            var fitting = info.CandidateSymbols.Where(c => c is not IMethodSymbol method || TakesArguments(method, count)).ToImmutableArray();
            if (!fitting.IsEmpty) return fitting;
        }
        return info.CandidateSymbols;
    }

    private static bool TakesArguments(IMethodSymbol method, int count) =>
        GenericCallTypes.Accepts(method, count) || method.Parameters is [.., { IsParams: true }] && count >= method.Parameters.Length - 1;

    private static ISymbol? Target(SemanticModel model, SyntaxNode node)
    {
        var info = model.GetSymbolInfo(node);
        return info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
    }

    /// <summary>
    /// The constructor a <c>new</c> or <c>: base(..)</c> calls; when overload resolution cannot choose (an argument of a
    /// type that does not resolve: a package not restored), each candidate that takes that many arguments.
    /// </summary>
    private static IEnumerable<IMethodSymbol> Constructors(SemanticModel model, SyntaxNode node)
    {
        if (Target(model, node) is IMethodSymbol constructor) return [constructor];
        var count = node switch
        {
            BaseObjectCreationExpressionSyntax creation => creation.ArgumentList?.Arguments.Count ?? 0,
            ConstructorInitializerSyntax initializer => initializer.ArgumentList.Arguments.Count,
            PrimaryConstructorBaseTypeSyntax primary => primary.ArgumentList.Arguments.Count,
            _ => -1,
        };
        return model.GetSymbolInfo(node).CandidateSymbols.OfType<IMethodSymbol>()
            .Where(c => c.Parameters.Length == count || (c.Parameters.Length > count && c.Parameters.Skip(count).All(p => p.HasExplicitDefaultValue || p.IsParams)));
    }

    private static bool IsInvokedName(IdentifierNameSyntax name) =>
        name.Parent is InvocationExpressionSyntax ||
        name.Parent is MemberAccessExpressionSyntax access && access.Name == name && access.Parent is InvocationExpressionSyntax ||
        name.Parent is MemberBindingExpressionSyntax binding && binding.Parent is InvocationExpressionSyntax;

    public bool IsSource(ISymbol symbol) =>
        symbol.Locations.Any(l => l.IsInSource) &&
        SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, project.Compilation.Assembly);
}
