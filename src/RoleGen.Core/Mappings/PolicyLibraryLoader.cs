using System.Collections.Immutable;
using RoleGen.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace RoleGen.Core.Mappings;

/// <summary>
/// Loads mappings/policies/*.yaml; a broken file stops the run (exit 2), as for the mapping table. Actions are not
/// checked against the IAM catalogue here: the data is faithful to what AWS and SAM publish, which includes names that
/// are not IAM actions (SAM's sqs:DeleteMessageBatch) and services the catalogue does not carry. The tests check it.
/// </summary>
public static class PolicyLibraryLoader
{
    public const string ManagedFile = "managed.yaml";
    public const string SamTemplatesFile = "sam-policy-templates.yaml";
    public const string SamRoleFile = "sam-role.yaml";


    public static PolicyLibrary Load(string mappingsDirectory)
    {
        var folder = Path.Combine(mappingsDirectory, PolicyLibrary.Folder);
        var managed = ImmutableDictionary.CreateBuilder<string, ManagedPolicyData>(StringComparer.Ordinal);
        var managedPath = Path.Combine(folder, ManagedFile);
        foreach (var (key, value) in Section(Read(managedPath), "policies", managedPath))
        {
            var name = Name(key);
            if (value is not YamlMappingNode policy) throw Error(managedPath, key, $"policy '{name}' must be a mapping");
            var path = (Child(policy, "path") as YamlScalarNode)?.Value ?? "/";
            if (!path.StartsWith('/') || !path.EndsWith('/')) throw Error(managedPath, key, $"policy '{name}': path must start and end with '/'");
            managed[name] = new ManagedPolicyData(name, path, (Child(policy, "version") as YamlScalarNode)?.Value ?? "",
                Statements(managedPath, name, policy, []));
        }

        var templates = ImmutableDictionary.CreateBuilder<string, SamPolicyTemplateData>(StringComparer.Ordinal);
        var templatesPath = Path.Combine(folder, SamTemplatesFile);
        foreach (var (key, value) in Section(Read(templatesPath), "templates", templatesPath))
        {
            var name = Name(key);
            if (value is not YamlMappingNode template || Child(template, "parameters") is not YamlSequenceNode parameters)
                throw Error(templatesPath, key, $"template '{name}' needs 'parameters' (a list, maybe empty)");
            var names = parameters.Children.OfType<YamlScalarNode>().Select(p => p.Value!).ToImmutableArray();
            templates[name] = new SamPolicyTemplateData(name, names, Statements(templatesPath, name, template, names));
        }

        var rolePath = Path.Combine(folder, SamRoleFile);
        var role = Read(rolePath);
        string? Known(YamlNode at, string? policy) =>
            policy is null || managed.ContainsKey(policy) ? policy : throw Error(rolePath, at, $"managed policy '{policy}' is not in {ManagedFile}");
        var always = (Child(role, "always") as YamlSequenceNode)?.Children.OfType<YamlScalarNode>().Select(s => Known(s, s.Value)!).ToImmutableArray() ?? [];
        var sources = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in (Child(role, "eventSources") as YamlMappingNode)?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
            sources[Name(key)] = Known(value, (value as YamlScalarNode)?.Value) ?? throw Error(rolePath, key, "event source needs a managed policy name");
        var dlq = ImmutableDictionary.CreateBuilder<string, ImmutableDictionary<string, ImmutableArray<string>>>(StringComparer.Ordinal);
        foreach (var (key, value) in (Child(role, "sendTo") as YamlMappingNode)?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            if (!SamRoleData.SendToContexts.Contains(Name(key)))
                throw Error(rolePath, key, $"sendTo: unknown '{Name(key)}' (expected {string.Join(", ", SamRoleData.SendToContexts)})");
            if (value is not YamlMappingNode types) throw Error(rolePath, key, $"sendTo.{Name(key)} must map target types to actions");
            dlq[Name(key)] = types.Children.ToImmutableDictionary(t => Name(t.Key), t => Actions(rolePath, $"sendTo.{Name(key)}.{Name(t.Key)}", t.Value), StringComparer.Ordinal);
        }
        var created = ImmutableDictionary.CreateBuilder<string, ImmutableDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (key, value) in (Child(role, "created") as YamlMappingNode)?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            if (value is not YamlMappingNode types || !dlq.TryGetValue(Name(key), out var granted))
                throw Error(rolePath, key, $"created.{Name(key)} must map target types to ARNs, for a context sendTo has");
            foreach (var (type, arn) in types.Children)
                if (!granted.ContainsKey(Name(type)) || arn is not YamlScalarNode { Value: { } text } || !text.Contains(CreatedDestination.FunctionPlaceholder, StringComparison.Ordinal))
                    throw Error(rolePath, type, $"created.{Name(key)}.{Name(type)}: needs sendTo.{Name(key)}.{Name(type)} and an ARN naming <Function>");
            created[Name(key)] = types.Children.ToImmutableDictionary(t => Name(t.Key), t => ((YamlScalarNode)t.Value).Value!, StringComparer.Ordinal);
        }
        var samRole = new SamRoleData(always,
            Known(role, (Child(role, "tracing") as YamlScalarNode)?.Value),
            Known(role, (Child(role, "vpc") as YamlScalarNode)?.Value),
            sources.ToImmutable(), dlq.ToImmutable()) { Created = created.ToImmutable() };

