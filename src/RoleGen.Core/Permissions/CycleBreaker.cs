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
        var rewritten = permissions.Select(p =>
        {
            var resource = Reference().Replace(p.Resource, match =>
            {
                var id = match.Groups["id"].Value;
                if (!template.Resources.TryGetValue(id, out var target) || !dependencies.DependsOn(id, functionId)) return match.Value;
                var attribute = match.Groups["attribute"].Success ? match.Groups["attribute"].Value : null;
                var replacement = Spelled(target, attribute);
                findings.Add(new Finding("RG3006", Severity.Info,
                    $"{p.Action} on {id}: written as {replacement} rather than {match.Value}, because {id} depends on {functionId} and a reference from its role would be a circular dependency.",
                    Path.GetFileName(template.Path), target.Span.Line, target.Span.Column));
                return replacement;
            });
            return resource == p.Resource ? p : p with { Resource = resource };
        }).ToImmutableArray();
        return (rewritten, findings.Distinct().ToImmutableArray());
    }

    /// <summary>The resource's name (for a Ref that gives the name) or ARN, built without referencing the resource.</summary>
    private string Spelled(CfnResource resource, string? attribute)
    {
        var type = types.Find(resource.Type);
        var name = Name(resource, type);
        var kind = types.KindOf(new TemplateResourceRef(resource.LogicalId, resource.Type, attribute));
        if (kind == "name" || type is null) return name;
        var format = catalog.Services.GetValueOrDefault(type.IamService)?.ResourceArns.GetValueOrDefault(type.IamResourceType);
        if (format is null) return "*";
        var placeholders = ArnBuilder.Placeholders(format);
        var fragments = placeholders.ToDictionary(p => p, p => ImmutableArray.Create(new ArnFragment(p == placeholders[0] ? name : "*", false, [])));
        return ArnBuilder.Build(format, fragments)[0].Arn;
    }

    private string Name(CfnResource resource, CloudFormationType? type)
    {
        if (type?.NameProperty is { } property && resource.Properties[property] is { } node)
        {
            var options = expressions.Read(node);
            if (options.Length == 1 && options[0].Known && !Reference().Matches(options[0].Sub).Any(m => !m.Groups["id"].Value.StartsWith("AWS", StringComparison.Ordinal) && template.Resources.ContainsKey(m.Groups["id"].Value)))
                return options[0].Sub;
        }
        return $"*-{resource.LogicalId.ToLowerInvariant()}-*";
    }
}
