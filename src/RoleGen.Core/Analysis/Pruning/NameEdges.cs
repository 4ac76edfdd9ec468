using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RoleGen.Core.Analysis.Pruning;

/// <summary>
/// The edges out of a member's code read from names and declarations, without binding its body: every source member the
/// code can reach, and possibly more. A receiver whose type the declarations tell (a parameter, a field or property of
/// the type, <c>this</c>, a type name, a chain of these) narrows a name to that type's members; any other receiver (a
/// local, a call's result) reaches every member so named. Used for code that <see cref="CodeRelevance"/> shows cannot
/// lead to an SDK call, so the extra members it may reach only widen the code whose assignments values are read from.
/// </summary>
public sealed class NameEdges
{
    private readonly Dictionary<string, List<ISymbol>> _membersByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<INamedTypeSymbol>> _typesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _aliases = new(StringComparer.Ordinal);
    private readonly HashSet<SyntaxTree> _staticImports = [];

    private readonly ImplementationIndex _implementations;

    private readonly CallbackDispatch? _dispatch;

    public NameEdges(ImplementationIndex implementations, IEnumerable<SyntaxTree> trees, CallbackDispatch? dispatch = null)
    {
        _implementations = implementations;
        _dispatch = dispatch;
        foreach (var type in implementations.SourceTypes)
        {
            Add(_typesByName, type.Name, type);
            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation } or IPropertySymbol or IFieldSymbol { IsStatic: true })
                    Add(_membersByName, SimpleName(member), member);
            }
        }
        foreach (var tree in trees)
        foreach (var directive in tree.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>())
        {
            if (directive.Alias is { } alias) Add(_aliases, alias.Name.Identifier.ValueText, RightmostName(directive.NamespaceOrType) ?? "");
            if (!directive.StaticKeyword.IsKind(SyntaxKind.None)) _staticImports.Add(tree);
        }
    }

    private static void Add<T>(Dictionary<string, List<T>> index, string name, T item)
    {
        if (!index.TryGetValue(name, out var list)) index[name] = list = [];
        list.Add(item);
    }

    /// <summary>An explicit interface implementation is called by the interface member's name.</summary>
    private static string SimpleName(ISymbol member) => member.Name[(member.Name.LastIndexOf('.') + 1)..];

    private static string? RightmostName(SyntaxNode? type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        NullableTypeSyntax nullable => RightmostName(nullable.ElementType),
        _ => null,
    };

    public void Read(ISymbol owner, SyntaxNode root, ImmutableArray<CodeEdge>.Builder edges)
    {
        var locals = LocalNames(root);
        foreach (var node in root.DescendantNodesAndSelf()) Read(owner, node, locals, edges);
    }

    /// <summary>The edges of one node of <paramref name="owner"/>'s code, whose own names are <paramref name="locals"/>.</summary>
    public void Read(ISymbol owner, SyntaxNode node, HashSet<string> locals, ImmutableArray<CodeEdge>.Builder edges)
    {
        switch (node)
        {
            case SimpleNameSyntax name:
                foreach (var member in Candidates(owner, name, locals)) AddMember(member, edges);
                break;
            case ObjectCreationExpressionSyntax creation:
                Constructs(TypesNamed(RightmostName(creation.Type)), edges);
                break;
            case InvocationExpressionSyntax invocation when _dispatch is not null && Values.SyntaxIndex.CalledName(invocation.Expression) is { } called && _dispatch.Dispatches(called):
                Constructs(_dispatch.Handlers(called, RequestTypeName(invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression)), edges);
                break;
            case TypeOfExpressionSyntax { Parent: AttributeArgumentSyntax } typeOf:
                Constructs(TypesNamed(RightmostName(typeOf.Type)), edges);
                break;
            case ImplicitObjectCreationExpressionSyntax implicitCreation:
                foreach (var name in ClientNames.Identifiers(CodeRelevance.TargetType(implicitCreation) ?? (SyntaxNode)implicitCreation))
                    Constructs(TypesNamed(name), edges);
                break;
            case ConstructorInitializerSyntax initializer when owner.ContainingType is { } type:
                Constructs(initializer.IsKind(SyntaxKind.BaseConstructorInitializer) ? [type.BaseType] : [type], edges);
                break;
            case PrimaryConstructorBaseTypeSyntax when owner.ContainingType is { } derived:
                Constructs([derived.BaseType], edges);
                break;
        }
    }

    /// <summary>
    /// The type a dispatched request has, read from declarations: <c>new CreateOrder(...)</c>, a local so initialized, or
    /// a parameter so declared. Null (every handler) otherwise.
    /// </summary>
    private static string? RequestTypeName(ExpressionSyntax? request)
    {
        if (request is ObjectCreationExpressionSyntax made) return RightmostName(made.Type);
        if (request is not IdentifierNameSyntax { Identifier.ValueText: var name }) return null;
        var body = request.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or CompilationUnitSyntax);
        var parameter = body?.DescendantNodes().OfType<ParameterSyntax>().FirstOrDefault(p => p.Identifier.ValueText == name);
        var declared = body?.DescendantNodes().OfType<VariableDeclaratorSyntax>().Where(v => v.Identifier.ValueText == name).ToList();
        return (parameter, declared) switch
        {
            ({ Type: { } type }, { Count: 0 }) => RightmostName(type),
            (null, [{ Initializer.Value: ObjectCreationExpressionSyntax initialized }]) => RightmostName(initialized.Type),
            (null, [{ Parent: VariableDeclarationSyntax { Type: { IsVar: false } type } }]) => RightmostName(type),
            _ => null,
        };
    }

    private static void AddMember(ISymbol member, ImmutableArray<CodeEdge>.Builder edges)
    {
        switch (member)
        {
            case IMethodSymbol method:
                edges.Add(new ReachesMember(method));
                break;
            case IPropertySymbol property:
                if (property.GetMethod is { } getter) edges.Add(new ReachesMember(getter));
                if (property.SetMethod is { } setter) edges.Add(new ReachesMember(setter));
                break;
            case IFieldSymbol { IsStatic: true } field:
                edges.Add(new InitializesType(field.ContainingType));
                break;
        }
    }

    private static void Constructs(IEnumerable<INamedTypeSymbol?> types, ImmutableArray<CodeEdge>.Builder edges)
    {
        foreach (var type in types.OfType<INamedTypeSymbol>())
        {
            edges.Add(new ConstructsType(type));
            foreach (var constructor in type.InstanceConstructors) edges.Add(new ReachesMember(constructor));
        }
    }

    /// <summary>Source types a name in a type position can mean (through an alias too); every type so named, whatever its namespace.</summary>
    private IEnumerable<INamedTypeSymbol> TypesNamed(string? name)
    {
        if (name is null) yield break;
        foreach (var type in _typesByName.GetValueOrDefault(name) ?? []) yield return type;
        foreach (var target in _aliases.GetValueOrDefault(name) ?? [])
        foreach (var type in _typesByName.GetValueOrDefault(target) ?? []) yield return type;
    }

    /// <summary>The source members a name in code can mean.</summary>
    private IEnumerable<ISymbol> Candidates(ISymbol owner, SimpleNameSyntax name, HashSet<string> locals)
    {
        var text = name.Identifier.ValueText;
        if (!_membersByName.TryGetValue(text, out var named)) return [];
        var extensions = _implementations.ExtensionMethodsNamed(text);
        ImmutableArray<ITypeSymbol>? receivers = name.Parent switch
        {
            MemberAccessExpressionSyntax access when access.Name == name => TypesOf(owner, access.Expression, locals),
            MemberBindingExpressionSyntax binding when binding.Parent?.Parent is ConditionalAccessExpressionSyntax conditional => TypesOf(owner, conditional.Expression, locals),
            QualifiedNameSyntax qualified when qualified.Right == name => null,
            AssignmentExpressionSyntax assignment when assignment.Left == name && assignment.Parent is InitializerExpressionSyntax initializer => InitializedTypes(initializer),
            _ when InPropertyPattern(name) => null,
            _ => Unqualified(owner, name),
        };
        if (receivers is not { } types) return named;
        return types.SelectMany(t => MembersNamed(t, text)).Concat(extensions).Where(m => named.Contains(m.OriginalDefinition, SymbolEqualityComparer.Default) || m is IMethodSymbol { IsExtensionMethod: true });
    }

    /// <summary>The first name of a property pattern (<c>x is { Site.Length: > 0 }</c>): a member of the matched value's type.</summary>
    private static bool InPropertyPattern(SimpleNameSyntax name)
    {
        ExpressionSyntax first = name;
        while (first.Parent is MemberAccessExpressionSyntax access && access.Expression == first) first = access;
        return first.Parent is ExpressionColonSyntax { Parent: SubpatternSyntax } || first.Parent is NameColonSyntax { Parent: SubpatternSyntax };
    }

    /// <summary>A name without receiver: a member of the type or an enclosing type (or a static import: any).</summary>
    private ImmutableArray<ITypeSymbol>? Unqualified(ISymbol owner, SimpleNameSyntax name)
    {
        if (_staticImports.Contains(name.SyntaxTree)) return null;
        var types = ImmutableArray.CreateBuilder<ITypeSymbol>();
        for (var type = owner.ContainingType; type is not null; type = type.ContainingType) types.Add(type);
        return types.ToImmutable();
    }

    /// <summary>The type an object initializer sets members of, when its creation names a source type.</summary>
    private ImmutableArray<ITypeSymbol>? InitializedTypes(InitializerExpressionSyntax initializer)
    {
        var typeName = initializer.Parent switch
        {
            ObjectCreationExpressionSyntax creation => RightmostName(creation.Type),
            ImplicitObjectCreationExpressionSyntax implicitCreation => RightmostName(CodeRelevance.TargetType(implicitCreation)),
            _ => null,
        };
        var types = TypesNamed(typeName).ToImmutableArray<ITypeSymbol>();
        return types.IsEmpty ? null : types;
    }

    /// <summary>The types an expression can have, from declarations only; null when only binding could tell.</summary>
    private ImmutableArray<ITypeSymbol>? TypesOf(ISymbol owner, ExpressionSyntax expression, HashSet<string> locals)
    {
        switch (expression)
        {
            case ThisExpressionSyntax when owner.ContainingType is { } self:
                return [self];
            case BaseExpressionSyntax when owner.ContainingType?.BaseType is { } baseType:
                return [baseType];
            case IdentifierNameSyntax identifier when !locals.Contains(identifier.Identifier.ValueText):
            {
                var text = identifier.Identifier.ValueText;
                // Parameter names are read from syntax first: asking a symbol for its parameters binds their types.
                if (owner is IMethodSymbol method && DeclaresParameter(method, text) && method.Parameters.FirstOrDefault(p => p.Name == text) is { } parameter) return Known(parameter.Type);
                if (owner.ContainingType is { } containing && containing.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax { ParameterList: not null }) &&
                    containing.InstanceConstructors.SelectMany(c => c.Parameters).FirstOrDefault(p => p.Name == text && IsPrimaryConstructorParameter(p)) is { } primary) return Known(primary.Type);
                var values = Unqualified(owner, identifier) is { } scopes ? scopes.SelectMany(s => MembersNamed(s, text)).Select(ValueType).ToList() : null;
                if (values is null || values.Any(v => v is null)) return null;
                var types = values.Select(v => v!).Concat(TypesNamed(text)).ToImmutableArray();
                return types.IsEmpty ? null : types;
            }
            case MemberAccessExpressionSyntax access:
            {
                if (TypesOf(owner, access.Expression, locals) is not { } receivers) return null;
                var values = receivers.SelectMany(r => MembersNamed(r, access.Name.Identifier.ValueText)).Select(ValueType).ToList();
                return values.Count == 0 || values.Any(v => v is null) ? null : values.Select(v => v!).ToImmutableArray();
            }
            case ParenthesizedExpressionSyntax parenthesized:
                return TypesOf(owner, parenthesized.Expression, locals);
            default:
                return null;
        }
    }

    private static bool DeclaresParameter(IMethodSymbol method, string name) =>
        method.DeclaringSyntaxReferences.IsEmpty ||
        method.DeclaringSyntaxReferences.Any(r => r.GetSyntax() switch
        {
            BaseMethodDeclarationSyntax declared => declared.ParameterList.Parameters.Any(p => p.Identifier.ValueText == name),
            LocalFunctionStatementSyntax local => local.ParameterList.Parameters.Any(p => p.Identifier.ValueText == name),
            AccessorDeclarationSyntax { Parent.Parent: IndexerDeclarationSyntax indexer } => indexer.ParameterList.Parameters.Any(p => p.Identifier.ValueText == name) || name == "value",
            AccessorDeclarationSyntax => name == "value",
            _ => true,
        });

    private static bool IsPrimaryConstructorParameter(IParameterSymbol parameter) =>
        parameter.DeclaringSyntaxReferences.Any(r => r.GetSyntax().Parent?.Parent is TypeDeclarationSyntax);

    private static ImmutableArray<ITypeSymbol>? Known(ITypeSymbol type) => type is ITypeParameterSymbol or IErrorTypeSymbol or IDynamicTypeSymbol ? null : [type];

    /// <summary>The type of a field or property; null for anything whose value's type declarations do not give alone.</summary>
    private static ITypeSymbol? ValueType(ISymbol member) => member switch
    {
        IFieldSymbol field when Known(field.Type) is not null => field.Type,
        IPropertySymbol property when Known(property.Type) is not null => property.Type,
        _ => null,
    };

    /// <summary>Members so named of the type, its base types and, for interfaces, the interfaces it extends.</summary>
    private static IEnumerable<ISymbol> MembersNamed(ITypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
            foreach (var member in current.GetMembers(name)) yield return member;
        if (type.TypeKind == TypeKind.Interface)
            foreach (var inherited in type.AllInterfaces)
            foreach (var member in inherited.GetMembers(name)) yield return member;
    }

    /// <summary>Names the code declares itself (locals, lambda and local function parameters, pattern and loop variables): a receiver so named is not a member.</summary>
    internal static HashSet<string> LocalNames(SyntaxNode root)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in root.DescendantNodesAndSelf())
        {
            var declared = node switch
            {
                VariableDeclaratorSyntax v => v.Identifier,
                SingleVariableDesignationSyntax d => d.Identifier,
                ParameterSyntax p => p.Identifier,
                ForEachStatementSyntax f => f.Identifier,
                CatchDeclarationSyntax c => c.Identifier,
                LocalFunctionStatementSyntax l => l.Identifier,
                FromClauseSyntax q => q.Identifier,
                LetClauseSyntax q => q.Identifier,
                JoinClauseSyntax q => q.Identifier,
                JoinIntoClauseSyntax q => q.Identifier,
                QueryContinuationSyntax q => q.Identifier,
                TypeParameterSyntax t => t.Identifier,
                _ => default,
            };
            if (!declared.IsKind(SyntaxKind.None)) names.Add(declared.ValueText);
        }
        return names;
    }
}
