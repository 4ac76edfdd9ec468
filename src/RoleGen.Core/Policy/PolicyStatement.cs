using System.Collections.Immutable;
using RoleGen.Core.Permissions;

namespace RoleGen.Core.Policy;

/// <summary>One Allow statement of a generated policy, with every reason that needed some part of it.</summary>
public sealed record PolicyStatement(
    string Sid,
    ImmutableArray<string> Actions,
    ImmutableArray<string> Resources,
    PolicyCondition? Condition,
    ImmutableArray<Reason> Reasons)
{
    public const string Effect = "Allow";

    /// <summary>
    /// Template conditions the statement holds under (<see cref="ConditionalResources"/>): it names resources created only
    /// when they are true, so it is written as <c>!If [C, statement, !Ref AWS::NoValue]</c>. Empty for most.
    /// </summary>
    public ImmutableArray<string> TemplateConditions { get; init; } = [];
}
