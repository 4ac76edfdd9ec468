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
        ImmutableHashSet.Create(StringComparer.Ordinal, "cloudformation.yaml", "implied.yaml", "encryption.yaml", "events.yaml", SdkClientNaming.FileName);

    public static MappingTable Load(string mappingsDirectory)
    {
        var catalog = IamCatalogLoader.Load(Path.Combine(mappingsDirectory, "catalog"));
        var services = Directory.EnumerateFiles(mappingsDirectory, "*.yaml")
            .Where(p => !NotServiceFiles.Contains(Path.GetFileName(p)))
            .Order(StringComparer.Ordinal)
            .Select(p => LoadFile(p, catalog))
            .ToImmutableArray();
        CheckTypesUnique(services);
        CheckReturnsAndCarries(services);
        var naming = Path.Combine(mappingsDirectory, SdkClientNaming.FileName);
        // Optional for tables built for tests and custom tables; the shipped one has it (MappingTableLoaderTests).
        var table = new MappingTable(services, catalog) { OtherClients = File.Exists(naming) ? SdkClientNaming.Load(naming) : SdkClientNaming.None };
        foreach (var (method, type) in table.OtherClients.ByMethodName)
        {
            if (!table.ClientsByType.TryGetValue(type, out var client) || !client.Operations.ContainsKey(method))
                throw new RoleGenInputException($"mappings/{SdkClientNaming.FileName}: byMethodName {method}: no mapping file maps {method} on {type}");
        }
        return table;
    }

    /// <summary>Loads and validates one service file (exposed for tests of single files).</summary>
    public static ServiceMapping LoadFile(string path, IamCatalog catalog)
    {
        var display = "mappings/" + Path.GetFileName(path);
        var root = MappingFile.ReadRoot(path, "service, bind, kinds, clients");
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

    /// <summary>
    /// Every <c>returns</c> and <c>onlyWith</c> names a mapped client type (and operation), and every <c>^X</c> a grant binds is carried by some operation
    /// returning that grant's client type: otherwise a receiver's resource would silently become "*".
    /// </summary>
    private static void CheckReturnsAndCarries(ImmutableArray<ServiceMapping> services)
    {
        var allTypes = services.SelectMany(s => s.Clients).SelectMany(c => c.Types).ToHashSet(StringComparer.Ordinal);
        var makers = services.SelectMany(s => s.Clients).SelectMany(c => c.Operations.Values).Where(o => o.Returns is not null).ToList();
        foreach (var s in services)
        foreach (var c in s.Clients)
        foreach (var op in c.Operations.Values)
        {
            if (op.Returns is { } returned && !allTypes.Contains(returned))
                throw Error(s.File, op.Line, op.Method, $"returns {returned}, which no client group lists in types");
            foreach (var call in op.OnlyWith)
            {
                var (type, method) = (call[..call.IndexOf('.')], call[(call.IndexOf('.') + 1)..]);
                if (!services.SelectMany(x => x.Clients).Any(x => x.Types.Contains(type) && x.Operations.ContainsKey(method)))
                    throw Error(s.File, op.Line, op.Method, $"onlyWith {call}: no mapping file maps {method} on {type}");
            }
            var bound = op.Grants.SelectMany(g => g.Bind.Values.Select(v => (Path: v, g.Line))).Concat(op.Carries.Values.Select(v => (Path: v, op.Line)));
            foreach (var (value, line) in bound)
            foreach (var path in RequestPath.Singles(value).Where(RequestPath.IsCarried))
            {
                var name = RequestPath.CarriedName(path);
                var carriers = makers.Where(m => c.Types.Contains(m.Returns!)).ToList();
                if (carriers.Count == 0 || carriers.Any(m => !m.Carries.ContainsKey(name)))
                    throw Error(s.File, line, op.Method, $"{path}: not every operation that returns {string.Join("/", c.Types)} carries {name}");
            }
        }
    }

    internal static RoleGenInputException Error(string file, int line, string context, string problem) =>
        new($"{file}:{line}: {context}: {problem}", new SourceLocation(file, line, 1));

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();
}
