using System.Collections.Immutable;

namespace RoleGen.Core.Permissions;

/// <summary>
/// Why a permission is granted: an SDK call in code (File/Line/Column/Call), a template feature
/// (Template, e.g. "Events.Orders"), or a rule every function needs (Rule, e.g. "logs").
/// </summary>
public sealed record Reason(string? File = null, int? Line = null, int? Column = null, string? Call = null, string? Template = null, string? Rule = null)
{
    public override string ToString() =>
        Template is not null ? $"template {Template}" : Rule is not null ? $"rule {Rule}" : $"{File}:{Line} {Call}";
}

/// <summary>An IAM condition block: operator -> key -> values, kept sorted so output is deterministic.</summary>
public sealed record PolicyCondition(ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, ImmutableArray<string>>> Operators)
{
    public static PolicyCondition Single(string op, string key, IEnumerable<string> values) =>
        new(ImmutableSortedDictionary.Create<string, ImmutableSortedDictionary<string, ImmutableArray<string>>>(StringComparer.Ordinal)
            .Add(op, ImmutableSortedDictionary.Create<string, ImmutableArray<string>>(StringComparer.Ordinal)
                .Add(key, values.Distinct().Order(StringComparer.Ordinal).ToImmutableArray())));

    /// <summary>Text that is equal exactly when two conditions are equal (records compare arrays by reference).</summary>
    public string Key => string.Join(";", Operators.Select(o => o.Key + "{" + string.Join(",", o.Value.Select(k => k.Key + "=" + string.Join("|", k.Value))) + "}"));

    public bool Equals(PolicyCondition? other) => other is not null && Key == other.Key;

    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);
}

/// <summary>One action on one resource (an ARN in Fn::Sub syntax), with an optional condition and the reason it is needed.</summary>
public sealed record Permission(string Action, string Resource, PolicyCondition? Condition, Reason Reason);
