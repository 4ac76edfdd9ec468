using System.Collections.Immutable;
using RoleGen.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RoleGen.Core.Mappings;

/// <summary>
/// Loads mappings/&lt;service&gt;.yaml into a <see cref="MappingTable"/> and checks every entry against the IAM
/// catalogue in mappings/catalog. Any problem stops the run: a wrong table would silently produce wrong roles.
/// Errors read "mappings/&lt;file&gt;.yaml:&lt;line&gt;: &lt;operation or key&gt;: &lt;problem&gt;".
/// </summary>
public static class MappingTableLoader
{
    /// <summary>YAML files in the mappings folder that other parts of RoleGen own, with their own schema.</summary>
    public static readonly ImmutableHashSet<string> NotServiceFiles =
        ImmutableHashSet.Create(StringComparer.Ordinal, "cloudformation.yaml", "implied.yaml", "events.yaml");

    public static MappingTable Load(string mappingsDirectory)
    {
        var catalog = IamCatalogLoader.Load(Path.Combine(mappingsDirectory, "catalog"));
        var services = Directory.EnumerateFiles(mappingsDirectory, "*.yaml")
            .Where(p => !NotServiceFiles.Contains(Path.GetFileName(p)))
            .Order(StringComparer.Ordinal)
            .Select(p => LoadFile(p, catalog))
            .ToImmutableArray();
        CheckTypesUnique(services);
        return new MappingTable(services, catalog);
    }

    /// <summary>Loads and validates one service file (exposed for tests of single files).</summary>
    public static ServiceMapping LoadFile(string path, IamCatalog catalog)
    {
        var display = "mappings/" + Path.GetFileName(path);
        var yaml = new YamlStream();
        try
        {
            using var reader = File.OpenText(path);
            yaml.Load(reader);
        }
        catch (YamlException e)
        {
            // YamlDotNet also reports duplicate mapping keys this way ("Duplicate key").
            var line = (int)e.Start.Line;
            throw new RoleGenInputException($"{display}:{line}: YAML: {FirstLine(e.Message)}",
                new SourceLocation(display, line, (int)e.Start.Column));
        }
        if (yaml.Documents.Count != 1 || yaml.Documents[0].RootNode is not YamlMappingNode root)
            throw Error(display, 1, "file", "must hold one YAML mapping (service, bind, kinds, clients)");
        return new ServiceFileReader(display, catalog).Read(root);
    }

    /// <summary>
    /// The mappings folder: next to the executing assembly (how the tool ships), else the nearest
    /// "mappings" folder with a README.md walking up from <paramref name="start"/> (tests, a source checkout).
    /// </summary>
    public static string FindMappingsDirectory(string? start = null)
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "mappings");
        if (File.Exists(Path.Combine(shipped, "README.md")) || Directory.Exists(Path.Combine(shipped, "catalog")))
            return shipped;
        for (var dir = new DirectoryInfo(start ?? Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "mappings");
            if (File.Exists(Path.Combine(candidate, "README.md"))) return candidate;
        }
        throw new RoleGenInputException(
            $"mappings folder not found next to {AppContext.BaseDirectory} or above {start ?? Directory.GetCurrentDirectory()}");
    }

    /// <summary>Loads the table from <see cref="FindMappingsDirectory"/>.</summary>
    public static MappingTable LoadDefault() => Load(FindMappingsDirectory());

    private static void CheckTypesUnique(ImmutableArray<ServiceMapping> services)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in services)
        foreach (var c in s.Clients)
        foreach (var t in c.Types)
        {
            var qualified = c.Namespace + "." + t;
            if (seen.TryGetValue(qualified, out var other))
                throw Error(s.File, 1, "clients", $"type {qualified} is mapped in both {other} and {s.File}");
            seen[qualified] = s.File;
        }
    }

    internal static RoleGenInputException Error(string file, int line, string context, string problem) =>
        new($"{file}:{line}: {context}: {problem}", new SourceLocation(file, line, 1));

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();
}
