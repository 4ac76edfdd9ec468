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

    /// <summary>
    /// The <c>AWS::IAM::Policy</c> resource, attached to the role, holding the statements that name the function itself
    /// (its log group, <c>/aws/lambda/${Fn}</c>, when CloudFormation generates its name): the role cannot refer to the
    /// function that refers to it (a circular dependency), a policy attached to it can.
    /// </summary>
    [Newtonsoft.Json.JsonIgnore]
    public string SelfPolicyLogicalId => LogicalId + "RolePolicy";

    /// <summary>The statements of the role's own inline policy.</summary>
    [Newtonsoft.Json.JsonIgnore]
    public IEnumerable<PolicyStatement> RoleStatements => Statements.Where(s => !NamesItself(s));

    /// <summary>The statements of <see cref="SelfPolicyLogicalId"/>; none for most functions with a FunctionName.</summary>
    [Newtonsoft.Json.JsonIgnore]
    public IEnumerable<PolicyStatement> SelfStatements => Statements.Where(NamesItself);

    private bool NamesItself(PolicyStatement statement) =>
        statement.Resources.Any(r => r.Contains("${" + LogicalId + "}", StringComparison.Ordinal) || r.Contains("${" + LogicalId + ".", StringComparison.Ordinal));

    /// <summary>
    /// The template condition the function is created under (its resource's <c>Condition</c>), which its role and
    /// policy take too: when it is false, nothing may refer to the function; null for an unconditional function.
    /// </summary>
    public string? Condition { get; init; }

    /// <summary>
    /// The IAM prefixes of services the code calls in ways RoleGen cannot map (<c>*</c>: a service not known), whose
    /// grants <c>check</c> does not call unneeded.
    /// </summary>
    [Newtonsoft.Json.JsonIgnore]
    public ImmutableSortedSet<string> UnmappedServices { get; init; } = ImmutableSortedSet<string>.Empty;

    /// <summary>The permissions boundary the role keeps (<see cref="Templates.PermissionsBoundary"/>), as <see cref="Templates.CfnJson"/> text; null when none.</summary>
    public string? PermissionsBoundary { get; init; }
}

/// <summary>Everything one run produced: per function, and findings that concern no single function.</summary>
public sealed record RoleGenReport(string TemplatePath, ImmutableArray<FunctionReport> Functions, ImmutableArray<Finding> Findings)
{
    public const int Version = 1;

    public IEnumerable<Finding> AllFindings => Findings.Concat(Functions.SelectMany(f => f.Findings));
}
