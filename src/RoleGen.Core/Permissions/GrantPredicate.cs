using RoleGen.Core.Analysis.Values;

namespace RoleGen.Core.Permissions;

/// <summary>
/// Evaluates a mapping table's <c>if</c>/<c>unless</c> expression (<c>Prop</c>, <c>!Prop</c>, <c>Prop == V</c>,
/// <c>Prop != V</c>) on a request. Three-valued: what the analysis cannot pin down is "maybe", and a
/// grant that may be needed is kept (a missing permission is an outage).
/// </summary>
public static class GrantPredicate
{
    public enum Truth { False, True, Maybe }

    public static bool Keep(string? @if, string? unless, RequestView request) =>
        (@if is null || Evaluate(@if, request) != Truth.False) &&
        (unless is null || Evaluate(unless, request) != Truth.True);

    public static bool IsValid(string expression) => Parse(expression) is not null;

    public static Truth Evaluate(string expression, RequestView request)
    {
        var parsed = Parse(expression) ?? throw new ArgumentException($"bad expression '{expression}'", nameof(expression));
        var value = request.Lookup(parsed.Path);
        var truth = parsed.Operator switch
        {
            null => IsSet(value),
            "==" => Compare(value, parsed.Operand!),
            _ => Not(Compare(value, parsed.Operand!)),
        };
        return parsed.Negated ? Not(truth) : truth;
    }

    private sealed record Parsed(bool Negated, string Path, string? Operator, string? Operand);

    private static Parsed? Parse(string expression)
    {
        var text = expression.Trim();
        foreach (var op in new[] { "==", "!=" })
        {
            var at = text.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var path = text[..at].Trim();
                var operand = text[(at + 2)..].Trim();
                return IsPath(path) && operand.Length > 0 ? new Parsed(false, path, op, operand) : null;
            }
        }
        var negated = text.StartsWith('!');
        var bare = negated ? text[1..].Trim() : text;
        return IsPath(bare) ? new Parsed(negated, bare, null, null) : null;
    }

    private static bool IsPath(string path) => path.Length > 0 && path.All(c => char.IsLetterOrDigit(c) || c is '.' or '[' or ']' or '_');

    private static Truth Not(Truth t) => t switch { Truth.True => Truth.False, Truth.False => Truth.True, _ => Truth.Maybe };

    private static Truth IsSet(Value? value) => value switch
    {
        null or NullValue => Truth.False,
        OneOfValue oneOf => Combine(oneOf.Options.Select(IsSet)),
        UnknownValue => Truth.Maybe,
        LiteralValue { Text: "false" } => Truth.False,
        _ => Truth.True,
    };

    private static Truth Compare(Value? value, string operand) => value switch
    {
        null or NullValue => Truth.False,
        LiteralValue literal => Normalize(literal.Text) == Normalize(operand) ? Truth.True : Truth.False,
        NamedConstantValue constant => Normalize(constant.Member) == Normalize(operand) ? Truth.True : Truth.False,
        OneOfValue oneOf => Combine(oneOf.Options.Select(o => Compare(o, operand))),
        _ => Truth.Maybe,
    };

    private static Truth Combine(IEnumerable<Truth> truths)
    {
        var distinct = truths.Distinct().ToList();
        return distinct.Count == 1 ? distinct[0] : Truth.Maybe;
    }

    /// <summary>SDK constants are compared by letters and digits only: ServerSideEncryptionMethod.AWSKMS matches "aws:kms".</summary>
    private static string Normalize(string text) => new string(text.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
}
