using System.Collections.Immutable;
using RoleGen.Core.Diagnostics;

namespace RoleGen.Core.Permissions;

/// <summary>The permissions a function needs, before they are merged into statements, and what was found on the way.</summary>
public sealed record PermissionSet(ImmutableArray<Permission> Permissions, ImmutableArray<Finding> Findings)
{
    public static PermissionSet Empty { get; } = new([], []);

    /// <summary>
    /// The IAM prefixes of services the function calls in ways the mapping table does not cover (RG1001, RG1008), so
    /// that it needs more of them than <see cref="Permissions"/> says; <c>*</c> when a call's service is not known.
    /// </summary>
    public ImmutableSortedSet<string> UnmappedServices { get; init; } = ImmutableSortedSet<string>.Empty;

    public PermissionSet Add(PermissionSet other) =>
        new(Permissions.AddRange(other.Permissions), Findings.AddRange(other.Findings)) { UnmappedServices = UnmappedServices.Union(other.UnmappedServices) };
}
