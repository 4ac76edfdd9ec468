using System.Collections.Immutable;

namespace RoleGen.Core.Mappings;

/// <summary>
/// One statement of a policy RoleGen knows as data: Allow or Deny, actions or NotAction (IAM patterns), resources (ARN
/// patterns in Fn::Sub syntax, which may name ${Parameters} of a SAM policy template), and an optional condition
/// (operator -> key -> values).
/// </summary>
public sealed record PolicyDataStatement(
    bool Allow,
    ImmutableArray<string> Actions,
    bool NotAction,
    ImmutableArray<string> Resources,
    ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, ImmutableArray<string>>>? Condition,
    int Line);

/// <summary>An AWS managed policy (mappings/policies/managed.yaml).</summary>
public sealed record ManagedPolicyData(string Name, string Path, string Version, ImmutableArray<PolicyDataStatement> Statements)
{
    public string Arn => $"arn:${{AWS::Partition}}:iam::aws:policy{Path}{Name}";
}

/// <summary>A SAM policy template (mappings/policies/sam-policy-templates.yaml): its parameters and statements.</summary>
public sealed record SamPolicyTemplateData(string Name, ImmutableArray<string> Parameters, ImmutableArray<PolicyDataStatement> Statements);

/// <summary>
/// What SAM adds to the role it generates (mappings/policies/sam-role.yaml). <see cref="SendTo"/> is keyed by where the
/// target is declared (<see cref="SendToContexts"/>), then by the target's Type: SAM accepts different types in each.
/// </summary>
public sealed record SamRoleData(
    ImmutableArray<string> Always,
    string? Tracing,
    string? Vpc,
    ImmutableDictionary<string, string> EventSources,
    ImmutableDictionary<string, ImmutableDictionary<string, ImmutableArray<string>>> SendTo)
{
    public const string DeadLetterQueue = "DeadLetterQueue";
    public const string EventOnFailure = "EventOnFailure";
    public const string EventInvokeConfig = "EventInvokeConfig";
    public static readonly ImmutableArray<string> SendToContexts = [DeadLetterQueue, EventOnFailure, EventInvokeConfig];

    /// <summary>
    /// By sendTo context, then Type: the ARN (Fn::Sub syntax, with <c>&lt;Function&gt;</c> and <c>&lt;Outcome&gt;</c> to fill)
    /// of the target SAM creates when the destination names none; SAM grants <see cref="SendToActions"/> on it.
    /// </summary>
    public ImmutableDictionary<string, ImmutableDictionary<string, string>> Created { get; init; } =
        ImmutableDictionary<string, ImmutableDictionary<string, string>>.Empty;

    /// <summary>The ARN of the target SAM creates for this function's destination (OnSuccess/OnFailure) of this Type; null when it creates none.</summary>
    public string? CreatedTarget(string context, string type, string functionLogicalId, string outcome) =>
        Created.TryGetValue(context, out var types) && types.TryGetValue(type, out var arn)
            ? arn.Replace(CreatedDestination.FunctionPlaceholder, functionLogicalId, StringComparison.Ordinal).Replace(CreatedDestination.OutcomePlaceholder, outcome, StringComparison.Ordinal)
            : null;

    /// <summary>The actions SAM grants on a target of this Type declared there; none when SAM grants nothing for it.</summary>
    public ImmutableArray<string> SendToActions(string context, string type) =>
        SendTo.TryGetValue(context, out var types) && types.TryGetValue(type, out var actions) ? actions : [];
}

/// <summary>The policies RoleGen can see into when it checks what a function is granted today.</summary>
public sealed record PolicyLibrary(
    ImmutableDictionary<string, ManagedPolicyData> Managed,
    ImmutableDictionary<string, SamPolicyTemplateData> SamTemplates,
    SamRoleData SamRole)
{
    public const string Folder = "policies";

    public ManagedPolicyData? FindManaged(string name) => Managed.GetValueOrDefault(name);

    /// <summary>
    /// The AWS managed policy an ARN names (<c>arn:aws:iam::aws:policy/service-role/X</c>, any partition), or the
    /// policy of that name; null for a customer policy or a name RoleGen does not know. <paramref name="name"/> is
    /// the policy name read from the ARN either way, for messages.
    /// </summary>
    public ManagedPolicyData? FindByNameOrArn(string nameOrArn, out string name)
    {
        name = nameOrArn;
        if (!nameOrArn.StartsWith("arn:", StringComparison.Ordinal)) return FindManaged(nameOrArn);
        var marker = nameOrArn.IndexOf(":iam::", StringComparison.Ordinal);
        if (marker < 0) return null;
        var rest = nameOrArn[(marker + ":iam::".Length)..];
        var slash = rest.LastIndexOf('/');
        name = slash >= 0 ? rest[(slash + 1)..] : rest;
        return rest.StartsWith("aws:policy/", StringComparison.Ordinal) ? FindManaged(name) : null;
    }
}
