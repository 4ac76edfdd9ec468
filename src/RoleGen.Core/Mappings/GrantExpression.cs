using System.Text.RegularExpressions;

namespace RoleGen.Core.Mappings;

/// <summary>
/// A parsed <c>if</c>/<c>unless</c> expression of a grant: <c>Path</c> (set), <c>!Path</c> (not set),
/// <c>Path == V</c>, <c>Path != V</c>. Kept this small on purpose: anything richer is written as two grants.
/// </summary>
public sealed record GrantExpression(string Path, bool Negated, string? Operator, string? Value)
{
    private static readonly Regex Syntax = new(
        @"^\s*(?<not>!)?\s*(?<path>" + RequestPath.Pattern + @")\s*(?:(?<op>==|!=)\s*(?<value>'[^']*'|[^\s']+))?\s*$",
        RegexOptions.CultureInvariant);

    /// <summary>Parses an expression; throws <see cref="FormatException"/> with the reason when it does not parse.</summary>
    public static GrantExpression Parse(string text)
    {
        var m = Syntax.Match(text);
        if (!m.Success)
            throw new FormatException($"'{text}' is not an expression (Path, !Path, Path == V, Path != V)");
        var op = m.Groups["op"].Success ? m.Groups["op"].Value : null;
        if (op is not null && m.Groups["not"].Success)
            throw new FormatException($"'{text}': '!' cannot be combined with {op}");
        var value = m.Groups["value"].Success ? m.Groups["value"].Value.Trim('\'') : null;
        return new GrantExpression(m.Groups["path"].Value, m.Groups["not"].Success, op, value);
    }

    public override string ToString() =>
        Operator is null ? (Negated ? "!" : "") + Path : $"{Path} {Operator} {Value}";
}

/// <summary>The request-path syntax of mappings/README.md ("Request paths").</summary>
public static class RequestPath
{
    /// <summary>Transforms a path may end in (<c>Statement@partiql-table</c>); see README "Path transforms".</summary>
    public static readonly IReadOnlyList<string> Transforms = ["partiql-table", "partiql-index", "partiql-kind"];

    private const string Segment = @"[A-Za-z_][A-Za-z0-9_]*(?:\[\])?";

    /// <summary>
    /// 'literal' | @entity | ^Name (carried by the call that made the receiver; ^Name? when an object whose maker is not
    /// seen leaves it not set) | $Type.Member (an SDK-wide setting: what code assigns to that static member) |
    /// Seg(.Seg)*(@transform)? where Seg is Name or Name[].
    /// </summary>
    internal const string Pattern =
        @"'[^']*'|@entity|\^[A-Za-z_][A-Za-z0-9_]*\??|\$[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+|" + Segment + @"(?:\." + Segment + @")*(?:@(?:partiql-table|partiql-index|partiql-kind))?";

    /// <summary>A compound path: parts joined by " + " (concatenation), each part alternatives joined by " ?? " (the first that is set).</summary>
    private const string Alternatives = "(?:" + Pattern + ")(?: \\?\\? (?:" + Pattern + "))*";

    private static readonly Regex Whole = new("^(?:" + Pattern + ")$", RegexOptions.CultureInvariant);
    private static readonly Regex WholeCompound = new("^" + Alternatives + "(?: \\+ " + Alternatives + ")*$", RegexOptions.CultureInvariant);

    /// <summary>A single path (<see cref="Pattern"/>); see <see cref="IsValidCompound"/> for bind values.</summary>
    public static bool IsValid(string path) => Whole.IsMatch(path);

    /// <summary>A bind value: a single path or a compound one (<c>Config.TableNamePrefix ?? ^TableNamePrefix? + @entity</c>).</summary>
    public static bool IsValidCompound(string path) => WholeCompound.IsMatch(path);

    /// <summary>A compound path (<c>A + B</c>, <c>A ?? B</c>) rather than a single one.</summary>
    public static bool IsCompound(string path) => !IsLiteral(path) && (path.Contains(" + ", StringComparison.Ordinal) || path.Contains(" ?? ", StringComparison.Ordinal));

    /// <summary>The concatenated parts of a path (one for a single path), each as its alternatives.</summary>
    public static IEnumerable<string[]> Parts(string path) =>
        IsCompound(path) ? path.Split(" + ").Select(p => p.Split(" ?? ")) : [[path]];

    /// <summary>Every single path a (compound) path reads.</summary>
    public static IEnumerable<string> Singles(string path) => Parts(path).SelectMany(p => p);

    /// <summary>The carried name of <c>^Name</c> or <c>^Name?</c>.</summary>
    public static string CarriedName(string path) => path[1..].TrimEnd('?');

    /// <summary>A quoted literal (<c>'*'</c>, <c>'orders'</c>) rather than a path into the request.</summary>
    public static bool IsLiteral(string path) => path.Length >= 2 && path[0] == '\'' && path[^1] == '\'';

    /// <summary>A value the receiver object carries from the call that made it (<c>^TableName</c>).</summary>
    public static bool IsCarried(string path) => path.Length > 1 && path[0] == '^';

    /// <summary>An SDK-wide setting (<c>$AWSConfigsDynamoDB.Context.TableNamePrefix</c>): what reachable code assigns to that static member.</summary>
    public static bool IsSetting(string path) => path.Length > 1 && path[0] == '$';

    /// <summary>The literal that leaves a placeholder as <c>*</c> on purpose.</summary>
    public const string Wildcard = "'*'";
}
