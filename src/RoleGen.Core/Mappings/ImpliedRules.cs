using System.Collections.Immutable;
using RoleGen.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace RoleGen.Core.Mappings;

/// <summary>A fixed grant of mappings/implied.yaml: actions on one resource pattern with ${Variables} RoleGen fills per function.</summary>
public sealed record ImpliedGrant(ImmutableArray<string> Actions, string Resource);

public sealed record ImpliedRule(string Name, string Description, ImmutableArray<ImpliedGrant> Grants);

/// <summary>A polled event source: the SAM event property holding its ARN, the rule to apply, and the IAM service of that ARN.</summary>
public sealed record EventSourceRule(string EventType, string Property, string Rule, string Service);

/// <summary>
/// A destination SAM creates itself (implied.yaml <c>createdDestinations</c>): an EventInvokeConfig OnSuccess/OnFailure
/// of this Type without a Destination. <see cref="Target"/> is its ARN in Fn::Sub syntax with <c>&lt;Function&gt;</c>
/// (the function's logical id) and <c>&lt;Outcome&gt;</c> (OnSuccess or OnFailure) still to fill; <see cref="Rule"/> the grant on it.
/// </summary>
public sealed record CreatedDestination(string Type, string Target, string Rule)
{
    public const string FunctionPlaceholder = "<Function>";
    public const string OutcomePlaceholder = "<Outcome>";

    public string TargetFor(string functionLogicalId, string outcome) =>
        Target.Replace(FunctionPlaceholder, functionLogicalId, StringComparison.Ordinal).Replace(OutcomePlaceholder, outcome, StringComparison.Ordinal);
}

