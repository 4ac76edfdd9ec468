using System.Collections.Immutable;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RoleGen.Core.Emit;
using RoleGen.Core.Workspace;

namespace RoleGen.Core.Caching;

/// <summary>
/// Function reports from earlier runs, per project, keyed by a hash of everything they are computed from: the RoleGen
/// build, the runtime (framework references), the mapping table, the template (path and text), and the project (its
/// .csproj, its restore file obj/project.assets.json, and each source file's path and content). A run reuses a project's
/// reports only when that hash is unchanged, so after one file changes only its project is analysed again; any template
/// or mapping change analyses everything. One small JSON file per project under <see cref="Directory"/>.
/// Reading or writing the cache never fails a run: a broken or foreign entry is a miss.
/// </summary>
public sealed class ReportCache
{
    private const int FormatVersion = 1;

    private static readonly JsonSerializerSettings Settings = new()
    {
        Formatting = Formatting.None,
        Converters = [new OrdinalSortedDictionaryConverter()],
    };

    private readonly string _knowledgeFingerprint;

    public ReportCache(string directory, string knowledgeFingerprint)
    {
        Directory = directory;
        _knowledgeFingerprint = knowledgeFingerprint;
    }

    /// <summary>The cache in <see cref="DefaultDirectory"/> for the mapping table in this folder (null: the shipped one).</summary>
    public static ReportCache? ForMappings(string? mappingsDirectory)
    {
        try
        {
            return new ReportCache(DefaultDirectory(), FingerprintOf(mappingsDirectory ?? Mappings.MappingTableLoader.FindMappingsDirectory()));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // no cache, never a failed run
        }
    }

