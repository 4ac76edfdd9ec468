using System.Collections.Immutable;
using System.Text.RegularExpressions;
using RoleGen.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RoleGen.Core.Mappings;

/// <summary>Loads and checks mappings/cloudformation.yaml; any mistake in it stops the run with file and line.</summary>
public static partial class CloudFormationTypesLoader
{
    public const string FileName = "cloudformation.yaml";

    private static readonly ImmutableHashSet<string> TypeKeys =
        ImmutableHashSet.Create(StringComparer.Ordinal, "iam", "ref", "attributes", "nameProperty", "stores");

    /// <summary>The file shipped beside the binary (mappings/ is copied to the output folder).</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "mappings", FileName);

    public static CloudFormationTypes LoadDefault() => Load(DefaultPath);

    public static CloudFormationTypes Load(string path)
    {
        if (!File.Exists(path))
            throw new RoleGenInputException($"CloudFormation types file not found: {Path.GetFullPath(path)}");
        return Parse(path, File.ReadAllText(path));
    }

    public static CloudFormationTypes Parse(string file, string text)
    {
        var root = MappingFile.ParseRoot(file, text, "types");
        foreach (var key in root.Children.Keys)
            if (Scalar(key) != "types") throw Error(file, $"unknown key '{Scalar(key)}'", key);
        if (!root.Children.TryGetValue(new YamlScalarNode("types"), out var typesNode) || typesNode is not YamlMappingNode types)
            throw Error(file, "'types' must be a mapping of CloudFormation type names", root);

        var result = ImmutableDictionary.CreateBuilder<string, CloudFormationType>(StringComparer.Ordinal);
        foreach (var (key, value) in types.Children)
        {
            var type = ReadType(file, key, value);
            result[type.Type] = type;
        }
        return new CloudFormationTypes(result.ToImmutable());
    }

    private static CloudFormationType ReadType(string file, YamlNode key, YamlNode value)
    {
        var typeName = Scalar(key) ?? throw Error(file, "type names must be strings", key);
        if (!TypeNamePattern().IsMatch(typeName))
            throw Error(file, $"'{typeName}' is not a CloudFormation type name (Vendor::Service::Resource)", key);
        if (value is not YamlMappingNode entry) throw Error(file, $"{typeName}: must be a mapping", value);

        foreach (var property in entry.Children.Keys)
            if (!TypeKeys.Contains(Scalar(property) ?? ""))
                throw Error(file, $"{typeName}: unknown key '{Scalar(property)}' (expected {string.Join(", ", TypeKeys.Order())})", property);

        var iam = Required(file, typeName, entry, "iam");
        if (!IamTypePattern().IsMatch(iam))
            throw Error(file, $"{typeName}: iam '{iam}' must be 'service:resource-type'", Child(entry, "iam"));

        var reference = Required(file, typeName, entry, "ref");
        CheckKind(file, typeName, reference, Child(entry, "ref")!);

        var attributes = ImmutableArray.CreateBuilder<CloudFormationAttribute>();
        switch (Child(entry, "attributes"))
        {
            case null:
                break;
            case YamlMappingNode map:
                foreach (var (name, kindNode) in map.Children)
                {
                    var attribute = Scalar(name) ?? throw Error(file, $"{typeName}: attribute names must be strings", name);
                    var kind = Scalar(kindNode) ?? throw Error(file, $"{typeName}.{attribute}: the kind must be a string", kindNode);
                    CheckKind(file, $"{typeName}.{attribute}", kind, kindNode);
                    attributes.Add(new CloudFormationAttribute(attribute, kind));
                }
                break;
            case var other:
                throw Error(file, $"{typeName}: attributes must be a mapping of attribute name to kind", other);
        }

        var nameNode = Child(entry, "nameProperty");
        var nameProperty = nameNode is null ? null : Scalar(nameNode) ?? throw Error(file, $"{typeName}: nameProperty must be a string", nameNode);

        var storesNode = Child(entry, "stores");
        var stores = storesNode is null ? null : Scalar(storesNode) ?? throw Error(file, $"{typeName}: stores must be a property name", storesNode);

        return new CloudFormationType(typeName, iam, reference, attributes.ToImmutable(), nameProperty, (int)key.Start.Line) { Stores = stores };
    }

    private static void CheckKind(string file, string what, string kind, YamlNode node)
    {
        if (!ResourceValueKinds.All.Contains(kind))
            throw Error(file, $"{what}: unknown kind '{kind}' (expected {string.Join(" | ", ResourceValueKinds.All.Order())})", node);
    }

    private static string Required(string file, string typeName, YamlMappingNode entry, string key)
    {
        var node = Child(entry, key) ?? throw Error(file, $"{typeName}: '{key}' is required", entry);
        return Scalar(node) is { Length: > 0 } text ? text : throw Error(file, $"{typeName}: '{key}' must be a non-empty string", node);
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlNode node) => (node as YamlScalarNode)?.Value;

    private static RoleGenInputException Error(string file, string message, YamlNode? node)
    {
        var line = node is null ? 1 : (int)node.Start.Line;
        var column = node is null ? 1 : (int)node.Start.Column;
        return new RoleGenInputException($"CloudFormation types table: {message}", new SourceLocation(file, line, column));
    }

    [GeneratedRegex(@"^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$")]
    private static partial Regex TypeNamePattern();

    [GeneratedRegex(@"^[a-z0-9-]+:[A-Za-z0-9-]+$")]
    private static partial Regex IamTypePattern();
}
