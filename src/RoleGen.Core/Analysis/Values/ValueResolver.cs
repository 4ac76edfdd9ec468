using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RoleGen.Core.Analysis.Events;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Workspace;

namespace RoleGen.Core.Analysis.Values;

/// <summary>
/// Turns the expression passed to an SDK call into a <see cref="Value"/> (design.md §3), following it
/// through locals, fields, properties, constants, parameters (every reachable call site), helpers'
/// return values, string building, environment variables and configuration.
/// </summary>
public sealed partial class ValueResolver(
    ProjectCompilation project,
    SyntaxIndex index,
    ImplementationIndex implementations,
    ReachableCode reachable,
    ImmutableHashSet<IMethodSymbol> entryMethods,
    Func<string, string> displayPath,
    EventModel? eventModel = null,
    SdkClientTypes? sdk = null)
{
    /// <summary>What SDK response properties stand for (mapping <c>results</c>), by "Method.Property".</summary>
    private readonly ImmutableDictionary<string, Mappings.ResultPath> _sdkResults = sdk?.ResultsByMember ?? ImmutableDictionary<string, Mappings.ResultPath>.Empty;

    /// <summary>SDK helper types whose positional constructor arguments set known properties (mapping <c>constructors</c>).</summary>
    private readonly ImmutableDictionary<string, ImmutableArray<string>> _sdkConstructors = sdk?.ConstructorsByType ?? ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    /// <summary>What SDK responses hold that the service stores (mapping <c>stored</c>), by "Method.Response.Path".</summary>
    private readonly ImmutableDictionary<string, Mappings.StoredPath> _sdkStored = sdk?.StoredByMember ?? ImmutableDictionary<string, Mappings.StoredPath>.Empty;

    /// <summary>Request methods that add collection items (mapping <c>adders</c>), by request type.</summary>
    private readonly ImmutableDictionary<string, ImmutableDictionary<string, ImmutableArray<string>>> _requestAdders =
        sdk?.RequestAdders ?? ImmutableDictionary<string, ImmutableDictionary<string, ImmutableArray<string>>>.Empty;

    /// <summary>How RegionEndpoint fields name their regions (sdk-clients.yaml <c>regionEndpoints</c>).</summary>
    private readonly Mappings.SdkClientNaming _sdkNaming = sdk?.OtherClients ?? Mappings.SdkClientNaming.None;

    private readonly EventModel events = eventModel ?? EventModel.Empty;
    private readonly HashSet<string> _locatedFiles = new(StringComparer.Ordinal);
    private readonly Lazy<ImmutableHashSet<ITypeSymbol>> _handlerInputTypes = new(() => HandlerInputTypes.Of(entryMethods));

    /// <summary>The files of every location this resolver has reported (unknown values, environment variables, SDK calls).</summary>
    public IReadOnlyCollection<string> LocatedFiles => _locatedFiles;

    public Value Resolve(ExpressionSyntax expression) => WithoutEventParts(Resolve(expression, ResolveScope.Root));

    internal Value Resolve(ExpressionSyntax expression, ResolveScope scope)
    {
        if (scope.TooDeep) return Unknown(expression, "the value passes through too many steps to follow");
        var model = project.Model(expression.SyntaxTree);
        if (expression is not InterpolatedStringExpressionSyntax && model.GetConstantValue(expression) is { HasValue: true } constant)
            return model.GetTypeInfo(expression).Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType ? EnumMember(enumType, constant.Value) : Constant(constant.Value);

        return expression switch
        {
            ParenthesizedExpressionSyntax p => Resolve(p.Expression, scope),
            CastExpressionSyntax c => Resolve(c.Expression, scope),
            PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } n => Resolve(n.Operand, scope),
            AwaitExpressionSyntax a => Resolve(a.Expression, scope),
            LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression or (int)SyntaxKind.DefaultLiteralExpression } => new NullValue(),
            DefaultExpressionSyntax => new NullValue(),
            ThrowExpressionSyntax => new NoValue(), // `x ?? throw ...`: the throwing branch gives no value
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty", Expression: PredefinedTypeSyntax or IdentifierNameSyntax { Identifier.ValueText: "String" } } => new LiteralValue(""),
            InterpolatedStringExpressionSyntax interpolated => Interpolation(interpolated, scope),
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } add => Concat([Resolve(add.Left, scope), Resolve(add.Right, scope)]),
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce => Coalesce(coalesce, scope),
            ConditionalExpressionSyntax conditional => Value.OneOf([Resolve(conditional.WhenTrue, scope), Resolve(conditional.WhenFalse, scope)]),
            SwitchExpressionSyntax switchExpression => Value.OneOf(switchExpression.Arms.Select(a => Resolve(a.Expression, scope))),
            BaseObjectCreationExpressionSyntax creation => ObjectCreation(creation, scope),
            LambdaExpressionSyntax lambda when ConfiguredObject(lambda, scope) is { } configured => configured,
            ArrayCreationExpressionSyntax { Initializer: { } init } => Collection(init, scope),
            ImplicitArrayCreationExpressionSyntax array => Collection(array.Initializer, scope),
            CollectionExpressionSyntax collection => new CollectionValue(collection.Elements.OfType<ExpressionElementSyntax>().Select(e => Resolve(e.Expression, scope)).ToImmutableArray()),
            InvocationExpressionSyntax invocation => Invocation(invocation, scope),
            ElementAccessExpressionSyntax element => ElementAccess(element, scope),
            ConditionalAccessExpressionSyntax conditional => ConditionalAccess(conditional, scope),
            // `x ??= y` as a value: x when it is already set, else y; `x = y` is y.
            AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceAssignmentExpression } lazy =>
                Value.OneOf([WithoutNull(Resolve(lazy.Left, scope)), Resolve(lazy.Right, scope)]),
            AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment => Resolve(assignment.Right, scope),
            IdentifierNameSyntax or MemberAccessExpressionSyntax or MemberBindingExpressionSyntax => SymbolReference(expression, scope),
            _ => Unknown(expression, $"'{Short(expression)}' is computed at run time"),
        };
    }

    /// <summary><c>a ?? b</c>: a when it is set, else b; an environment variable keeps b as its fallback (see <see cref="EnvVarValue.Fallback"/>).</summary>
    private Value Coalesce(BinaryExpressionSyntax coalesce, ResolveScope scope)
    {
        var left = WithoutNull(Resolve(coalesce.Left, scope));
        var right = Resolve(coalesce.Right, scope);
        // `evnt.Records ?? new List<Record>()`: an empty collection adds nothing to what code iterates.
        if (right is CollectionValue { Items.IsEmpty: true } && left is not (NullValue or NoValue)) return left;
        return left is EnvVarValue { Fallback: null } variable ? variable with { Fallback = right } : Value.OneOf([left, right]);
    }

    /// <summary>An enum constant as text is its member's name (<c>$"shop-{Queue.Orders}"</c> is shop-Orders), not its number.</summary>
    private static Value EnumMember(INamedTypeSymbol type, object? value) =>
        type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value)) is { } member
            ? new LiteralValue(member.Name)
            : Constant(value);

    private static Value Constant(object? value) => value switch
    {
        null => new NullValue(),
        string s => new LiteralValue(s),
        bool b => new LiteralValue(b ? "true" : "false"),
        IFormattable f => new LiteralValue(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => new LiteralValue(value.ToString() ?? ""),
    };

    private Value Interpolation(InterpolatedStringExpressionSyntax interpolated, ResolveScope scope) =>
        Concat(interpolated.Contents.Select(content => content switch
        {
            InterpolatedStringTextSyntax text => new LiteralValue(text.TextToken.ValueText),
            InterpolationSyntax hole => Resolve(hole.Expression, scope),
            _ => (Value)Unknown(content, "unsupported interpolation"),
        }));

    internal static Value Concat(IEnumerable<Value> parts)
    {
        var flat = new List<Value>();
        foreach (var part in parts)
        {
            var item = part is NullValue ? new LiteralValue("") : part; // string concatenation turns null into ""
            if (item is ConcatValue nested) flat.AddRange(nested.Parts);
            else if (item is LiteralValue literal && flat.Count > 0 && flat[^1] is LiteralValue previous)
                flat[^1] = new LiteralValue(previous.Text + literal.Text);
            else flat.Add(item);
        }
        return flat.Count == 1 ? flat[0] : new ConcatValue(flat.ToImmutableArray());
    }

    private static Value WithoutNull(Value value) => value switch
    {
        OneOfValue oneOf => Value.OneOf(oneOf.Options.Where(o => o is not NullValue)),
        _ => value,
    };

    /// <summary>
    /// Where code of the project first assigns a member named <paramref name="name"/> (<c>x.Name = v</c>,
    /// <c>new T { Name = v }</c>, <c>c => c.Name = v</c>), by syntax alone; null when none does.
    /// </summary>
    public SourceLocation? FirstAssignmentTo(string name)
    {
        ReadsEveryFile = true; // found or not, an edit in any file's code can change the answer
        return index.AssignmentsTo(name)
            .Where(a => a.Left is MemberAccessExpressionSyntax || a.Parent is InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ObjectInitializerExpression })
            .OrderBy(a => a.SyntaxTree.FilePath, StringComparer.Ordinal).ThenBy(a => a.SpanStart)
            .Select(a => Location(a))
            .FirstOrDefault();
    }

    /// <summary>
    /// What reachable code assigns to a static member, named by its path (<c>AWSConfigsDynamoDB.Context.TableNamePrefix</c>,
    /// also written with its namespace); null when no reachable code does.
    /// </summary>
    public Value? AssignedToStatic(string memberPath)
    {
        var member = memberPath[(memberPath.LastIndexOf('.') + 1)..];
        var values = index.AssignmentsTo(member)
            .Where(a => a.Left is MemberAccessExpressionSyntax left && IsPath(left, memberPath) && IsInReachableCode(a))
            .Select(a => Resolve(a.Right, ResolveScope.Root))
            .ToList();
        return values.Count == 0 ? null : Value.OneOf(values);

        static bool IsPath(ExpressionSyntax expression, string path)
        {
            var text = string.Concat(expression.ToString().Where(c => !char.IsWhiteSpace(c)));
            return text == path || text.EndsWith("." + path, StringComparison.Ordinal);
        }
    }

    /// <summary>Some code of the project can pin a client's region (<see cref="SyntaxIndex.MayPinClientRegion"/>).</summary>
    public bool ProjectMayPinClientRegion => index.MayPinClientRegion;

    /// <summary>Some code of the project may give a client credentials of its own (<see cref="SyntaxIndex.MayGiveClientsCredentials"/>).</summary>
    public bool ProjectMayGiveClientsCredentials => index.MayGiveClientsCredentials;

    /// <summary>True once a question was asked of every file's code, not only of reachable code (the report cache must then watch every file).</summary>
    public bool ReadsEveryFile { get; private set; }

    internal UnknownValue Unknown(SyntaxNode node, string reason) => new(reason, Location(node));

    internal SourceLocation Location(SyntaxNode node)
    {
        var span = node.GetLocation().GetLineSpan();
        _locatedFiles.Add(node.SyntaxTree.FilePath);
        return new SourceLocation(displayPath(span.Path), span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    private static string Short(SyntaxNode node)
    {
        var text = node.ToString().ReplaceLineEndings(" ");
        return text.Length <= 60 ? text : text[..57] + "...";
    }
}
