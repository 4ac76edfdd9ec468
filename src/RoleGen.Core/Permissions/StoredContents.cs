using System.Collections.Immutable;
using RoleGen.Core.Analysis.Values;
using RoleGen.Core.Mappings;
using RoleGen.Core.Templates;

namespace RoleGen.Core.Permissions;

/// <summary>
/// What the template writes into resources that store a value for code to read back (cloudformation.yaml <c>stores</c>:
/// an AWS::SSM::Parameter's Value), found by the resource's logical id (an environment variable set to its <c>!Ref</c>)
/// or by its name, per service (IAM prefix).
/// </summary>
public sealed class StoredContents
{
    private readonly ImmutableDictionary<(string Service, string LogicalId), ImmutableArray<TemplateExpression>> _byLogicalId;
    private readonly ImmutableDictionary<(string Service, string Name), ImmutableArray<TemplateExpression>> _byName;

    private StoredContents(
        ImmutableDictionary<(string, string), ImmutableArray<TemplateExpression>> byLogicalId,
        ImmutableDictionary<(string, string), ImmutableArray<TemplateExpression>> byName) =>
        (_byLogicalId, _byName) = (byLogicalId, byName);

    public static StoredContents None { get; } = new(ImmutableDictionary<(string, string), ImmutableArray<TemplateExpression>>.Empty, ImmutableDictionary<(string, string), ImmutableArray<TemplateExpression>>.Empty);

    public static StoredContents Of(CfnTemplate template, CloudFormationTypes types, TemplateExpressionReader expressions)
    {
        var byLogicalId = ImmutableDictionary.CreateBuilder<(string, string), ImmutableArray<TemplateExpression>>();
        var byName = ImmutableDictionary.CreateBuilder<(string, string), ImmutableArray<TemplateExpression>>();
        foreach (var resource in template.Resources.Values)
        {
            if (types.Find(resource.Type) is not { Stores: { } property } type || resource.Properties[property] is not { } written) continue;
            var contents = expressions.Read(written);
            byLogicalId[(type.IamService, resource.LogicalId)] = contents;
            if (type.NameProperty is { } nameProperty && resource.Properties[nameProperty] is { } nameNode)
                foreach (var name in expressions.Read(nameNode).Where(n => n.Known))
                    byName[(type.IamService, name.Sub)] = contents;
        }
        return new StoredContents(byLogicalId.ToImmutable(), byName.ToImmutable());
    }

    /// <summary>What the template writes into the item of <paramref name="service"/> that <paramref name="name"/> (one bound option) names; empty when it declares none.</summary>
    public ImmutableArray<TemplateExpression> Find(string service, Value name) => name switch
    {
        TemplateValue { Expression.Resource: { Attribute: null, LogicalId: var id } } when _byLogicalId.TryGetValue((service, id), out var written) => written,
        TemplateValue { Expression: { Known: true, Sub: var sub } } when _byName.TryGetValue((service, sub), out var written) => written,
        LiteralValue { Text: var text } when _byName.TryGetValue((service, TemplateExpression.EscapeForSub(text)), out var written) => written,
        _ => [],
    };
}
