using RoleGen.Core.Diagnostics;
using RoleGen.Core.Permissions;

namespace RoleGen.Core.Diff;

/// <summary>Plain-text spellings shared by the Markdown comment and the review line comments (not escaped: callers escape for where it goes).</summary>
public static class DiffText
{
    public static string Permission(PermissionChange permission, bool markWildcard = true) =>
        $"{permission.Action} on {permission.Resource}" +
        (permission.Condition is { } condition ? " when " + Condition(condition) : "") +
        (markWildcard && permission.IsWildcard ? "   (wildcard)" : "");

    public static string Condition(PolicyCondition condition) =>
        string.Join(" and ", condition.Operators.SelectMany(op => op.Value.Select(key => $"{op.Key} {key.Key} = {string.Join(", ", key.Value)}")));

    public static string Reason(Reason reason) =>
        reason.Template is not null ? $"template: {reason.Template}"
        : reason.Rule is not null ? $"every function: {reason.Rule}"
        : $"{reason.File}{(reason.Line is { } line ? ":" + line : "")}{(reason.Call is { } call ? "  " + call : "")}";

    public static string Finding(Finding finding) =>
        $"{finding.Severity.ToString().ToLowerInvariant()} {finding.Code}" +
        (finding.File is null ? "" : $" {finding.File}{(finding.Line is { } line ? ":" + line : "")}") +
        $": {finding.Message}";

    public static string Count(int count, string singular, string plural) => $"{count} {(count == 1 ? singular : plural)}";

    /// <summary>"3 functions gain permissions, 1 loses"; "1 function loses permissions"; "No permission changes".</summary>
    public static string Headline(ReportDiff diff)
    {
        var (gain, lose) = (diff.FunctionsGaining, diff.FunctionsLosing);
        var main = (gain, lose) switch
        {
            (0, 0) => "No permission changes",
            (_, 0) => $"{Count(gain, "function gains", "functions gain")} permissions",
            (0, _) => $"{Count(lose, "function loses", "functions lose")} permissions",
            _ => $"{Count(gain, "function gains", "functions gain")} permissions, {lose} {(lose == 1 ? "loses" : "lose")}",
        };
        var extra = new List<string>();
        if (diff.NewWildcards > 0) extra.Add(Count(diff.NewWildcards, "new wildcard", "new wildcards"));
        if (diff.NewFindingCount > 0) extra.Add(Count(diff.NewFindingCount, "new finding", "new findings"));
        var added = diff.Functions.Count(f => f.Change == FunctionChange.Added);
        var removed = diff.Functions.Count(f => f.Change == FunctionChange.Removed);
        if (added > 0) extra.Add(Count(added, "function added", "functions added"));
        if (removed > 0) extra.Add(Count(removed, "function removed", "functions removed"));
        return extra.Count == 0 ? main : $"{main} ({string.Join(", ", extra)})";
    }
}
