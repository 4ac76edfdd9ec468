using System.Collections.Immutable;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Permissions;
using RoleGen.Core.Policy;

namespace RoleGen.Core.Diff;

/// <summary>
/// Compares two reports permission by permission: every statement is expanded into (action, resource, condition)
/// triples, so regrouping statements or renumbering Sids is no change, and one action gained on an existing statement is.
/// </summary>
public static class ReportDiffer
{
    public static ReportDiff Compare(RoleGenReport @base, RoleGenReport head)
    {
        var baseFunctions = @base.Functions.ToDictionary(f => f.LogicalId, StringComparer.Ordinal);
        var headFunctions = head.Functions.ToDictionary(f => f.LogicalId, StringComparer.Ordinal);
        var diffs = new List<FunctionDiff>();
        var unchanged = 0;
        foreach (var id in baseFunctions.Keys.Union(headFunctions.Keys).Order(StringComparer.Ordinal))
        {
            baseFunctions.TryGetValue(id, out var before);
            headFunctions.TryGetValue(id, out var after);
            var diff = Compare(id, before, after);
            if (diff.HasChanges) diffs.Add(diff);
            else unchanged++;
        }
        return new ReportDiff(diffs.ToImmutableArray(), NewFindings(@base.Findings, head.Findings), unchanged);
    }

    private static FunctionDiff Compare(string id, FunctionReport? before, FunctionReport? after)
    {
        var change = before is null ? FunctionChange.Added : after is null ? FunctionChange.Removed : FunctionChange.Changed;
        var beforeGrants = Grants(before);
        var afterGrants = Grants(after);
        return new FunctionDiff(id, change,
            Changes(afterGrants, beforeGrants, Reasons(before)),
            Changes(beforeGrants, afterGrants, Reasons(after)),
            NewFindings(before?.Findings ?? [], after?.Findings ?? []));
    }

    /// <summary>The grants of <paramref name="side"/> that <paramref name="other"/> lacks, each with the reasons that most likely introduced it.</summary>
    private static ImmutableArray<PermissionChange> Changes(Dictionary<GrantKey, List<Reason>> side, Dictionary<GrantKey, List<Reason>> other, HashSet<ReasonKey> otherReasons) =>
        side.Where(g => !other.ContainsKey(g.Key))
            .Select(g => new PermissionChange(g.Key.Action, g.Key.Resource, g.Key.Condition, Narrow(g.Key.Action, g.Value, otherReasons)))
            .OrderBy(p => p.Action, StringComparer.Ordinal).ThenBy(p => p.Resource, StringComparer.Ordinal).ThenBy(p => p.Condition?.Key ?? "", StringComparer.Ordinal)
            .ToImmutableArray();

    /// <summary>
    /// A statement's reasons cover all its actions (one statement holds GetItem and DeleteItem on the same table), so the
    /// reasons for one action are narrowed: first calls named after the action that the other side does not have
    /// (a new <c>DeleteItemAsync</c> for <c>dynamodb:DeleteItem</c>), then calls named after the action, then any reason the
    /// other side does not have; if none of these exist, every reason of the statement.
    /// </summary>
    private static ImmutableArray<Reason> Narrow(string action, List<Reason> reasons, HashSet<ReasonKey> otherReasons)
    {
        var name = action.Split(':') is [_, var n] ? n : action;
        bool Named(Reason r) => r.Call is { } call && string.Equals(MethodName(call), name, StringComparison.OrdinalIgnoreCase);
        bool New(Reason r) => !otherReasons.Contains(ReasonKey.Of(r));
        var distinct = reasons.Distinct().ToList();
        var chosen = distinct.Where(r => Named(r) && New(r)).ToList() is { Count: > 0 } a ? a
            : distinct.Where(Named).ToList() is { Count: > 0 } b ? b
            : distinct.Where(New).ToList() is { Count: > 0 } c ? c
            : distinct;
        return chosen
            .OrderBy(r => r.Rule is not null ? 0 : r.Template is not null ? 1 : 2)
            .ThenBy(r => r.Rule ?? r.Template ?? r.File ?? "", StringComparer.Ordinal)
            .ThenBy(r => r.Line ?? 0).ThenBy(r => r.Column ?? 0).ThenBy(r => r.Call ?? "", StringComparer.Ordinal)
            .ToImmutableArray();
    }

    /// <summary><c>IAmazonDynamoDB.DeleteItemAsync</c> -> <c>DeleteItem</c>.</summary>
    private static string MethodName(string call)
    {
        var method = call[(call.LastIndexOf('.') + 1)..];
        return method.EndsWith("Async", StringComparison.Ordinal) ? method[..^"Async".Length] : method;
    }

    private static Dictionary<GrantKey, List<Reason>> Grants(FunctionReport? function)
    {
        var grants = new Dictionary<GrantKey, List<Reason>>();
        foreach (var statement in function?.Statements ?? [])
        foreach (var action in statement.Actions)
        foreach (var resource in statement.Resources)
        {
            var key = new GrantKey(action, resource, statement.Condition);
            if (!grants.TryGetValue(key, out var reasons)) grants[key] = reasons = [];
            reasons.AddRange(statement.Reasons);
        }
        return grants;
    }

    private static HashSet<ReasonKey> Reasons(FunctionReport? function) =>
        (function?.Statements ?? []).SelectMany(s => s.Reasons).Select(ReasonKey.Of).ToHashSet();

    /// <summary>Findings of the head that the base does not have; lines are ignored, since an edit above a finding moves it.</summary>
    private static ImmutableArray<Finding> NewFindings(ImmutableArray<Finding> before, ImmutableArray<Finding> after)
    {
        var known = before.Select(f => (f.Code, f.Message, f.File)).ToHashSet();
        return after.Where(f => !known.Contains((f.Code, f.Message, f.File))).Distinct().ToImmutableArray();
    }

    private sealed record GrantKey(string Action, string Resource, PolicyCondition? Condition);

    /// <summary>A reason without its line and column: an edit above a call moves it but does not make it new.</summary>
    private sealed record ReasonKey(string? File, string? Call, string? Template, string? Rule)
    {
        public static ReasonKey Of(Reason r) => new(r.File, r.Call, r.Template, r.Rule);
    }
}
