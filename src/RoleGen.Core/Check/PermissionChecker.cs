using System.Collections.Immutable;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Mappings;
using RoleGen.Core.Permissions;
using RoleGen.Core.Policy;

namespace RoleGen.Core.Check;

/// <summary>One action on one resource that a function needs, from a statement RoleGen generated for it.</summary>
public sealed record Need(string Action, string Resource, PolicyCondition? Condition, PolicyStatement Statement);

/// <summary>
/// Compares what a function needs (RoleGen's statements) with what it is granted today:
/// RG3001 a need no grant covers (at the code or template feature that needs it);
/// RG3002 a grant broader than needed (actions never needed, resources wider than needed), naming RoleGen's statements;
/// RG3003 wildcard actions or resources. Grants SAM adds on its own are reported as info.
/// </summary>
public sealed class PermissionChecker(ResourceMatcher resources)
{
    private const int MaxListed = 8;

    public static ImmutableArray<Need> NeedsOf(FunctionReport function) =>
        function.Statements
            .SelectMany(s => s.Actions.SelectMany(a => s.Resources.Select(r => new Need(a, r, s.Condition, s))))
            .ToImmutableArray();

    /// <summary>True when RoleGen found and analysed the function's code: only then is what it needs all it needs.</summary>
    public static bool CodeAnalysed(FunctionReport function) =>
        !function.Findings.Any(f => f.Code is FindingCodes.HandlerNotFound or FindingCodes.ProjectNotFound or FindingCodes.HandlerFormat);

    /// <param name="sharers">Other functions that use the same role, with what they need.</param>
    public ImmutableArray<Finding> Check(
        FunctionReport function, FunctionGrants grants, SourceLocation declaredAt, IReadOnlyList<RoleSharer> sharers)
    {
        var needs = NeedsOf(function);
        var findings = new List<Finding>();
        findings.AddRange(grants.Findings);
        findings.AddRange(Missing(function, needs, grants, declaredAt));
        // A function whose code RoleGen could not find needs what its code does: no grant can be called unneeded.
        var codeAnalysed = CodeAnalysed(function);
        foreach (var origin in grants.Statements.Where(g => g.Allow).GroupBy(g => g.Origin))
        {
            var statements = origin.ToList();
            if (Wildcards(function, origin.Key, statements) is { } wildcard) findings.Add(wildcard);
            if (codeAnalysed && Broader(function, grants, origin.Key, statements, needs, sharers) is { } broader) findings.Add(broader);
        }
        return findings.ToImmutableArray();
    }

    private bool Allows(GrantStatement grant, string action) =>
        grant.NotAction ? !grant.Actions.Any(p => IamGlob.Matches(p, action)) : grant.Actions.Any(p => IamGlob.Matches(p, action));

    private bool CoversResource(GrantStatement grant, string resource) =>
        grant.NotResource ? !grant.Resources.Any(r => resources.Covers(r, resource)) : grant.Resources.Any(r => resources.Covers(r, resource));

    /// <summary>A conditional grant counts only for a need with the same condition: RoleGen cannot tell when other conditions hold.</summary>
    private bool Covers(GrantStatement grant, Need need) =>
        Allows(grant, need.Action) && CoversResource(grant, need.Resource)
        && (grant.Condition is null || Equals(grant.Condition, need.Condition));

    /// <summary>
    /// A need on a pattern (<c>table/*</c>, where the code's resource is known only in part) that a grant names resources
    /// inside: one of them may be what the code uses, RoleGen cannot tell.
    /// </summary>
    private bool MayCover(GrantStatement grant, Need need) =>
        need.Resource.Contains('*') && !grant.NotResource && Allows(grant, need.Action) && grant.Condition is null &&
        grant.Resources.Any(r => !r.Contains('*') && resources.Covers(need.Resource, r));

    private bool Denies(GrantStatement grant, Need need) =>
        !grant.Allow && grant.Condition is null && Allows(grant, need.Action) && CoversResource(grant, need.Resource);

