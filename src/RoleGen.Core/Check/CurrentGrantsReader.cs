using System.Collections.Immutable;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Mappings;
using RoleGen.Core.Templates;

namespace RoleGen.Core.Check;

/// <summary>
/// What a function's role grants today, as far as the template shows it:
/// <list type="bullet">
/// <item>a <c>Role</c> declared in the template (<c>!GetAtt R.Arn</c>, <c>!Ref R</c>, or its literal ARN): the role's
/// inline <c>Policies</c> and <c>ManagedPolicyArns</c>, and the <c>AWS::IAM::Policy</c>, <c>AWS::IAM::ManagedPolicy</c>
/// and <c>AWS::IAM::RolePolicy</c> resources attached to it;</item>
/// <item>otherwise, for a SAM function, the role SAM generates: its <c>Policies</c> (managed policy names or ARNs,
/// inline documents, SAM policy templates) plus what SAM always adds (mappings/policies/sam-role.yaml).</item>
/// </list>
/// A role outside the template, a customer managed policy, a policy template or managed policy RoleGen does not know:
/// their grants cannot be seen, which is an info finding (RG3007) and makes missing permissions warnings, not errors.
/// </summary>
public sealed class CurrentGrantsReader(CfnTemplate template, TemplateExpressionReader expressions, PolicyLibrary library)
{
    private const string IamRole = "AWS::IAM::Role";
    private const string IamPolicy = "AWS::IAM::Policy";
    private const string IamManagedPolicy = "AWS::IAM::ManagedPolicy";
    private const string IamRolePolicy = "AWS::IAM::RolePolicy";

    private readonly PolicyDocumentReader _documents = new(template, expressions);

    public FunctionGrants For(FunctionSpec function)
    {
        var statements = new List<GrantStatement>();
        var opaque = new List<string>();
        string? roleId = null;
        if (function.Properties["Role"] is { } roleNode)
        {
            roleId = FindRole(roleNode, out var roleText);
            if (roleId is null) opaque.Add($"role {roleText}, which is not declared in this template");
            else Role(roleId, statements, opaque);
        }
        else if (function.ResourceType == FunctionSpecReader.ServerlessFunction)
        {
            SamPolicies(function, statements, opaque);
            SamDefaults(function, statements);
        }
        else
        {
            opaque.Add($"{function.LogicalId} has no Role");
        }

        var at = _documents.At(function.Span);
        var findings = opaque.Distinct().Select(what => Finding.At(FindingCodes.GrantNotVisible, Severity.Info,
            $"{function.LogicalId}: RoleGen cannot see what {what} grants; permissions it may give are not counted.", at)).ToImmutableArray();
        return new FunctionGrants(statements.ToImmutableArray(), opaque.Distinct().ToImmutableArray(), findings, roleId);
    }

    private string? FindRole(CfnNode node, out string text)
    {
        var options = expressions.Read(node);
        text = options.IsEmpty ? "(none)" : options[0].Sub;
        foreach (var option in options)
        {
            if (option.Resource is { ResourceType: IamRole } role) return role.LogicalId;
            // A literal ARN (or one built with !Sub) names the role by its RoleName.
            if (!option.Sub.Contains(":role/", StringComparison.Ordinal)) continue;
            var name = SubText.Unescape(option.Sub[(option.Sub.LastIndexOf('/') + 1)..]);
            var byName = template.Resources.Values.FirstOrDefault(r => r.Type == IamRole && r.Properties["RoleName"] is CfnScalar { Value: var n } && n == name);
            if (byName is not null) return byName.LogicalId;
        }
        return null;
    }

