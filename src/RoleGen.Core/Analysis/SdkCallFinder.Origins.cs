using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RoleGen.Core.Analysis.Values;

namespace RoleGen.Core.Analysis;

/// <summary>What made the object an SDK call is made on: the call or constructor that made it, through locals, fields, helpers and choices.</summary>
public sealed partial class SdkCallFinder
{
    /// <summary>A client object and, when it came from one, the SDK call that made it.</summary>
    private sealed record Made(string Type, SdkCall? Call);

    /// <summary>
    /// What made the receiver object: an SDK call or SDK property that returns a client type (per the table's
    /// <c>returns</c>), directly or through a local, field or property with a single source (initializer, assignments
    /// in its type, or an <c>out var</c> argument), a method of the project that returns it, or either branch of a
    /// conditional. Null when there is no such source, or several of different types.
    /// </summary>
    private Made? Origin(SemanticModel model, ExpressionSyntax receiver, int depth)
    {
        var made = Origins(model, receiver, depth);
        if (made.Count == 1) return made[0];
        // Several sources of the same type: the type is known, the creating call is not.
        return made.Count > 1 && made.All(m => m is not null && m.Type == made[0]!.Type) ? new Made(made[0]!.Type, null) : null;
    }

    /// <summary>Every object the receiver can be (null for a source RoleGen cannot follow).</summary>
    private List<Made?> Origins(SemanticModel model, ExpressionSyntax receiver, int depth)
    {
        if (depth > MaxOriginDepth) return [null];
        var expression = Unwrap(receiver);
        switch (expression)
        {
            case ConditionalExpressionSyntax conditional:
                return [.. Origins(model, conditional.WhenTrue, depth + 1), .. Origins(model, conditional.WhenFalse, depth + 1)];
            case SwitchExpressionSyntax choice:
                return choice.Arms.SelectMany(arm => Origins(model, arm.Expression, depth + 1)).ToList();
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce:
                return [.. Origins(model, coalesce.Left, depth + 1), .. Origins(model, coalesce.Right, depth + 1)];
            case InvocationExpressionSyntax invocation:
                if (ToSdkCall(invocation, depth + 1) is { } call)
                    return [clients.Returns(call.ClientType, call.Method) is { } type ? new Made(type, call) : null];
                // A helper of the project that hands out a client: what its returns can be.
                return model.GetSymbolInfo(invocation).Symbol is IMethodSymbol { DeclaringSyntaxReferences.IsEmpty: false } helper
                    ? Returned(helper).Select(r => Origins(project.Model(r.SyntaxTree), r, depth + 1)).SelectMany(m => m).DefaultIfEmpty().ToList()
                    : [null];
            case BaseObjectCreationExpressionSyntax creation:
                return [FromConstructor(model, creation) is { } constructed && clients.Returns(constructed.ClientType, constructed.Method) is { } madeType ? new Made(madeType, constructed) : null];
        }

        var symbol = model.GetSymbolInfo(expression).Symbol;
        if (expression is MemberAccessExpressionSyntax access && symbol is null or IPropertySymbol { DeclaringSyntaxReferences.IsEmpty: true })
        {
            // client.Paginators: an SDK property, typed through the table when the SDK does not bind.
            var owner = ReceiverType(model, access.Expression)?.Name ?? Origin(model, access.Expression, depth + 1)?.Type;
            return [owner is not null && clients.Returns(owner, access.Name.Identifier.ValueText) is { } type ? new Made(type, null) : null];
        }
        if (symbol is not (ILocalSymbol or IFieldSymbol or IPropertySymbol)) return [null];
        // null! and default are placeholders until the object is made, not objects.
        var sources = Sources(symbol).Where(s => Unwrap(s) is not (LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression or (int)SyntaxKind.DefaultLiteralExpression } or DefaultExpressionSyntax)).ToList();
        return sources.Count == 0 ? [null] : sources.SelectMany(s => Origins(project.Model(s.SyntaxTree), s, depth + 1)).ToList();
    }

    /// <summary>The expressions a method of the project returns (its expression body, or its return statements outside lambdas and local functions).</summary>
    private static IEnumerable<ExpressionSyntax> Returned(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax();
            if (node is BaseMethodDeclarationSyntax { ExpressionBody: { } arrow }) yield return arrow.Expression;
            else if (node is LocalFunctionStatementSyntax { ExpressionBody: { } localArrow }) yield return localArrow.Expression;
            foreach (var returned in node.DescendantNodes(n => n == node || n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                         .OfType<ReturnStatementSyntax>())
                if (returned.Expression is { } value) yield return value;
        }
    }

    /// <summary>
    /// A call on an object that can be one of several client types (a provider picked by a switch, a helper that returns
    /// one of them): the call as made on each, so that none of what it may need is left out.
    /// </summary>
    private IEnumerable<SdkCall> OnEachPossibleClient(InvocationExpressionSyntax invocation)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax { Expression: var receiver }) return [];
        var model = project.Model(invocation.SyntaxTree);
        if (ReceiverType(model, receiver) is not null) return [];
        var possible = Origins(model, receiver, 0).OfType<Made>().GroupBy(m => m.Type).ToList();
        if (possible.Count < 2) return [];
        return possible
            .Select(group => ToSdkCall(invocation, 0, group.Count() == 1 ? group.Single() : new Made(group.Key, null)))
            .OfType<SdkCall>();
    }

    private static ExpressionSyntax Unwrap(ExpressionSyntax expression) => GenericCallTypes.Unwrap(expression);

    private readonly Dictionary<ISymbol, Value> _handedInValues = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// What a handed-in receiver (a parameter, a field set from one, a service the container gives) can be, followed as a
    /// value once per receiver symbol: its region, credentials and maker are all read from it. Null for other receivers.
    /// </summary>
    private (ISymbol Symbol, Value Value)? HandedIn(SemanticModel model, ExpressionSyntax receiver)
    {
        var expression = Unwrap(receiver);
        if (expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }) || model.GetSymbolInfo(expression).Symbol is not { } symbol)
            return null;
        if (!_handedInValues.TryGetValue(symbol, out var value)) _handedInValues[symbol] = value = values.Resolve(expression);
        return (symbol, value);
    }

    /// <summary>The expressions that give a local, field or property its value.</summary>
    /// <summary>What code assigns to a member of a local, field or property (<c>config.RegionEndpoint = ...</c>), where <see cref="Sources"/> looks.</summary>
    private IEnumerable<ExpressionSyntax> MemberAssignments(ISymbol symbol, string member) =>
        Scopes(symbol).SelectMany(scope => scope.DescendantNodes()).OfType<AssignmentExpressionSyntax>()
            .Where(a => a.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name, Expression: IdentifierNameSyntax owner } &&
                        name == member && owner.Identifier.ValueText == symbol.Name &&
                        SymbolEqualityComparer.Default.Equals(project.Model(owner.SyntaxTree).GetSymbolInfo(owner).Symbol, symbol))
            .Select(a => a.Right);

    /// <summary>Where a variable may be set after its declaration: a field in its type's code, a local in its block.</summary>
    private static IEnumerable<SyntaxNode> Scopes(ISymbol symbol) => symbol switch
    {
        IFieldSymbol or IPropertySymbol => symbol.ContainingType.DeclaringSyntaxReferences.Select(r => r.GetSyntax()),
        ILocalSymbol => symbol.DeclaringSyntaxReferences.Select(r => r.GetSyntax().FirstAncestorOrSelf<BlockSyntax>() ?? r.GetSyntax().SyntaxTree.GetRoot()),
        _ => [],
    };

    private IEnumerable<ExpressionSyntax> Sources(ISymbol symbol)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            switch (reference.GetSyntax())
            {
                case VariableDeclaratorSyntax { Initializer: { } init }:
                    yield return init.Value;
                    break;
                case PropertyDeclarationSyntax { Initializer: { } init }:
                    yield return init.Value;
                    break;
                case PropertyDeclarationSyntax { ExpressionBody: { } body }:
                    yield return body.Expression;
                    break;
                case SingleVariableDesignationSyntax { Parent: DeclarationExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } } }:
                    yield return call; // Table.TryLoadTable(client, "Orders", out var table)
                    break;
            }
        }
        // Set later: a field in its type's code (_table = Table.LoadTable(client, "Orders") in the constructor), a local in
        // the block that declares it (Table t; ... t = ...), or either given as an out argument (TryLoadTable(..., out _table)).
        foreach (var node in Scopes(symbol).SelectMany(scope => scope.DescendantNodes()))
        {
            var (target, source) = node switch
            {
                AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression or (int)SyntaxKind.CoalesceAssignmentExpression } assignment => (assignment.Left, assignment.Right),
                ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.OutKeyword, Expression: not DeclarationExpressionSyntax, Parent.Parent: InvocationExpressionSyntax call } argument => (argument.Expression, (ExpressionSyntax)call),
                _ => (null, null),
            };
            if (target is null || source is null || SyntaxIndex.AssignedName(target) != symbol.Name) continue;
            if (SymbolEqualityComparer.Default.Equals(project.Model(target.SyntaxTree).GetSymbolInfo(target).Symbol, symbol))
                yield return source;
        }
    }
}