    private IEnumerable<Finding> Missing(FunctionReport function, ImmutableArray<Need> needs, FunctionGrants grants, SourceLocation declaredAt)
    {
        var allows = grants.Statements.Where(g => g.Allow).ToList();
        var denies = grants.Statements.Where(g => !g.Allow).ToList();
        var missing = needs
            .Where(n => !allows.Any(g => Covers(g, n)) || denies.Any(g => Denies(g, n)))
            .GroupBy(n => (n.Statement.Sid, n.Resource));
        foreach (var group in missing)
        {
            var statement = group.First().Statement;
            var actions = string.Join(", ", group.Select(n => n.Action).Distinct());
            var denied = group.Any(n => denies.Any(g => Denies(g, n)));
            var conditional = !denied && group.Any(n => allows.Any(g => g.Condition is not null && Allows(g, n.Action) && CoversResource(g, n.Resource)));
            var code = statement.Reasons.FirstOrDefault(r => r.File is not null);
            var location = code is null ? declaredAt : new SourceLocation(code.File!, code.Line ?? 1, code.Column ?? 1);
            var why = denied ? " (a Deny statement removes it)" : conditional ? " (a grant with a Condition RoleGen cannot evaluate was not counted)" : "";
            // The code names a resource RoleGen knows only in part, and current grants name resources inside that pattern:
            // the one the code uses may well be among them, so this is a question, not a certain failure.
            var maybe = !denied ? group.SelectMany(n => allows.Where(g => MayCover(g, n)).SelectMany(g => g.Resources.Where(r => resources.Covers(n.Resource, r)))).Distinct().ToList() : [];
            var severity = grants.Opaque.IsEmpty && maybe.Count == 0 ? Severity.Error : Severity.Warning;
            var unless = grants.Opaque.IsEmpty ? "" : $" Unless {Join(grants.Opaque)} grants it: RoleGen cannot see into {(grants.Opaque.Length == 1 ? "it" : "them")}.";
            var perhaps = maybe.Count == 0 ? "" : $" RoleGen knows the resource only in part (see its RG1002/RG1006 finding); current grants name {Join(maybe)}, which may be the one the code uses: check that it is.";
            yield return Finding.At(FindingCodes.MissingPermission, severity,
                $"{function.LogicalId}: {actions} on {group.Key.Resource} is needed by {Reasons(statement.Reasons)} but no current grant covers it{why}.{unless}{perhaps} " +
                $"RoleGen's statement {statement.Sid} grants it.", location);
        }
    }

    private Finding? Wildcards(FunctionReport function, GrantOrigin origin, List<GrantStatement> statements)
    {
        var actions = statements
            .SelectMany(g => g.NotAction ? [$"every action except {string.Join(", ", g.Actions)}"] : g.Actions.Where(IsWildcardAction))
            .Distinct().ToList();
        var wide = statements.Where(g => !g.NotResource).SelectMany(g => g.Resources).Where(resources.IsWildcard)
            .Concat(statements.Where(g => g.NotResource).Select(g => $"every resource except {string.Join(", ", g.Resources)}"))
            .Distinct().ToList();
        if (actions.Count == 0 && wide.Count == 0) return null;
        var parts = new List<string>();
        if (actions.Count > 0) parts.Add($"wildcard action{(actions.Count > 1 ? "s" : "")} {Join(actions)}");
        if (wide.Count > 0) parts.Add($"wildcard resource{(wide.Count > 1 ? "s" : "")} {Join(wide)}");
        return Finding.At(FindingCodes.WildcardGrant, origin.SamDefault ? Severity.Info : Severity.Warning,
            $"{function.LogicalId}: {origin.Description} grants {string.Join(" and ", parts)}.{SamDefaultNote(origin)}", origin.Location);
    }

    private static bool IsWildcardAction(string action) => action == "*" || action.EndsWith(":*", StringComparison.Ordinal);

