using RoleGen.Core.Templates;

namespace RoleGen.Core.Permissions;

/// <summary>What the permission stage needs to know about template resources (from mappings/cloudformation.yaml).</summary>
public interface IResourceKnowledge
{
    /// <summary>What a Ref/GetAtt evaluates to: "name", "arn", "url", "id", or null when not known.</summary>
    string? ValueKind(TemplateResourceRef resource);

    /// <summary>The resource's name or ARN ("name" / "arn") in Fn::Sub syntax, or null when the template cannot give it.</summary>
    string? Expression(TemplateResourceRef resource, string kind);

    /// <summary>
    /// The ARN (Fn::Sub syntax) of the key a KMS alias the template declares points at, by the alias's logical id or its
    /// name (<c>alias/orders</c>); null when the template does not say.
    /// </summary>
    string? AliasTarget(string aliasLogicalIdOrName) => null;

    /// <summary>The physical name the template gives the resource as a literal (its name property), or null.</summary>
    string? LiteralName(TemplateResourceRef resource) => null;
}
