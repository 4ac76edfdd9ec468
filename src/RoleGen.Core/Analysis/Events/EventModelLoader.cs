using System.Collections.Immutable;
using RoleGen.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RoleGen.Core.Analysis.Events;

/// <summary>Loads and checks mappings/events.yaml; any mistake in it stops the run with file and line.</summary>
public static class EventModelLoader
{
    public const string FileName = "events.yaml";

    /// <summary>Where a field's <c>format</c> puts the property's value.</summary>
    public const string FormatHole = "{value}";

    private static readonly ImmutableHashSet<string> SourceKeys = ["eventTypes", "recordTypes", "records", "fields", "template"];
    private static readonly ImmutableHashSet<string> BindingKeys = ["eventType", "resourceTypes", "arnService", "avoidRef", "fields"];
    private static readonly ImmutableHashSet<string> FieldKeys = ["property", "keyFilter", "format"];

    /// <summary>The events of the mappings folder; an absent file means no event is followed.</summary>
    public static EventModel Load(string path) =>
        File.Exists(path) ? Parse(path, File.ReadAllText(path)) : EventModel.Empty;

    public static EventModel Parse(string file, string text)
    {
        var display = "mappings/" + Path.GetFileName(file);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new RoleGenInputException($"{display}: YAML syntax error: {e.Message}", new SourceLocation(file, (int)e.Start.Line, (int)e.Start.Column));
        }
        var root = stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode ?? throw Error(display, "the file must be a mapping with a 'sources' key", null);
        foreach (var key in root.Children.Keys)
            if (Scalar(key) != "sources") throw Error(display, $"unknown key '{Scalar(key)}'", key);
        if (Child(root, "sources") is not YamlMappingNode sources) throw Error(display, "'sources' must be a mapping of event source names", root);

        var result = ImmutableArray.CreateBuilder<EventSource>();
        foreach (var (key, value) in sources.Children)
            result.Add(ReadSource(display, Scalar(key) ?? throw Error(display, "source names must be strings", key), value));
        var model = new EventModel(result.ToImmutable());
        foreach (var type in model.Sources.SelectMany(s => s.EventTypes.Concat(s.RecordTypes)).GroupBy(t => t).Where(g => g.Count() > 1))
            throw Error(display, $"type '{type.Key}' belongs to more than one source", null);
        return model;
    }

    private static EventSource ReadSource(string file, string name, YamlNode node)
    {
        if (node is not YamlMappingNode entry) throw Error(file, $"{name}: must be a mapping", node);
        CheckKeys(file, name, entry, SourceKeys);
        var fields = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (Child(entry, "fields") is not YamlMappingNode fieldNodes) throw Error(file, $"{name}: 'fields' must be a mapping of field names to member paths", entry);
        foreach (var (key, value) in fieldNodes.Children)
            fields[Scalar(key)!] = Scalar(value) is { Length: > 0 } path ? path : throw Error(file, $"{name}.fields.{Scalar(key)}: must be a member path", value);

        var bindings = ImmutableArray.CreateBuilder<EventTemplateBinding>();
        if (Child(entry, "template") is YamlSequenceNode template)
            foreach (var item in template.Children) bindings.Add(ReadBinding(file, name, item, fields.Keys.ToImmutableHashSet()));
        else if (Child(entry, "template") is { } other) throw Error(file, $"{name}: 'template' must be a list", other);

        return new EventSource(name,
            Strings(file, name, entry, "eventTypes"),
            Strings(file, name, entry, "recordTypes"),
            Scalar(Child(entry, "records")),
            fields.ToImmutable(),
            bindings.ToImmutable());
    }

    private static EventTemplateBinding ReadBinding(string file, string source, YamlNode node, ImmutableHashSet<string> knownFields)
    {
        if (node is not YamlMappingNode entry) throw Error(file, $"{source}.template: each item must be a mapping", node);
        CheckKeys(file, $"{source}.template", entry, BindingKeys);
        var eventType = Scalar(Child(entry, "eventType")) ?? throw Error(file, $"{source}.template: 'eventType' is required", entry);
        var fields = ImmutableSortedDictionary.CreateBuilder<string, EventFieldSource>(StringComparer.Ordinal);
        if (Child(entry, "fields") is not YamlMappingNode fieldNodes) throw Error(file, $"{source}.template.{eventType}: 'fields' must be a mapping", entry);
        foreach (var (key, value) in fieldNodes.Children)
        {
            var field = Scalar(key)!;
            if (!knownFields.Contains(field)) throw Error(file, $"{source}.template.{eventType}: '{field}' is not a field of {source}", key);
            if (value is not YamlMappingNode how) throw Error(file, $"{source}.template.{eventType}.{field}: must be {{ property: X }} or {{ keyFilter: X }}", value);
            CheckKeys(file, $"{source}.template.{eventType}.{field}", how, FieldKeys);
            var property = Scalar(Child(how, "property"));
            var keyFilter = Scalar(Child(how, "keyFilter"));
            if ((property is null) == (keyFilter is null)) throw Error(file, $"{source}.template.{eventType}.{field}: give exactly one of property, keyFilter", value);
            var format = Scalar(Child(how, "format"));
            if (format is not null && (property is null || !format.Contains(FormatHole, StringComparison.Ordinal)))
                throw Error(file, $"{source}.template.{eventType}.{field}: a format goes with a property and holds {FormatHole}, where the property's value goes", value);
            fields[field] = new EventFieldSource(property, keyFilter, format);
        }
        var avoidRef = Scalar(Child(entry, "avoidRef")) switch
        {
            null or "false" => false,
            "true" => true,
            var other => throw Error(file, $"{source}.template.{eventType}: avoidRef must be true or false, not '{other}'", Child(entry, "avoidRef")),
        };
        return new EventTemplateBinding(eventType, Strings(file, source, entry, "resourceTypes"), Scalar(Child(entry, "arnService")), avoidRef, fields.ToImmutable());
    }

    private static ImmutableArray<string> Strings(string file, string owner, YamlMappingNode entry, string key) => Child(entry, key) switch
    {
        null => [],
        YamlSequenceNode list => list.Children.Select(c => Scalar(c) ?? throw Error(file, $"{owner}.{key}: items must be strings", c)).ToImmutableArray(),
        var other => throw Error(file, $"{owner}.{key}: must be a list", other),
    };

    private static void CheckKeys(string file, string owner, YamlMappingNode entry, ImmutableHashSet<string> allowed)
    {
        foreach (var key in entry.Children.Keys)
            if (!allowed.Contains(Scalar(key) ?? ""))
                throw Error(file, $"{owner}: unknown key '{Scalar(key)}' (expected {string.Join(", ", allowed.Order(StringComparer.Ordinal))})", key);
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlNode? node) => (node as YamlScalarNode)?.Value;

    private static RoleGenInputException Error(string file, string message, YamlNode? at) =>
        new($"{file}:{(at is null ? "" : at.Start.Line + ": ")}{message}", at is null ? null : new SourceLocation(file, (int)at.Start.Line, (int)at.Start.Column));
}
