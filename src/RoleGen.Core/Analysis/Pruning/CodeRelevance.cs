using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RoleGen.Core.Analysis.Pruning;

/// <summary>
/// Tells, from names alone, which members' code can lead to an SDK call or a dependency-injection registration, so that
/// the reachability walk binds only those (binding method bodies is most of the analysis' cost) and follows the others
/// by name (<see cref="NameEdges"/>).
/// <para>
/// A member is relevant when its code calls something and mentions a <see cref="ClientNames">client name</see>, calls
/// a method named like an SDK operation or a registration, uses <c>dynamic</c>, or mentions the name of a relevant
/// member. Constructors and initializers count for their type: when one is relevant, every member name of the type is
/// relevant, because reaching any member of a type makes the walk build it (and run its static initializers).
/// So a member that is not relevant cannot reach, along any edge the walk follows, a member that is: following it
/// by name over-approximates what it reaches without changing which SDK calls are found.
/// </para>
/// A member whose code builds an object with <c>new()</c> where the type cannot be read from the syntax is bound too.
/// </summary>
public sealed class CodeRelevance
{
    private readonly Dictionary<SyntaxNode, Unit> _byDeclaration = [];
    private readonly Dictionary<TypeDeclarationSyntax, (Unit Instance, Unit Static)> _initializers = [];
    private readonly HashSet<string> _relevantNames = new(StringComparer.Ordinal);
    // Plain hash sets: looked up once per identifier of the project, where immutable sets' trees cost several times more.
    private readonly HashSet<string> _clientNames;
    private readonly HashSet<string> _operationNames;
    private readonly Func<string, bool> _isRelevantName;

    public CodeRelevance(IEnumerable<SyntaxTree> trees, SdkClientTypes clients)
    {
        var treeList = trees.ToList();
        _isRelevantName = IsRelevantName;
        var clientNames = _clientNames = new HashSet<string>(ClientNames.Of(treeList, clients), StringComparer.Ordinal);
        _operationNames = new HashSet<string>(clients.OperationNames ?? [], StringComparer.Ordinal);
        var types = new Dictionary<string, TypeNames>(StringComparer.Ordinal);
        var units = new List<Unit>();
        foreach (var type in treeList.SelectMany(t => t.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)).OfType<TypeDeclarationSyntax>())
            units.AddRange(UnitsOf(type, TypeNamesOf(types, type.Identifier.ValueText)));

        var mentions = new Dictionary<string, List<Unit>>(StringComparer.Ordinal);
        foreach (var unit in units)
        foreach (var token in unit.Tokens)
        {
            if (!mentions.TryGetValue(token, out var list)) mentions[token] = list = [];
            if (list.Count == 0 || list[^1] != unit) list.Add(unit); // a unit's tokens come together: no other unit in between
        }

        // Clients of services the table does not map, named only in code (new AmazonLambdaClient()): their calls are reported.
        foreach (var token in mentions.Keys)
            if (clients.OtherClients.Matches(token, null)) clientNames.Add(token);