    private void Role(string roleId, List<GrantStatement> statements, List<string> opaque)
    {
        var role = template.Resources[roleId];
        if (role.Properties["Policies"] is CfnSequence inline)
        {
            foreach (var policy in inline.Items.SelectMany(PolicyDocumentReader.Alternatives))
            {
                var name = (policy["PolicyName"] as CfnScalar)?.Value ?? "(unnamed)";
                statements.AddRange(_documents.Document(policy["PolicyDocument"], $"role {roleId}, inline policy {name}", opaque));
            }
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (role.Properties["ManagedPolicyArns"] is CfnSequence arns)
            foreach (var item in arns.Items)
                ManagedPolicy(item, $"role {roleId}, ManagedPolicyArns", statements, opaque, seen, samDefault: false);

        // Policies declared elsewhere in the template that attach themselves to the role.
        foreach (var resource in template.Resources.Values.OrderBy(r => r.Span.Start))
        {
            if (seen.Contains(resource.LogicalId)) continue;
            var attached = resource.Type switch
            {
                IamPolicy or IamManagedPolicy => resource.Properties["Roles"] is CfnSequence roles && roles.Items.Any(r => NamesRole(r, role)),
                IamRolePolicy => resource.Properties["RoleName"] is { } roleName && NamesRole(roleName, role),
                _ => false,
            };
            if (!attached) continue;
            seen.Add(resource.LogicalId);
            statements.AddRange(_documents.Document(resource.Properties["PolicyDocument"], $"{resource.Type} {resource.LogicalId}", opaque));
        }
    }

    private bool NamesRole(CfnNode node, CfnResource role) =>
        expressions.Read(node).Any(o => o.Resource?.LogicalId == role.LogicalId
                                        || (role.Properties["RoleName"] is CfnScalar { Value: var name } && SubText.Unescape(o.Sub) == name));

    /// <summary>A managed policy by name or ARN: one RoleGen knows as data, one declared in the template, or an opaque one.</summary>
    private void ManagedPolicy(CfnNode item, string where, List<GrantStatement> statements, List<string> opaque, HashSet<string> seen, bool samDefault)
    {
        foreach (var option in expressions.Read(item))
        {
            if (option.Resource is { ResourceType: IamManagedPolicy } declared)
            {
                seen.Add(declared.LogicalId);
                statements.AddRange(_documents.Document(template.Resources[declared.LogicalId].Properties["PolicyDocument"],
                    $"{IamManagedPolicy} {declared.LogicalId} ({where})", opaque));
                continue;
            }
            if (!option.Known) { opaque.Add($"the managed policy in {where} (known only at deploy time)"); continue; }
            var text = SubText.Unescape(option.Sub).Replace("${AWS::Partition}", "aws", StringComparison.Ordinal);
            if (library.FindByNameOrArn(text, out var name) is { } known)
            {
                var origin = new GrantOrigin($"managed policy {known.Name} ({where})", _documents.At(item.Span), samDefault);
                statements.AddRange(_documents.FromData(known.Statements, [], null, origin, opaque));
            }
            else
            {
                opaque.Add($"managed policy {name} ({where})");
            }
        }
    }

    private void SamPolicies(FunctionSpec function, List<GrantStatement> statements, List<string> opaque)
    {
        var node = function.Properties["Policies"];
        var items = node switch
        {
            null => ImmutableArray<CfnNode>.Empty,
            CfnSequence sequence => sequence.Items,
            _ => [node],
        };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i];
            var where = $"{function.LogicalId}.Policies[{i}]";
            if (item is CfnScalar || (item is CfnMapping intrinsic && intrinsic.AsIntrinsic() is not null))
            {
                ManagedPolicy(item, where, statements, opaque, seen, samDefault: false);
            }
            else if (item is CfnMapping document && document["Statement"] is not null)
            {
                statements.AddRange(_documents.Document(document, $"inline policy {where}", opaque));
            }
            else if (item is CfnMapping { Entries: [var entry] } && library.SamTemplates.TryGetValue(entry.Key, out var samTemplate))
            {
                var origin = new GrantOrigin($"SAM policy template {entry.Key} ({where})", _documents.At(item.Span));
                statements.AddRange(_documents.FromData(samTemplate.Statements, samTemplate.Parameters, entry.Value as CfnMapping, origin, opaque));
            }
            else
            {
                opaque.Add(item is CfnMapping { Entries: [var unknown] } ? $"SAM policy template {unknown.Key} ({where})" : $"the policy at {where}");
            }
        }
    }

    /// <summary>What SAM adds to the role it generates, whatever the function's Policies say.</summary>
    private void SamDefaults(FunctionSpec function, List<GrantStatement> statements)
    {
        var sam = library.SamRole;
        var at = _documents.At(function.Span);
        void Add(string policy, string why, SourceLocation location)
        {
            var data = library.FindManaged(policy)!;
            var origin = new GrantOrigin($"managed policy {policy}, which SAM adds to the role it generates ({why})", location, SamDefault: true);
            statements.AddRange(_documents.FromData(data.Statements, [], null, origin, []));
        }

        foreach (var policy in sam.Always) Add(policy, "every function", at);
        // samtranslator adds the X-Ray policy for any Tracing value (`if self.Tracing:`), PassThrough and intrinsics included.
        if (sam.Tracing is { } tracing && function.Properties["Tracing"] is { } tracingNode and not CfnScalar { Value: "" })
            Add(tracing, tracingNode is CfnScalar { Value: var mode } ? $"Tracing: {mode}" : "Tracing", _documents.At(tracingNode.Span));
        if (sam.Vpc is { } vpc && function.Properties["VpcConfig"] is CfnMapping vpcNode)
            Add(vpc, "VpcConfig", _documents.At(vpcNode.Span));
        foreach (var source in function.Events)
            if (sam.EventSources.TryGetValue(source.Type, out var policy))
                Add(policy, $"event {source.Name} of type {source.Type}", _documents.At(source.Span));

        if (function.Properties["DeadLetterQueue"] is CfnMapping dlq)
            SendTo(dlq, "TargetArn", SamRoleData.DeadLetterQueue, "DeadLetterQueue", statements);
        foreach (var source in function.Events)
            if ((source.Properties["DestinationConfig"] as CfnMapping)?["OnFailure"] is CfnMapping onFailure)
                SendTo(onFailure, "Destination", SamRoleData.EventOnFailure, $"event {source.Name} OnFailure destination", statements);
        if ((function.Properties["EventInvokeConfig"] as CfnMapping)?["DestinationConfig"] is CfnMapping destinations)
            foreach (var kind in new[] { "OnSuccess", "OnFailure" })
                if (destinations[kind] is CfnMapping destination)
                {
                    SendTo(destination, "Destination", SamRoleData.EventInvokeConfig, $"EventInvokeConfig {kind} destination", statements);
                    SendToCreated(function.LogicalId, kind, destination, statements);
                }
    }

    /// <summary>An EventInvokeConfig destination without a Destination: SAM creates the queue or topic and grants on it.</summary>
    private void SendToCreated(string functionId, string outcome, CfnMapping target, List<GrantStatement> statements)
    {
        const string context = SamRoleData.EventInvokeConfig;
        if (target["Destination"] is not null || (target["Type"] as CfnScalar)?.Value is not { } type
            || library.SamRole.CreatedTarget(context, type, functionId, outcome) is not { } arn
            || library.SamRole.SendToActions(context, type) is not { IsEmpty: false } actions) return;
        statements.Add(new GrantStatement(true, actions, false, [arn], false, null,
            new GrantOrigin($"the statement SAM adds to the role it generates for the {type} target it creates for the EventInvokeConfig {outcome} destination ({arn})",
                _documents.At(target.Span), SamDefault: true)));
    }

    /// <summary>What SAM grants on a target the function sends to, when the target says its Type.</summary>
    private void SendTo(CfnMapping target, string property, string context, string why, List<GrantStatement> statements)
    {
        if ((target["Type"] as CfnScalar)?.Value is not { } type || library.SamRole.SendToActions(context, type) is not { IsEmpty: false } actions || target[property] is not { } arn) return;
        var resources = _documents.Values(arn, out _);
        if (resources.IsEmpty) return;
        statements.Add(new GrantStatement(true, actions, false, resources, false, null,
            new GrantOrigin($"the statement SAM adds to the role it generates for the {why}", _documents.At(target.Span), SamDefault: true)));
    }
}