    private Finding? Broader(
        FunctionReport function, FunctionGrants grants, GrantOrigin origin, List<GrantStatement> statements, ImmutableArray<Need> needs,
        IReadOnlyList<RoleSharer> sharers)
    {
        var neverActions = new List<string>();
        var wideActions = new List<string>();
        var neverResources = new List<string>();
        var wideResources = new List<string>();
        var matched = new HashSet<Need>();
        var neededByOthers = false;
        string Unneeded(string item, string neededBy)
        {
            neededByOthers |= neededBy.Length > 0;
            return item + neededBy;
        }
        foreach (var grant in statements)
        {
            var covered = needs.Where(n => Covers(grant, n)).ToList();
            matched.UnionWith(covered);
            // Needs on patterns this grant's resources fall inside: the grant may be what the code uses, so neither unneeded nor wider.
            var possibly = needs.Where(n => MayCover(grant, n)).ToList();
            covered = [.. covered, .. possibly.Where(n => !covered.Contains(n))];
            var patterns = grant.NotAction ? [$"every action except {string.Join(", ", grant.Actions)}"] : grant.Actions;
            // Actions of a service the code calls in ways RoleGen cannot map (RG1001): those calls may need them, on any resource.
            var unmappedService = patterns.Where(p => !grant.NotAction && OfUnmappedService(function, p)).ToHashSet(StringComparer.Ordinal);
            foreach (var pattern in patterns.Distinct().Where(p => !unmappedService.Contains(p)))
            {
                var uses = covered.Where(n => grant.NotAction || IamGlob.Matches(pattern, n.Action)).Select(n => n.Action).Distinct().ToList();
                if (uses.Count == 0) neverActions.Add(Unneeded(pattern, NeededBy(sharers, grant, n => grant.NotAction || IamGlob.Matches(pattern, n.Action))));
                else if (grant.NotAction || IamGlob.HasWildcard(pattern)) wideActions.Add($"{pattern} where only {Join(uses)} {(uses.Count == 1 ? "is" : "are")} needed");
            }
            foreach (var resource in grant.NotResource || unmappedService.Count > 0 && patterns.All(unmappedService.Contains) ? [] : grant.Resources.Distinct())
            {
                if (possibly.Any(n => resources.Covers(n.Resource, resource))) continue;
                var within = covered.Where(n => resources.Covers(resource, n.Resource)).Select(n => n.Resource).Distinct().ToList();
                if (within.Count == 0) neverResources.Add(Unneeded(resource, NeededBy(sharers, grant, n => resources.Covers(resource, n.Resource))));
                else if (!within.Any(n => resources.Same(resource, n))) wideResources.Add($"{resource} where only {Join(within)} {(within.Count == 1 ? "is" : "are")} needed");
            }
        }
        var parts = new List<string>();
        if (neverActions.Count > 0) parts.Add($"actions it never needs: {Join(neverActions.Distinct().ToList())}");
        if (wideActions.Count > 0) parts.Add(Join(wideActions.Distinct().ToList(), "; "));
        if (neverResources.Count > 0) parts.Add($"resources it never needs: {Join(neverResources.Distinct().ToList())}");
        if (wideResources.Count > 0) parts.Add(Join(wideResources.Distinct().ToList(), "; "));
        if (parts.Count == 0) return null;
        var tighter = matched.Select(n => n.Statement).Distinct().OrderBy(s => s.Sid, StringComparer.Ordinal)
            .Select(s => $"{s.Sid} ({string.Join(", ", s.Actions)} on {string.Join(", ", s.Resources)})").ToList();
        // Calls RoleGen cannot map into a service it cannot name (a library, a package that calls AWS inside: RG1001,
        // RG1008) may need what it calls unneeded: say so rather than advise removing it.
        var unmapped = function.UnmappedServices.Contains(SdkClientNaming.AnyService)
            ? function.Findings.Where(f => f.Code is FindingCodes.UnknownSdkCall or FindingCodes.AwsDependentPackage).Select(f => f.Code).Distinct().Order(StringComparer.Ordinal).ToList()
            : [];
        // On a shared role, what this function never needs may be what another function does: removing it would break that one.
        var unanalysed = sharers.Where(s => !s.CodeAnalysed).Select(s => s.LogicalId).ToList();
        var instead = tighter.Count > 0 ? $" RoleGen would write instead: {string.Join("; ", tighter)}."
            : unmapped.Count > 0 ? " The code RoleGen maps needs nothing it grants."
            : unanalysed.Count > 0 ? $" The function needs nothing it grants, but {Join(unanalysed)}, which share{(unanalysed.Count == 1 ? "s" : "")} the role and whose code RoleGen did not analyse, may: do not remove it before each function has its own role."
            : neededByOthers ? " The function needs nothing it grants; only the functions that share the role do: move it to their own roles rather than remove it."
            : " The function needs nothing it grants: remove it.";
        var caveat = unmapped.Count > 0 ? $" The function also makes calls RoleGen cannot map ({string.Join(", ", unmapped)}): one of them may need it." : "";
        var shared = grants.RoleLogicalId is { } role && sharers.Count > 0
            ? $" Role {role} is shared with {string.Join(", ", sharers.Select(s => s.LogicalId))}: give each function its own role."
            : "";
        return Finding.At(FindingCodes.BroaderThanNeeded, origin.SamDefault ? Severity.Info : Severity.Warning,
            $"{function.LogicalId}: {origin.Description} grants more than the function needs: {Join(parts, "; ")}.{instead}{caveat}{shared}{SamDefaultNote(origin)}",
            origin.Location);
    }

    private static bool OfUnmappedService(FunctionReport function, string action) =>
        action.IndexOf(':') is > 0 and var colon && function.UnmappedServices.Contains(action[..colon]);

    private string NeededBy(IReadOnlyList<RoleSharer> sharers, GrantStatement grant, Func<Need, bool> uses)
    {
        var users = sharers.Where(s => s.Needs.Any(n => Covers(grant, n) && uses(n))).Select(s => s.LogicalId).ToList();
        return users.Count == 0 ? "" : $" (needed by {string.Join(", ", users)}, which share{(users.Count == 1 ? "s" : "")} the role)";
    }

    private static string SamDefaultNote(GrantOrigin origin) =>
        origin.SamDefault ? " SAM adds this to every role it generates; to tighten it, give the function its own Role (rolegen generate --in-place)." : "";

    private static string Reasons(ImmutableArray<Reason> reasons) =>
        reasons.IsEmpty ? "RoleGen's analysis" : Join(reasons.Select(r =>
            r.Template is not null ? $"template {r.Template}" : r.Rule is not null ? $"rule {r.Rule}" : $"{r.Call} at {r.File}:{r.Line}").Distinct().ToList());

    private static string Join(IReadOnlyCollection<string> items, string separator = ", ") =>
        items.Count <= MaxListed ? string.Join(separator, items) : string.Join(separator, items.Take(MaxListed)) + $"{separator}and {items.Count - MaxListed} more";
}

/// <summary>Another function that uses the same role: what it needs, and whether RoleGen analysed its code (else it may need more).</summary>
public sealed record RoleSharer(string LogicalId, ImmutableArray<Need> Needs, bool CodeAnalysed);
