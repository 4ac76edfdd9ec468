using System.Collections.Immutable;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Permissions;

namespace RoleGen.Core.Check;

/// <summary>
/// Where a current grant comes from: a managed policy, a SAM policy template, an inline statement, or what SAM adds
/// to the role it generates (<see cref="SamDefault"/>: the template cannot tighten those except by giving the
/// function its own role, so their findings are info, not warnings).
/// </summary>
public sealed record GrantOrigin(string Description, SourceLocation Location, bool SamDefault = false);

/// <summary>
/// One statement a function's role has today. Actions are IAM patterns; resources are every value the template
/// can give them, in Fn::Sub syntax (<c>arn:${AWS::Partition}:s3:::${Uploads}/*</c>), as written.
/// </summary>
public sealed record GrantStatement(
    bool Allow,
    ImmutableArray<string> Actions,
    bool NotAction,
    ImmutableArray<string> Resources,
    bool NotResource,
    PolicyCondition? Condition,
    GrantOrigin Origin);

/// <summary>What a function is granted today, what RoleGen cannot see into, and the role when it is declared in the template.</summary>
public sealed record FunctionGrants(
    ImmutableArray<GrantStatement> Statements,
    ImmutableArray<string> Opaque,
    ImmutableArray<Finding> Findings,
    string? RoleLogicalId);
