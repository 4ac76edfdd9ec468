using RoleGen.Core.Mappings;
using RoleGen.Core.Templates;

namespace RoleGen.Core.Permissions;

/// <summary>Template resource facts for the permission stage, from mappings/cloudformation.yaml and, given one, the template.</summary>
public sealed class TemplateResources(CloudFormationTypes types, CfnTemplate? template = null, TemplateExpressionReader? expressions = null) : IResourceKnowledge
{
    public string? ValueKind(TemplateResourceRef resource) => types.KindOf(resource);

    public string? Expression(TemplateResourceRef resource, string kind) => types.ExpressionFor(resource, kind);

    public string? LiteralName(TemplateResourceRef resource) =>
        template?.Resources.GetValueOrDefault(resource.LogicalId) is { } declared && types.Find(declared.Type)?.NameProperty is { } property &&
        declared.Properties[property] is CfnScalar { Value: { Length: > 0 } name } ? name : null;

    /// <summary>Pseudo parameters whose values are made of name characters (a region, an account id, a stack name, a partition, a DNS suffix).</summary>
    private static readonly HashSet<string> NamePseudoParameters = ["AWS::Region", "AWS::AccountId", "AWS::StackName", "AWS::Partition", "AWS::URLSuffix"];

    /// <summary>
    /// True when a template reference (<c>${X}</c>, <c>${X.Attr}</c>, <c>${AWS::Region}</c>) holds name characters only: a
    /// resource's Ref or attribute that is a name or an id, a parameter not meant for an ARN or URL, a region or account.
    /// An ARN or URL (a state machine's Ref, a queue's) may hold any text.
    /// </summary>
    public bool HoldsOnlyNames(string reference)
    {
        if (!reference.StartsWith("${", StringComparison.Ordinal) || !reference.EndsWith('}')) return false;
        var inner = reference[2..^1];
        if (inner.StartsWith("AWS::", StringComparison.Ordinal)) return NamePseudoParameters.Contains(inner);
        var dot = inner.IndexOf('.');
        var (id, attribute) = dot < 0 ? (inner, null) : (inner[..dot], inner[(dot + 1)..]);
        if (template?.Resources.GetValueOrDefault(id) is { } resource)
            return types.KindOf(new TemplateResourceRef(id, resource.Type, attribute)) is ResourceValueKinds.Name or ResourceValueKinds.Id;
        if (template?.Parameters.GetValueOrDefault(id) is { } parameter && attribute is null)
            return !(id.EndsWith("Arn", StringComparison.OrdinalIgnoreCase) || id.EndsWith("Url", StringComparison.OrdinalIgnoreCase) || id.EndsWith("Uri", StringComparison.OrdinalIgnoreCase) ||
                     parameter["Default"] is CfnScalar { Value: var value } && (value.Contains(':') || value.Contains('/')));
        return false;
    }

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
