using System.Collections.Immutable;
using System.Text.RegularExpressions;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Mappings;
using RoleGen.Core.Templates;

namespace RoleGen.Core.Permissions;

/// <summary>
/// A function's role is referenced by the function, so the role may not reference anything that depends on the
/// function: that closes a circular dependency CloudFormation refuses to deploy (a bucket whose notification
/// targets the function is the usual case). Such references are spelled from the resource's name instead: its
/// literal name property when it has one, else the name CloudFormation generates (…-logicalid-…), lower-cased.
/// </summary>
public sealed partial class CycleBreaker(CfnTemplate template, TemplateDependencies dependencies, CloudFormationTypes types, IamCatalog catalog, TemplateExpressionReader expressions)
{
    [GeneratedRegex(@"\$\{(?<id>[A-Za-z0-9]+)(?:\.(?<attribute>[A-Za-z0-9.]+))?\}")]
    private static partial Regex Reference();

    public (ImmutableArray<Permission> Permissions, ImmutableArray<Finding> Findings) Break(string functionId, ImmutableArray<Permission> permissions)
    {
        var findings = new List<Finding>();
        var rewritten = permissions.SelectMany(p =>
        {
            var cyclic = Reference().Matches(p.Resource).DistinctBy(m => m.Value).Where(m => DependsOnFunction(m.Groups["id"].Value, functionId)).ToList();
            if (cyclic.Count == 0) return [p];
            var resources = new List<string> { p.Resource };
            foreach (var match in cyclic)
            {
                var (reference, id) = (match.Value, match.Groups["id"].Value);
                var target = template.Resources[id];
                var spellings = Spelled(target, match.Groups["attribute"].Success ? match.Groups["attribute"].Value : null);
                findings.Add(new Finding("RG3006", Severity.Info,
                    $"{p.Action} on {id}: written as {string.Join(" and ", spellings)} rather than {reference}, because {id} depends on {functionId} and a reference from its role would be a circular dependency.",
                    Path.GetFileName(template.Path), target.Span.Line, target.Span.Column));
                resources = resources.SelectMany(r => spellings.Select(spelled => r.Replace(reference, spelled, StringComparison.Ordinal))).ToList();
            }
            return resources.Distinct().Select(r => p with { Resource = r });
        }).ToImmutableArray();
        return (rewritten, findings.Distinct().ToImmutableArray());
    }

    /// <summary>Another resource that depends on the function (the function itself is not rewritten: its statements go in a policy attached to the role).</summary>
    private bool DependsOnFunction(string id, string functionId) =>
        id != functionId && template.Resources.ContainsKey(id) && dependencies.DependsOn(id, functionId);

    /// <summary>The resource's names (for a Ref that gives the name) or ARNs, built without referencing the resource.</summary>
    private ImmutableArray<string> Spelled(CfnResource resource, string? attribute)
    {
        var type = types.Find(resource.Type);
        var names = Names(resource, type);
        var kind = types.KindOf(new TemplateResourceRef(resource.LogicalId, resource.Type, attribute));
        if (kind == "name" || type is null) return names;
        // An id AWS draws at creation (an event source mapping's UUID, a KMS key id) is not spelled by any name: any.
        if (kind == "id") return ["*"];
        var format = catalog.Services.GetValueOrDefault(type.IamService)?.ResourceArns.GetValueOrDefault(type.IamResourceType);
        if (format is null) return ["*"];
        var placeholders = ArnBuilder.Placeholders(format);
        return names.Select(name => ArnBuilder.Build(format, placeholders.ToDictionary(p => p, p => ImmutableArray.Create(new ArnFragment(p == placeholders[0] ? name : "*", false, []))))[0].Arn)
            .Distinct()
            .ToImmutableArray();
    }

    /// <summary>What the name property says (each branch of an Fn::If, the generated name for AWS::NoValue), else the generated name.</summary>
    private ImmutableArray<string> Names(CfnResource resource, CloudFormationType? type)
    {
        if (type?.NameProperty is { } property && resource.Properties[property] is not null)
        {
            var options = expressions.Names(resource, property);
            if (options.Length > 0 && options.All(o => o.Known && !Reference().Matches(o.Sub).Any(m => !m.Groups["id"].Value.StartsWith("AWS", StringComparison.Ordinal) && template.Resources.ContainsKey(m.Groups["id"].Value))))
                return options.Select(o => o.Sub).ToImmutableArray();
        }
        return [TemplateExpressionReader.GeneratedNamePattern(resource.LogicalId)];
    }
}
