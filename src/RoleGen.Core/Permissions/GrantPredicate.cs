using RoleGen.Core.Analysis.Values;
using RoleGen.Core.Mappings;

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

    public static Truth Evaluate(string expression, RequestView request)
    {
        var parsed = GrantExpression.Parse(expression);
        var value = request.Lookup(parsed.Path);
        var truth = parsed.Operator switch
        {
            null => IsSet(value),
            "==" => Compare(value, parsed.Value!),
            _ => Not(Compare(value, parsed.Value!)),
        };
        return parsed.Negated ? Not(truth) : truth;
    }

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
