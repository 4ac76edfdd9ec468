using System.Collections.Immutable;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RoleGen.Core.Diagnostics;

namespace RoleGen.Core.Mappings;

/// <summary>
/// Reads mappings/catalog/&lt;prefix&gt;.json (written by catalog/extract.py) into an <see cref="IamCatalog"/>.
/// A catalogue file that does not parse is bad input (exit code 2), like a broken mapping file.
/// </summary>
public static class IamCatalogLoader
{
    /// <summary>Loads every catalog/*.json except the SDK operation list (sdk-operations.json), which has no prefix.</summary>
    public static IamCatalog Load(string catalogDirectory)
    {
        if (!Directory.Exists(catalogDirectory))
            throw new RoleGenInputException($"IAM catalogue folder not found: {catalogDirectory}");
        var services = ImmutableDictionary.CreateBuilder<string, IamService>(StringComparer.Ordinal);
        // Sorted so that errors and any iteration over the catalogue are the same on every machine.
        foreach (var path in Directory.EnumerateFiles(catalogDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(path) == SdkOperationList.FileName) continue;
            var service = LoadService(path);
            services[service.Prefix] = service;
        }
        return new IamCatalog(services.ToImmutable());
    }

    public static IamService LoadService(string path)
    {
        var display = "mappings/catalog/" + Path.GetFileName(path);
        JObject root;
        try
        {
            using var reader = new JsonTextReader(File.OpenText(path));
            root = JObject.Load(reader);
        }
        catch (JsonException e)
        {
            throw new RoleGenInputException($"{display}: not valid JSON: {e.Message}", new SourceLocation(display, 1, 1));
        }

        var prefix = (string?)root["prefix"]
                     ?? throw new RoleGenInputException($"{display}: no \"prefix\"", new SourceLocation(display, 1, 1));
        var actions = ImmutableDictionary.CreateBuilder<string, IamAction>(StringComparer.Ordinal);
        foreach (var (name, token) in (JObject?)root["actions"] ?? new JObject())
        {
            var a = (JObject)token!;
            var resources = ((JArray?)a["resource_types"] ?? new JArray())
                .Select(r => new IamActionResource((string)r["resource_type"]!, (bool?)r["required"] ?? false))
                .ToImmutableArray();
            var keys = ((JArray?)a["condition_keys"] ?? new JArray()).Select(k => (string)k!).ToImmutableArray();
            actions[name] = new IamAction(prefix, name, (string?)a["access_level"] ?? "", resources, keys);
        }
        var arns = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (name, token) in (JObject?)root["resource_types"] ?? new JObject())
            arns[name] = (string)token!["arn"]!;
        return new IamService(prefix, actions.ToImmutable(), arns.ToImmutable());
    }
}
