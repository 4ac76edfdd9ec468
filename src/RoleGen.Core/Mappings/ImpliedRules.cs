using System.Collections.Immutable;
using RoleGen.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace RoleGen.Core.Mappings;

/// <summary>A fixed grant of mappings/implied.yaml: actions on one resource pattern with ${Variables} RoleGen fills per function.</summary>
public sealed record ImpliedGrant(ImmutableArray<string> Actions, string Resource);

public sealed record ImpliedRule(string Name, string Description, ImmutableArray<ImpliedGrant> Grants);

/// <summary>The permissions that follow from a function's configuration rather than its code (mappings/implied.yaml).</summary>
public sealed record ImpliedRules(ImmutableDictionary<string, ImpliedRule> Rules)
{
    public static ImpliedRules Load(string path)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new RoleGenInputException($"{Path.GetFileName(path)}: {e.InnerException?.Message ?? e.Message}", new SourceLocation(path, (int)e.Start.Line, (int)e.Start.Column));
        }
        catch (IOException e)
        {
            throw new RoleGenInputException($"cannot read {path}: {e.Message}");
        }
        var root = stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode;
        if (root?.Children.TryGetValue(new YamlScalarNode("rules"), out var rulesNode) != true || rulesNode is not YamlMappingNode rules)
            throw new RoleGenInputException($"{Path.GetFileName(path)}: expected a 'rules' mapping", new SourceLocation(path, 1, 1));
        var result = ImmutableDictionary.CreateBuilder<string, ImpliedRule>(StringComparer.Ordinal);
        foreach (var (key, value) in rules.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (value is not YamlMappingNode rule || !rule.Children.TryGetValue(new YamlScalarNode("grants"), out var grantsNode) || grantsNode is not YamlSequenceNode grants)
                throw new RoleGenInputException($"{Path.GetFileName(path)}: rule '{name}' needs a 'grants' list", new SourceLocation(path, (int)key.Start.Line, (int)key.Start.Column));
            var description = rule.Children.TryGetValue(new YamlScalarNode("description"), out var d) ? ((YamlScalarNode)d).Value ?? name : name;
            result[name] = new ImpliedRule(name, description, grants.Children.OfType<YamlMappingNode>().Select(g => new ImpliedGrant(
                ((YamlSequenceNode)g.Children[new YamlScalarNode("actions")]).Children.OfType<YamlScalarNode>().Select(a => a.Value!).ToImmutableArray(),
                ((YamlScalarNode)g.Children[new YamlScalarNode("resource")]).Value!)).ToImmutableArray());
        }
        return new ImpliedRules(result.ToImmutable());
    }
}
