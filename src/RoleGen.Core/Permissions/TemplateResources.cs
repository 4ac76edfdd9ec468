using RoleGen.Core.Mappings;
using RoleGen.Core.Templates;

namespace RoleGen.Core.Permissions;

/// <summary>Template resource facts for the permission stage, from mappings/cloudformation.yaml.</summary>
public sealed class TemplateResources(CloudFormationTypes types) : IResourceKnowledge
{
    public string? ValueKind(TemplateResourceRef resource) => types.KindOf(resource);

    public string? Expression(TemplateResourceRef resource, string kind) => types.ExpressionFor(resource, kind);
}