        var relevantNames = _relevantNames;
        var pending = new Queue<Unit>(units.Where(u => u.IsSeed(clientNames, _operationNames)));
        foreach (var unit in pending) unit.Relevant = true;
        while (pending.TryDequeue(out var unit))
        {
            foreach (var name in NamesMadeRelevant(unit, types))
            {
                if (!relevantNames.Add(name) || !mentions.TryGetValue(name, out var mentioning)) continue;
                foreach (var other in mentioning.Where(o => !o.Relevant))
                {
                    other.Relevant = true;
                    pending.Enqueue(other);
                }
            }
        }
    }

    /// <summary>True when the walk must bind the member's code: it is relevant, cannot be followed by name, or is not known here.</summary>
    public bool MustBind(ISymbol member)
    {
        var units = UnitsOf(member).ToList();
        return units.Count == 0 || units.Any(u => u is null || u.Relevant || u.Opaque);
    }

    /// <summary>
    /// True for a name whose mention can lead code to an SDK call: a relevant member's, a client name, an operation or
    /// registration name, or <c>dynamic</c>. Code that mentions none of them (and builds no untyped <c>new()</c>) cannot.
    /// </summary>
    public bool IsRelevantName(string name) =>
        _relevantNames.Contains(name) || _clientNames.Contains(name) || _operationNames.Contains(name) ||
        DiRegistrationReader.IsRegistrationName(name) || name == "dynamic";

    /// <summary>Which statements of a member's code (<paramref name="code"/>: a body, initializer or expression body) must be bound.</summary>
    public StatementRelevance StatementsOf(SyntaxNode code) => new(code, _isRelevantName);

    /// <summary>False only for members known here whose code cannot lead to an SDK call (tests check the walk never gets from those to the others).</summary>
    internal bool IsRelevant(ISymbol member)
    {
        var units = UnitsOf(member).ToList();
        return units.Count == 0 || units.Any(u => u is null || u.Relevant);
    }

    private IEnumerable<Unit?> UnitsOf(ISymbol member)
    {
        if (member is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor &&
            constructor.DeclaringSyntaxReferences.All(r => r.GetSyntax() is TypeDeclarationSyntax))
        {
            foreach (var reference in constructor.ContainingType.DeclaringSyntaxReferences)
                yield return reference.GetSyntax() is TypeDeclarationSyntax type && _initializers.TryGetValue(type, out var init)
                    ? constructor.IsStatic ? init.Static : init.Instance
                    : null;
            yield break;
        }
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax();
            if (node is AccessorDeclarationSyntax accessor) node = accessor.Parent?.Parent ?? node;
            else if (node is ArrowExpressionClauseSyntax arrow) node = arrow.Parent ?? node;
            yield return _byDeclaration.GetValueOrDefault(node);
        }
    }

    /// <summary>The member names of the types called so (partial declarations and same-named types together).</summary>
    private sealed record TypeNames(HashSet<string> Instance, HashSet<string> All);

    private static TypeNames TypeNamesOf(Dictionary<string, TypeNames> types, string name)
    {
        if (!types.TryGetValue(name, out var names)) types[name] = names = new TypeNames(new(StringComparer.Ordinal), new(StringComparer.Ordinal));
        return names;
    }

    private IEnumerable<Unit> UnitsOf(TypeDeclarationSyntax type, TypeNames typeNames)
    {
        var typeName = type.Identifier.ValueText;
        var instanceInitializers = Initializers(type, isStatic: false).Append(type.ParameterList).Append(type.BaseList).OfType<SyntaxNode>().Select(n => new CodeFacts(n)).ToList();
        var staticInitializers = Initializers(type, isStatic: true).Select(n => new CodeFacts(n)).ToList();
        var instance = new Unit(instanceInitializers, [], (typeName, false), typeName);
        var statics = new Unit(staticInitializers, [], (typeName, true), typeName);
        _initializers[type] = (instance, statics);
        yield return instance;
        yield return statics;

        // A record's positional parameters are properties without code of their own, called by the parameter's name.
        if (type is RecordDeclarationSyntax { ParameterList: { } positional })
            foreach (var parameter in positional.Parameters)
            {
                var property = new Unit([new CodeFacts(parameter)], [parameter.Identifier.ValueText], null, null);
                Add(typeNames, parameter.Identifier.ValueText, isStatic: false);
                _byDeclaration[parameter] = property;
                yield return property;
            }

        foreach (var member in type.Members)
        {
            var isStatic = member.Modifiers.Any(SyntaxKind.StaticKeyword);
            Unit unit;
            switch (member)
            {
                case ConstructorDeclarationSyntax constructor:
                    unit = new Unit([new CodeFacts(constructor), .. isStatic ? staticInitializers : instanceInitializers], [], (typeName, isStatic), typeName);
                    break;
                case MethodDeclarationSyntax method:
                    unit = new Unit([new CodeFacts(method)], [method.Identifier.ValueText], null, null);
                    Add(typeNames, method.Identifier.ValueText, isStatic);
                    break;
                case PropertyDeclarationSyntax property:
                    unit = new Unit([new CodeFacts(property)], [property.Identifier.ValueText], null, null);
                    Add(typeNames, property.Identifier.ValueText, isStatic);
                    break;
                case EventDeclarationSyntax @event:
                    unit = new Unit([new CodeFacts(@event)], [@event.Identifier.ValueText], null, null);
                    Add(typeNames, @event.Identifier.ValueText, isStatic);
                    break;
                case FieldDeclarationSyntax field when isStatic:
                    foreach (var variable in field.Declaration.Variables) typeNames.All.Add(variable.Identifier.ValueText);
                    continue;
                case BaseMethodDeclarationSyntax or IndexerDeclarationSyntax:
                    // Operators, conversions, destructors and indexers: the walk never reaches them by a name.
                    unit = new Unit([new CodeFacts(member)], [], null, null);
                    break;
                default:
                    continue;
            }
            _byDeclaration[member] = unit;
            yield return unit;
        }
    }

    private static void Add(TypeNames names, string name, bool isStatic)
    {
        names.All.Add(name);
        if (!isStatic) names.Instance.Add(name);
    }

    /// <summary>The field and property declarations (type and initializer) whose initializers a constructor of this kind runs.</summary>
    private static IEnumerable<SyntaxNode> Initializers(TypeDeclarationSyntax type, bool isStatic) =>
        type.Members.Where(m => m.Modifiers.Any(SyntaxKind.StaticKeyword) == isStatic && !m.Modifiers.Any(SyntaxKind.ConstKeyword) && m switch
        {
            FieldDeclarationSyntax field => field.Declaration.Variables.Any(v => v.Initializer is not null),
            PropertyDeclarationSyntax property => property.Initializer is not null,
            _ => false,
        });

    private static IEnumerable<string> NamesMadeRelevant(Unit unit, Dictionary<string, TypeNames> types)
    {
        foreach (var name in unit.Names) yield return name;
        if (unit.TypeRule is not var (type, isStatic)) yield break;
        yield return type;
        if (types.TryGetValue(type, out var names))
            foreach (var name in isStatic ? names.All : names.Instance) yield return name;
    }

    /// <summary>
    /// The type a target-typed <c>new()</c> builds, when the syntax says it: a typed variable, field or property
    /// initializer, or the result of a member or local function with a declared type. Null elsewhere (arguments,
    /// assignments, lambdas), where only binding tells.
    /// </summary>
    public static TypeSyntax? TargetType(ImplicitObjectCreationExpressionSyntax creation) => TargetTypeOf(creation);

    private static TypeSyntax? TargetTypeOf(ExpressionSyntax expression) => expression.Parent switch
    {
        // cond ? new() : new() { .. }, (new()), x ?? new(): the enclosing expression's target type.
        ConditionalExpressionSyntax conditional when conditional.Condition != expression => TargetTypeOf(conditional),
        ParenthesizedExpressionSyntax parenthesized => TargetTypeOf(parenthesized),
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce when coalesce.Right == expression => TargetTypeOf(coalesce),
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type: { IsVar: false } type } } } => type,
        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Type,
        ArrowExpressionClauseSyntax arrow => ResultType(arrow.Parent),
        ReturnStatementSyntax @return => ResultType(@return.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax)),
        _ => null,
    };

    private static TypeSyntax? ResultType(SyntaxNode? function) => function switch
    {
        MethodDeclarationSyntax method => method.ReturnType,
        LocalFunctionStatementSyntax local => local.ReturnType,
        PropertyDeclarationSyntax property => property.Type,
        AccessorDeclarationSyntax { RawKind: (int)SyntaxKind.GetAccessorDeclaration, Parent.Parent: PropertyDeclarationSyntax property } => property.Type,
        _ => null,
    };

    /// <summary>What one declaration's syntax holds, read in one pass: shared by the units that run it (every constructor runs the initializers).</summary>
    private sealed class CodeFacts
    {
        public CodeFacts(SyntaxNode node)
        {
            foreach (var item in node.DescendantNodesAndTokensAndSelf())
            {
                if (item.IsToken)
                {
                    if (item.IsKind(SyntaxKind.IdentifierToken)) Tokens.Add(item.AsToken().ValueText);
                    continue;
                }
                switch (item.AsNode())
                {
                    case InvocationExpressionSyntax invocation:
                        Calls = true;
                        if (Values.SyntaxIndex.CalledName(invocation.Expression) is { } called) Invoked.Add(called);
                        break;
                    case ImplicitObjectCreationExpressionSyntax creation when TargetType(creation) is null:
                        Opaque = true;
                        break;
                }
            }
        }

        public HashSet<string> Tokens { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Invoked { get; } = new(StringComparer.Ordinal);
        public bool Calls { get; }
        public bool Opaque { get; }
    }

    /// <summary>One piece of code the walk can reach: a member's declaration, or a type's instance or static initializers.</summary>
    private sealed class Unit(IReadOnlyList<CodeFacts> code, IReadOnlyList<string> names, (string Type, bool IsStatic)? typeRule, string? typeName)
    {
        public IReadOnlyList<string> Names { get; } = names;
        public (string Type, bool IsStatic)? TypeRule { get; } = typeRule;
        public IEnumerable<string> Tokens => typeName is null ? code.SelectMany(c => c.Tokens) : code.SelectMany(c => c.Tokens).Append(typeName);
        public bool Opaque { get; } = code.Any(c => c.Opaque);
        public bool Relevant { get; set; }

        public bool IsSeed(HashSet<string> clientNames, HashSet<string> operationNames) =>
            code.Any(c => c.Calls) && code.Any(c => c.Tokens.Any(clientNames.Contains)) ||
            code.Any(c => c.Invoked.Any(name => DiRegistrationReader.IsRegistrationName(name) || operationNames.Contains(name))) ||
            code.Any(c => c.Tokens.Contains("dynamic"));
    }
}
