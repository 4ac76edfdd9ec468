using System.Collections.Immutable;
using RoleGen.Core.Diagnostics;

namespace RoleGen.Core.Permissions;

/// <summary>The permissions a function needs, before they are merged into statements, and what was found on the way.</summary>
public sealed record PermissionSet(ImmutableArray<Permission> Permissions, ImmutableArray<Finding> Findings)
{
    public static PermissionSet Empty { get; } = new([], []);

    public PermissionSet Add(PermissionSet other) => new(Permissions.AddRange(other.Permissions), Findings.AddRange(other.Findings));
}
