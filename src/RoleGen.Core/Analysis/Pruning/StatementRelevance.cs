using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RoleGen.Core.Analysis.Pruning;

/// <summary>
/// Which statements of a relevant member's code must be bound: <see cref="CodeRelevance"/> one level down. Roslyn binds
/// code one statement at a time, so the validation, mapping, serialization and logging statements of a handler that
/// also calls a service need not be bound: they are followed by name, like irrelevant members.
/// <para>
/// A statement's own code (without the statements nested in it) must be bound when it mentions a
/// <see cref="CodeRelevance.IsRelevantName">relevant name</see>, builds an object with an untyped <c>new()</c>, or calls
/// a method on a variable that may hold a client: a parameter whose declared type mentions a relevant name, or a
/// variable written by code that mentions a relevant name or such a variable (<c>var c = Make(); var d = c; d.Op()</c>),
/// to a fixed point. A statement that does none of these cannot lead to an SDK call along any edge the walk follows:
/// what it calls it names, and nothing it names leads to one.
/// </para>
/// </summary>
public sealed class StatementRelevance
{
    private readonly SyntaxNode _code;
    private readonly HashSet<SyntaxNode> _bound = [];

    public StatementRelevance(SyntaxNode code, Func<string, bool> isRelevantName)
    {
        _code = code;
        Locals = NameEdges.LocalNames(code);
        var units = new Dictionary<SyntaxNode, OwnCode>();
        Collect(code, code, units);

        var mayHoldClient = new HashSet<string>(ParametersNamingRelevantTypes(code, isRelevantName), StringComparer.Ordinal);
        var mentionsRelevant = units.ToDictionary(u => u.Key, u => u.Value.Tokens.Any(isRelevantName));
        bool changed;
        do
        {
            changed = false;
            foreach (var (statement, own) in units)
            {
                if (!_bound.Contains(statement) && (own.Opaque || mentionsRelevant[statement] || own.Invoked.Overlaps(mayHoldClient)))
                {
                    _bound.Add(statement);
                    changed = true;
                }
                if (mentionsRelevant[statement] || own.Tokens.Overlaps(mayHoldClient))
                    foreach (var written in own.Writes) changed |= mayHoldClient.Add(written);
            }
        }
        while (changed);
    }

    /// <summary>The names the code declares itself (locals, lambda parameters...): what by-name reading must not take for members.</summary>
    public HashSet<string> Locals { get; }

    /// <summary>True when the statement holding <paramref name="node"/> (a node of the code) must be bound.</summary>
    public bool MustBind(SyntaxNode node) => _bound.Contains(StatementOf(node));

    private SyntaxNode StatementOf(SyntaxNode node)
    {
        for (var current = node; current is not null; current = current.Parent)
            if (current == _code || current is StatementSyntax) return current;
        return _code;
    }

    /// <summary>Reads each statement's own code: its names, the names in what it calls methods on, and the variables it writes.</summary>
    private static void Collect(SyntaxNode node, SyntaxNode statement, Dictionary<SyntaxNode, OwnCode> units)
    {
        if (!units.TryGetValue(statement, out var own)) units[statement] = own = new OwnCode();
        switch (node)
        {
            case ImplicitObjectCreationExpressionSyntax creation when CodeRelevance.TargetType(creation) is null:
                own.Opaque = true;
                break;
            case InvocationExpressionSyntax invocation:
                own.Invoked.UnionWith(ClientNames.Identifiers(invocation.Expression));
                // client?.Op(): the receiver is the conditional access's expression, not part of the invocation.
                if (invocation.Expression is MemberBindingExpressionSyntax && invocation.Parent is ConditionalAccessExpressionSyntax conditional)
                    own.Invoked.UnionWith(ClientNames.Identifiers(conditional.Expression));
                break;
            case AssignmentExpressionSyntax assignment:
                own.Writes.UnionWith(ClientNames.Identifiers(assignment.Left));
                break;
        }
        if (DeclaredName(node) is { } declared) own.Writes.Add(declared);

        foreach (var child in node.ChildNodesAndTokens())
        {
            if (child.IsToken)
            {
                if (child.IsKind(SyntaxKind.IdentifierToken)) own.Tokens.Add(child.AsToken().ValueText);
                continue;
            }
            var childNode = child.AsNode()!;
            Collect(childNode, childNode is StatementSyntax ? childNode : statement, units);
        }
    }

    private static string? DeclaredName(SyntaxNode node)
    {
        var identifier = node switch
        {
            VariableDeclaratorSyntax v => v.Identifier,
            SingleVariableDesignationSyntax d => d.Identifier,
            ParameterSyntax p => p.Identifier,
            ForEachStatementSyntax f => f.Identifier,
            FromClauseSyntax q => q.Identifier,
            LetClauseSyntax q => q.Identifier,
            JoinClauseSyntax q => q.Identifier,
            JoinIntoClauseSyntax q => q.Identifier,
            QueryContinuationSyntax q => q.Identifier,
            _ => default,
        };
        return identifier.IsKind(SyntaxKind.None) ? null : identifier.ValueText;
    }

    /// <summary>The parameters of the member the code belongs to whose declared type mentions a relevant name (a setter's <c>value</c> too).</summary>
    private static IEnumerable<string> ParametersNamingRelevantTypes(SyntaxNode code, Func<string, bool> isRelevantName)
    {
        bool Names(SyntaxNode? type) => type is not null && ClientNames.Identifiers(type).Any(isRelevantName);
        foreach (var ancestor in code.AncestorsAndSelf())
        {
            var (parameters, valueType) = ancestor switch
            {
                BaseMethodDeclarationSyntax method => (method.ParameterList.Parameters, null),
                IndexerDeclarationSyntax indexer => (indexer.ParameterList.Parameters, indexer.Type),
                PropertyDeclarationSyntax property => (default, property.Type),
                EventDeclarationSyntax @event => (default, @event.Type),
                TypeDeclarationSyntax type => (type.ParameterList?.Parameters ?? default, (SyntaxNode?)null),
                _ => (default(SeparatedSyntaxList<ParameterSyntax>), (SyntaxNode?)null),
            };
            foreach (var parameter in parameters)
                if (Names(parameter.Type)) yield return parameter.Identifier.ValueText;
            if (Names(valueType)) yield return "value";
            if (ancestor is MemberDeclarationSyntax) yield break;
        }
    }

    private sealed class OwnCode
    {
        public HashSet<string> Tokens { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Invoked { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Writes { get; } = new(StringComparer.Ordinal);
        public bool Opaque { get; set; }
    }
}
