using RoleGen.Core.Mappings;
using RoleGen.Core.Templates;

namespace RoleGen.Core.Permissions;

/// <summary>Template resource facts for the permission stage, from mappings/cloudformation.yaml and, given one, the template.</summary>
public sealed class TemplateResources(CloudFormationTypes types, CfnTemplate? template = null, TemplateExpressionReader? expressions = null) : IResourceKnowledge
{
    public string? ValueKind(TemplateResourceRef resource) => types.KindOf(resource);

    public string? Expression(TemplateResourceRef resource, string kind) => types.ExpressionFor(resource, kind);

    /// <summary>
    /// The key of a KMS alias the template declares (<c>TargetKeyId: !Ref Key</c>, <c>!GetAtt Key.Arn</c>, a key id or ARN):
    /// permissions on an alias apply to its key, and naming the key works whether or not a request names the alias.
    /// </summary>
    public string? AliasTarget(string aliasLogicalIdOrName)
    {
        if (template is null || expressions is null) return null;
        var alias = template.Resources.GetValueOrDefault(aliasLogicalIdOrName) is { Type: "AWS::KMS::Alias" } byId
            ? byId
            : template.Resources.Values.FirstOrDefault(r => r.Type == "AWS::KMS::Alias" && r.Properties["AliasName"] is CfnScalar { Value: var name } && name == aliasLogicalIdOrName);
        if (alias?.Properties["TargetKeyId"] is not { } target || expressions.Read(target) is not [{ Known: true } key]) return null;
        if (key.Resource is { ResourceType: "AWS::KMS::Key" } keyResource) return $"${{{keyResource.LogicalId}.Arn}}";
        if (key.Sub.StartsWith("arn:", StringComparison.Ordinal)) return key.Sub;
        return key.Sub.Contains("${", StringComparison.Ordinal) ? null : $"arn:${{AWS::Partition}}:kms:${{AWS::Region}}:${{AWS::AccountId}}:key/{key.Sub}";
    }
}
