using System.Collections.Immutable;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Permissions;

namespace RoleGen.Core.Diff;

public enum FunctionChange { Changed, Added, Removed }

/// <summary>
/// One permission (action on resource, under a condition) that one side has and the other does not, with the source
/// lines or template features that need it on the side that has it.
/// </summary>
public sealed record PermissionChange(string Action, string Resource, PolicyCondition? Condition, ImmutableArray<Reason> Reasons)
{
    /// <summary>
    /// A <c>*</c> in the action or the resource: the grant covers more than one named thing. What RoleGen grants every
    /// function by rule (its own log group's streams, <c>log-group:/aws/lambda/name:*</c>) is not counted: it is the
    /// fixed shape of those ARNs, not something the code asked for.
    /// </summary>
    public bool IsWildcard => (Action.Contains('*') || Resource.Contains('*')) && !(Reasons.Length > 0 && Reasons.All(r => r.Rule is not null));
}

/// <summary>What changed for one function between the base and the head report.</summary>
public sealed record FunctionDiff(
    string LogicalId,
    FunctionChange Change,
    ImmutableArray<PermissionChange> Added,
    ImmutableArray<PermissionChange> Removed,
    ImmutableArray<Finding> NewFindings)
{
    public IEnumerable<PermissionChange> NewWildcards => Added.Where(p => p.IsWildcard);

    public bool HasChanges => Change != FunctionChange.Changed || Added.Length > 0 || Removed.Length > 0 || NewFindings.Length > 0;
}

/// <summary>The difference between two runs: per function (ordered by logical id), only functions that changed.</summary>
public sealed record ReportDiff(ImmutableArray<FunctionDiff> Functions, ImmutableArray<Finding> NewFindings, int UnchangedFunctions)
{
    public const int Version = 1;

    public int FunctionsGaining => Functions.Count(f => f.Added.Length > 0);

    public int FunctionsLosing => Functions.Count(f => f.Removed.Length > 0);

    public int AddedPermissions => Functions.Sum(f => f.Added.Length);

    public int RemovedPermissions => Functions.Sum(f => f.Removed.Length);

    public int NewWildcards => Functions.Sum(f => f.NewWildcards.Count());

    public int NewFindingCount => NewFindings.Length + Functions.Sum(f => f.NewFindings.Length);

    public bool IsEmpty => Functions.IsEmpty && NewFindings.IsEmpty;
}