        return new PolicyLibrary(managed.ToImmutable(), templates.ToImmutable(), samRole);
    }

    private static ImmutableArray<PolicyDataStatement> Statements(string path, string owner, YamlMappingNode node, ImmutableArray<string> parameters)
    {
        if (Child(node, "statements") is not YamlSequenceNode statements || statements.Children.Count == 0)
            throw Error(path, node, $"'{owner}' needs a non-empty 'statements' list");
        return statements.Children.Select(s => Statement(path, owner, s, parameters)).ToImmutableArray();
    }

    private static PolicyDataStatement Statement(string path, string owner, YamlNode node, ImmutableArray<string> parameters)
    {
        if (node is not YamlMappingNode statement) throw Error(path, node, $"'{owner}': a statement must be a mapping");
        var effect = (Child(statement, "effect") as YamlScalarNode)?.Value ?? "Allow";
        if (effect is not ("Allow" or "Deny")) throw Error(path, node, $"'{owner}': effect must be Allow or Deny");
        var actionsNode = Child(statement, "actions");
        var notActionsNode = Child(statement, "notActions");
        if ((actionsNode is null) == (notActionsNode is null)) throw Error(path, node, $"'{owner}': a statement needs either 'actions' or 'notActions'");
        var actions = Actions(path, owner, (actionsNode ?? notActionsNode)!);
        if (Child(statement, "resources") is not YamlSequenceNode resourcesNode || resourcesNode.Children.Count == 0)
            throw Error(path, node, $"'{owner}': a statement needs a non-empty 'resources' list");
        var resources = resourcesNode.Children.OfType<YamlScalarNode>().Select(r => r.Value!).ToImmutableArray();
        foreach (var resource in resources)
        foreach (var reference in References(resource))
            if (!reference.StartsWith("AWS::", StringComparison.Ordinal) && !parameters.Contains(reference))
                throw Error(path, node, $"'{owner}': resource {resource} names ${{{reference}}}, which is neither a pseudo parameter nor a parameter of the template");
        return new PolicyDataStatement(effect == "Allow", actions, notActionsNode is not null, resources, Condition(path, owner, Child(statement, "condition")), (int)node.Start.Line);
    }

    private static ImmutableArray<string> Actions(string path, string owner, YamlNode node)
    {
        if (node is not YamlSequenceNode list || list.Children.Count == 0) throw Error(path, node, $"'{owner}': actions must be a non-empty list");
        var actions = list.Children.OfType<YamlScalarNode>().Select(a => a.Value!).ToImmutableArray();
        foreach (var action in actions)
        {
            if (action == "*") continue;
            var colon = action.IndexOf(':');
            if (colon <= 0) throw Error(path, node, $"'{owner}': '{action}' is not service:Action");
        }
        return actions;
    }

    private static ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, ImmutableArray<string>>>? Condition(string path, string owner, YamlNode? node)
    {
        if (node is null) return null;
        if (node is not YamlMappingNode operators) throw Error(path, node, $"'{owner}': condition must be a mapping");
        return operators.Children.ToImmutableSortedDictionary(
            o => Name(o.Key),
            o => (o.Value as YamlMappingNode ?? throw Error(path, o.Value, $"'{owner}': condition operator must map keys to values"))
                .Children.ToImmutableSortedDictionary(
                    k => Name(k.Key),
                    k => k.Value is YamlSequenceNode values
                        ? values.Children.OfType<YamlScalarNode>().Select(v => v.Value!).ToImmutableArray()
                        : [((YamlScalarNode)k.Value).Value!],
                    StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    private static IEnumerable<string> References(string sub)
    {
        for (var i = sub.IndexOf("${", StringComparison.Ordinal); i >= 0; i = sub.IndexOf("${", i + 2, StringComparison.Ordinal))
        {
            var close = sub.IndexOf('}', i);
            if (close > i && sub[i + 2] != '!') yield return sub[(i + 2)..close];
        }
    }

    private static string Name(YamlNode key) => ((YamlScalarNode)key).Value!;

    private static YamlMappingNode Read(string path)
    {
        var file = $"mappings/{PolicyLibrary.Folder}/{Path.GetFileName(path)}";
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new RoleGenInputException($"{file}: {e.InnerException?.Message ?? e.Message}", new SourceLocation(file, (int)e.Start.Line, (int)e.Start.Column));
        }
        catch (IOException e)
        {
            throw new RoleGenInputException($"cannot read {path}: {e.Message}");
        }
        return stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode
               ?? throw new RoleGenInputException($"{file}: expected a mapping", new SourceLocation(file, 1, 1));
    }

    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Section(YamlMappingNode root, string name, string path) =>
        Child(root, name) is YamlMappingNode section ? section.Children : throw Error(path, root, $"expected a '{name}' mapping");

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static RoleGenInputException Error(string path, YamlNode at, string message)
    {
        var file = $"mappings/{PolicyLibrary.Folder}/{Path.GetFileName(path)}";
        return new RoleGenInputException($"{file}:{at.Start.Line}: {message}", new SourceLocation(file, (int)at.Start.Line, (int)at.Start.Column));
    }
}