/// <summary>The permissions that follow from a function's configuration rather than its code (mappings/implied.yaml).</summary>
public sealed record ImpliedRules(
    ImmutableDictionary<string, ImpliedRule> Rules,
    ImmutableDictionary<string, EventSourceRule> EventSources,
    ImmutableDictionary<string, string> Targets)
{
    /// <summary>By destination Type (SQS, SNS): what SAM creates when an EventInvokeConfig destination has no Destination.</summary>
    public ImmutableDictionary<string, CreatedDestination> CreatedDestinations { get; init; } = ImmutableDictionary<string, CreatedDestination>.Empty;

    /// <summary>
    /// Environment variables the Lambda runtime sets for every function (implied.yaml <c>runtimeEnvironment</c>): their
    /// value in Fn::Sub syntax (<c>&lt;FunctionName&gt;</c> is the function's name), or null when only run time knows it.
    /// </summary>
    public ImmutableDictionary<string, string?> RuntimeEnvironment { get; init; } = ImmutableDictionary<string, string?>.Empty;

    /// <summary>
    /// Lambda extensions that call AWS with the function's role (implied.yaml <c>layers</c>): the layer's name, as its
    /// ARN spells it (<c>arn:...:layer:&lt;name&gt;:&lt;version&gt;</c>), to the rule its documentation asks the role for.
    /// </summary>
    public ImmutableDictionary<string, string> Layers { get; init; } = ImmutableDictionary<string, string>.Empty;

    public const string FunctionNamePlaceholder = "<FunctionName>";

    public EventSourceRule? EventSourceForService(string service) => EventSources.Values.FirstOrDefault(e => e.Service == service);

    public static ImpliedRules Load(string path)
    {
        var file = Path.GetFileName(path);
        var root = MappingFile.ReadRoot(path, "rules, eventSources, targets, createdDestinations, runtimeEnvironment, layers");
        var rules = ImmutableDictionary.CreateBuilder<string, ImpliedRule>(StringComparer.Ordinal);
        foreach (var (key, value) in Section(root, "rules", path, required: true))
        {
            var name = ((YamlScalarNode)key).Value!;
            if (value is not YamlMappingNode rule || Child(rule, "grants") is not YamlSequenceNode grants)
                throw Error(path, key, $"rule '{name}' needs a 'grants' list");
            rules[name] = new ImpliedRule(name, (Child(rule, "description") as YamlScalarNode)?.Value ?? name,
                grants.Children.Select(g => Grant(path, name, g)).ToImmutableArray());
        }
        var sources = ImmutableDictionary.CreateBuilder<string, EventSourceRule>(StringComparer.Ordinal);
        foreach (var (key, value) in Section(root, "eventSources", path, required: false))
        {
            var type = ((YamlScalarNode)key).Value!;
            if (value is not YamlMappingNode source) throw Error(path, key, $"event source '{type}' must be a mapping");
            var rule = Scalar(source, "rule", path, type);
            if (!rules.ContainsKey(rule)) throw Error(path, key, $"event source '{type}' names rule '{rule}', which is not defined");
            sources[type] = new EventSourceRule(type, Scalar(source, "property", path, type), rule, Scalar(source, "service", path, type));
        }
        var targets = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Section(root, "targets", path, required: false))
        {
            var rule = (value as YamlScalarNode)?.Value ?? "";
            if (!rules.ContainsKey(rule)) throw Error(path, key, $"target '{key}' names rule '{rule}', which is not defined");
            targets[((YamlScalarNode)key).Value!] = rule;
        }
        var created = ImmutableDictionary.CreateBuilder<string, CreatedDestination>(StringComparer.Ordinal);
        foreach (var (key, value) in Section(root, "createdDestinations", path, required: false))
        {
            var type = ((YamlScalarNode)key).Value!;
            if (value is not YamlMappingNode destination) throw Error(path, key, $"created destination '{type}' must be a mapping");
            var rule = Scalar(destination, "rule", path, type);
            if (!rules.ContainsKey(rule)) throw Error(path, key, $"created destination '{type}' names rule '{rule}', which is not defined");
            var target = Scalar(destination, "target", path, type);
            if (!target.Contains(CreatedDestination.FunctionPlaceholder, StringComparison.Ordinal))
                throw Error(path, key, $"created destination '{type}': target must name the resource by {CreatedDestination.FunctionPlaceholder} (the function's logical id)");
            created[type] = new CreatedDestination(type, target, rule);
        }
        var runtime = Section(root, "runtimeEnvironment", path, required: false).ToImmutableDictionary(
            e => ((YamlScalarNode)e.Key).Value!,
            e => e.Value is YamlScalarNode { Value: { Length: > 0 } value } && value != "~" && value != "null" ? value : null,
            StringComparer.Ordinal);
        var layers = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Section(root, "layers", path, required: false))
        {
            var rule = (value as YamlScalarNode)?.Value ?? "";
            if (!rules.ContainsKey(rule)) throw Error(path, key, $"layer '{key}' names rule '{rule}', which is not defined");
            layers[((YamlScalarNode)key).Value!] = rule;
        }
        return new ImpliedRules(rules.ToImmutable(), sources.ToImmutable(), targets.ToImmutable())
        {
            CreatedDestinations = created.ToImmutable(), RuntimeEnvironment = runtime, Layers = layers.ToImmutable(),
        };
    }

    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Section(YamlMappingNode root, string name, string path, bool required)
    {
        if (Child(root, name) is YamlMappingNode section) return section.Children;
        if (required) throw new RoleGenInputException($"mappings/{Path.GetFileName(path)}: expected a '{name}' mapping", new SourceLocation($"mappings/{Path.GetFileName(path)}", 1, 1));
        return [];
    }

    private static ImpliedGrant Grant(string path, string rule, YamlNode node)
    {
        if (node is not YamlMappingNode grant || Child(grant, "actions") is not YamlSequenceNode actions || Child(grant, "resource") is not YamlScalarNode resource)
            throw Error(path, node, $"rule '{rule}': each grant needs 'actions' (a list) and 'resource'");
        return new ImpliedGrant(actions.Children.OfType<YamlScalarNode>().Select(a => a.Value!).ToImmutableArray(), resource.Value!);
    }

    private static string Scalar(YamlMappingNode node, string key, string path, string owner) =>
        (Child(node, key) as YamlScalarNode)?.Value ?? throw Error(path, node, $"'{owner}' needs '{key}'");

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static RoleGenInputException Error(string path, YamlNode at, string message)
    {
        var file = $"mappings/{Path.GetFileName(path)}";
        return new RoleGenInputException($"{file}:{at.Start.Line}: {message}", new SourceLocation(file, (int)at.Start.Line, (int)at.Start.Column));
    }
}
