using System.Collections.Immutable;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Policy;

namespace RoleGen.Core;

/// <summary>The role RoleGen generated for one function, and what it found while doing so.</summary>
public sealed record FunctionReport(
    string LogicalId,
    string? Handler,
    ImmutableArray<PolicyStatement> Statements,
    ImmutableArray<Finding> Findings)
{
    public string RoleLogicalId => LogicalId + "Role";

    /// <summary>The permissions boundary the role keeps (<see cref="Templates.PermissionsBoundary"/>), as <see cref="Templates.CfnJson"/> text; null when none.</summary>
    public string? PermissionsBoundary { get; init; }
}

/// <summary>Everything one run produced: per function, and findings that concern no single function.</summary>
public sealed record RoleGenReport(string TemplatePath, ImmutableArray<FunctionReport> Functions, ImmutableArray<Finding> Findings)
{
    public const int Version = 1;

    public IEnumerable<Finding> AllFindings => Findings.Concat(Functions.SelectMany(f => f.Findings));
}