    /// <summary>The cache folder: $ROLEGEN_CACHE_DIR if set; else $XDG_CACHE_HOME/rolegen or ~/.cache/rolegen (%LOCALAPPDATA%\rolegen\cache on Windows).</summary>
    public static string DefaultDirectory()
    {
        if (Environment.GetEnvironmentVariable("ROLEGEN_CACHE_DIR") is { Length: > 0 } explicitDirectory) return Path.GetFullPath(explicitDirectory);
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "rolegen", "cache");
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "rolegen");
    }

    public string Directory { get; }

    /// <summary>Projects whose reports this instance found in the cache, and those it had to analyse (for tests and tools).</summary>
    public int Hits => _hits;

    public int Misses => _misses;

    private int _hits;
    private int _misses;

    /// <summary>The key of a project's reports in this template; null when the project's files cannot be read (then nothing is cached).</summary>
    public ProjectKey? KeyFor(CSharpProject project, string templatePath)
    {
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            void Add(string text) { var bytes = Encoding.UTF8.GetBytes(text); hash.AppendData(BitConverter.GetBytes(bytes.Length)); hash.AppendData(bytes); }
            void AddFile(string path) { var bytes = File.ReadAllBytes(path); Add(path); hash.AppendData(BitConverter.GetBytes(bytes.Length)); hash.AppendData(bytes); }

            Add($"rolegen-report-cache/{FormatVersion}");
            Add(typeof(ReportCache).Assembly.ManifestModule.ModuleVersionId.ToString());
            Add(Environment.Version.ToString());
            Add(_knowledgeFingerprint);
            AddFile(Path.GetFullPath(templatePath));
            AddFile(project.ProjectFile);
            var assets = Path.Combine(project.Directory, "obj", "project.assets.json");
            if (File.Exists(assets)) AddFile(assets); else Add("no assets");
            Add(project.SourceFiles.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var file in project.SourceFiles) AddFile(file);

            var slot = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(templatePath) + "\n" + project.ProjectFile)))[..32].ToLowerInvariant();
            return new ProjectKey(slot, Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The cached reports of these functions, or null unless every one is there under the same key.</summary>
    public IReadOnlyDictionary<string, FunctionReport>? TryLoad(ProjectKey key, IReadOnlyCollection<string> logicalIds)
    {
        try
        {
            var reports = Load(key, logicalIds);
            Interlocked.Increment(ref reports is null ? ref _misses : ref _hits);
            return reports;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or ArgumentException or InvalidOperationException or InvalidCastException)
        {
            Interlocked.Increment(ref _misses);
            return null;
        }
    }

    private Dictionary<string, FunctionReport>? Load(ProjectKey key, IReadOnlyCollection<string> logicalIds)
    {
        var path = PathOf(key);
        if (!File.Exists(path)) return null;
        var entry = JObject.Parse(File.ReadAllText(path));
        if ((string?)entry["key"] != key.Hash || entry["functions"] is not JObject functions) return null;
        var serializer = JsonSerializer.Create(Settings);
        var reports = new Dictionary<string, FunctionReport>(StringComparer.Ordinal);
        foreach (var id in logicalIds)
        {
            if (functions[id] is not { } stored) return null;
            reports[id] = stored.ToObject<FunctionReport>(serializer) ?? throw new JsonException("empty report");
        }
        return reports;
    }

    /// <summary>
    /// Stores a project's reports, after checking that they read back to the same output (YAML and JSON): a report
    /// field the serializer cannot carry is never cached, it is analysed every run.
    /// </summary>
    public bool Store(ProjectKey key, string templatePath, IReadOnlyCollection<FunctionReport> reports)
    {
        try
        {
            var serializer = JsonSerializer.Create(Settings);
            var functions = new JObject();
            foreach (var report in reports.OrderBy(r => r.LogicalId, StringComparer.Ordinal))
                functions[report.LogicalId] = JToken.FromObject(report, serializer);
            var readBack = functions.Properties().Select(p => p.Value.ToObject<FunctionReport>(serializer)!).ToImmutableArray();
            var original = new RoleGenReport(templatePath, reports.OrderBy(r => r.LogicalId, StringComparer.Ordinal).ToImmutableArray(), []);
            var copy = original with { Functions = readBack };
            if (RoleYamlWriter.Write(original) != RoleYamlWriter.Write(copy) || ReportJsonWriter.Write(original) != ReportJsonWriter.Write(copy))
                return false;

            var entry = new JObject { ["key"] = key.Hash, ["functions"] = functions };
            System.IO.Directory.CreateDirectory(Directory);
            AtomicFile.Write(PathOf(key), entry.ToString(Formatting.None));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or ArgumentException or InvalidOperationException or InvalidCastException)
        {
            return false;
        }
    }

    private string PathOf(ProjectKey key) => Path.Combine(Directory, key.Slot + ".json");

    /// <summary>A hash of every file of the mappings folder (name and content), for the cache key.</summary>
    public static string FingerprintOf(string mappingsDirectory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var root = Path.GetFullPath(mappingsDirectory);
        foreach (var file in System.IO.Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file).Replace('\\', '/') + "\n" + bytes.Length + "\n"));
            hash.AppendData(bytes);
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>Where a project's entry lives (template and project paths) and what its content must hash to.</summary>
    public sealed record ProjectKey(string Slot, string Hash);

    /// <summary>Sorted dictionaries keyed by string read back with the ordinal comparer RoleGen builds them with.</summary>
    private sealed class OrdinalSortedDictionaryConverter : JsonConverter
    {
        public override bool CanConvert(Type objectType) =>
            objectType.IsGenericType && objectType.GetGenericTypeDefinition() == typeof(ImmutableSortedDictionary<,>) && objectType.GetGenericArguments()[0] == typeof(string);

        public override bool CanWrite => false;

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) => throw new NotSupportedException();

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
        {
            if (reader.TokenType == JsonToken.Null) return null;
            var valueType = objectType.GetGenericArguments()[1];
            var read = typeof(OrdinalSortedDictionaryConverter).GetMethod(nameof(Read), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(valueType);
            return read.Invoke(null, [JObject.Load(reader), serializer]);
        }

        private static ImmutableSortedDictionary<string, T> Read<T>(JObject json, JsonSerializer serializer) =>
            json.Properties().ToImmutableSortedDictionary(p => p.Name, p => p.Value.ToObject<T>(serializer)!, StringComparer.Ordinal);
    }
}
