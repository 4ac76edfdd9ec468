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
/// Function reports from earlier runs, per template and project. An entry records what the reports were computed from:
/// a context hash (the RoleGen build, the runtime, the mapping table, the template's path and text, the project's .csproj
/// and obj/project.assets.json), each C# file's content hash and <see cref="SourceShape"/>, and for each function its
/// report and the files its analysis read (<see cref="Analysis.HandlerAnalysis.SourceFiles"/>). A run reuses a report
/// when the context is the same, no file was added or removed, every changed file kept its shape, and none of the
/// changed files is one the function's analysis read: after an edit inside a method body only the functions that reach
/// that code are analysed again. Any template or mapping change analyses everything. One small JSON file per project
/// under <see cref="Directory"/>; reading or writing the cache never fails a run: a broken or foreign entry is a miss.
/// </summary>
public sealed class ReportCache
{
    private const int FormatVersion = 2;

    private static readonly JsonSerializerSettings Settings = new()
    {
        Formatting = Formatting.None,
        Converters = [new OrdinalSortedDictionaryConverter()],
    };

    private readonly string _knowledgeFingerprint;
    private readonly FileMemo? _memo;

    /// <param name="memo">Remembers file hashes and read entries across runs (the RoleGen server); null in a single run.</param>
    public ReportCache(string directory, string knowledgeFingerprint, FileMemo? memo = null)
    {
        Directory = directory;
        _knowledgeFingerprint = knowledgeFingerprint;
        _memo = memo;
    }

    /// <summary>The cache in <see cref="DefaultDirectory"/> for the mapping table in this folder (null: the shipped one).</summary>
    public static ReportCache? ForMappings(string? mappingsDirectory, FileMemo? memo = null)
    {
        try
        {
            return new ReportCache(DefaultDirectory(), FingerprintOf(mappingsDirectory ?? Mappings.MappingTableLoader.FindMappingsDirectory(), memo), memo);
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

    /// <summary>Functions whose reports this instance took from the cache, and functions it left to be analysed (for tests and tools).</summary>
    public int Hits => _hits;

    public int Misses => _misses;

    private int _hits;
    private int _misses;

    /// <summary>A project as it is now; null when its files cannot be read (then nothing is cached).</summary>
    public ProjectSnapshot? Snapshot(CSharpProject project, string templatePath)
    {
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            void Add(string text) { var bytes = Encoding.UTF8.GetBytes(text); hash.AppendData(BitConverter.GetBytes(bytes.Length)); hash.AppendData(bytes); }
            void AddFile(string path) { Add(path); Add(ContentHash(path)); }

            Add($"rolegen-report-cache/{FormatVersion}");
            Add(typeof(ReportCache).Assembly.ManifestModule.ModuleVersionId.ToString());
            Add(Environment.Version.ToString());
            Add(_knowledgeFingerprint);
            AddFile(Path.GetFullPath(templatePath));
            AddFile(project.ProjectFile);
            foreach (var referenced in project.ReferencedProjects) AddFile(referenced);
            // Configuration keys read in code take their values from these too.
            foreach (var settings in Workspace.AppSettings.FilesIn(project.Directory)) AddFile(settings);
            var assets = Path.Combine(project.Directory, "obj", "project.assets.json");
            if (File.Exists(assets)) AddFile(assets); else Add("no assets");

            var files = project.SourceFiles.ToImmutableSortedDictionary(file => file, ContentHash, StringComparer.Ordinal);
            var slot = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(templatePath) + "\n" + project.ProjectFile)))[..32].ToLowerInvariant();
            return new ProjectSnapshot(slot, Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant(), files);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The cached reports that still hold for the project as it is now, by logical id (every function of the entry, so
    /// that a run of some functions keeps the others); counts the <paramref name="wanted"/> ones as hits, the rest as misses.
    /// </summary>
    public IReadOnlyDictionary<string, CachedReport> Reusable(ProjectSnapshot snapshot, IReadOnlyCollection<string> wanted)
    {
        IReadOnlyDictionary<string, CachedReport> reusable;
        try
        {
            reusable = Load(snapshot);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or ArgumentException or InvalidOperationException or InvalidCastException or FormatException)
        {
            reusable = new Dictionary<string, CachedReport>();
        }
        var hits = wanted.Count(reusable.ContainsKey);
        Interlocked.Add(ref _hits, hits);
        Interlocked.Add(ref _misses, wanted.Count - hits);
        return reusable;
    }

    private string ContentHash(string file) => ContentHash(file, _memo);

    /// <summary>A file's SHA-256, remembered by <paramref name="memo"/> while the file is unchanged.</summary>
    private static string ContentHash(string file, FileMemo? memo)
    {
        static string Read(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
        return memo is null ? Read(file) : memo.Get("sha256", file, () => Read(file));
    }

    private Dictionary<string, CachedReport> Load(ProjectSnapshot snapshot)
    {
        var none = new Dictionary<string, CachedReport>(StringComparer.Ordinal);
        var path = PathOf(snapshot);
        if (!File.Exists(path)) return none;
        var entry = _memo is null ? StoredEntry.Read(path) : _memo.Get("cache-entry", path, () => StoredEntry.Read(path));
        if (entry.Context != snapshot.Context || entry.Files.Count != snapshot.Files.Count) return none;

        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, content) in snapshot.Files)
        {
            if (!entry.Files.TryGetValue(file, out var stored)) return none; // a file was added (or renamed)
            if (stored.Content == content) continue;
            // A changed file may only change the functions that read it, and only if it still declares the same things.
            var shape = SourceShape.Of(File.ReadAllText(file), file);
            if (shape is null || stored.Shape != shape) return none;
            changed.Add(file);
        }

        var reusable = new Dictionary<string, CachedReport>(StringComparer.Ordinal);
        foreach (var (name, function) in entry.Functions)
            if (!function.SourceFiles.Any(changed.Contains)) reusable[name] = function;
        return reusable;
    }

    /// <summary>A cache file as read: its context, each file's content hash and shape, each function's report.</summary>
    private sealed record StoredEntry(string? Context, IReadOnlyDictionary<string, (string? Content, string? Shape)> Files, IReadOnlyDictionary<string, CachedReport> Functions)
    {
        public static StoredEntry Read(string path)
        {
            var entry = JObject.Parse(File.ReadAllText(path));
            if (entry["files"] is not JObject files || entry["functions"] is not JObject functions) throw new JsonException("not a cache entry");
            var stored = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);
            foreach (var file in files.Properties())
                stored[file.Name] = file.Value is JArray { Count: 2 } pair ? ((string?)pair[0], (string?)pair[1]) : throw new JsonException("bad file entry");
            var serializer = JsonSerializer.Create(Settings);
            var reports = new Dictionary<string, CachedReport>(StringComparer.Ordinal);
            foreach (var function in functions.Properties())
            {
                var sourceFiles = function.Value["sourceFiles"]?.ToObject<ImmutableArray<string>>() ?? throw new JsonException("no source files");
                var report = function.Value["report"]?.ToObject<FunctionReport>(serializer) ?? throw new JsonException("empty report");
                reports[function.Name] = new CachedReport(report, sourceFiles);
            }
            return new StoredEntry((string?)entry["context"], stored, reports);
        }
    }

    /// <summary>
    /// Stores a project's reports with the shape of each of its files (null: does not parse), after checking that they
    /// read back to the same output (YAML and JSON): a report field the serializer cannot carry is never cached.
    /// </summary>
    public bool Store(ProjectSnapshot snapshot, string templatePath, IReadOnlyCollection<CachedReport> reports, IReadOnlyDictionary<string, string?> shapes)
    {
        try
        {
            if (snapshot.Files.Keys.Any(file => !shapes.ContainsKey(file))) return false;
            var serializer = JsonSerializer.Create(Settings);
            var ordered = reports.OrderBy(r => r.Report.LogicalId, StringComparer.Ordinal).ToList();
            var functions = new JObject();
            foreach (var (report, sourceFiles) in ordered)
                functions[report.LogicalId] = new JObject { ["report"] = JToken.FromObject(report, serializer), ["sourceFiles"] = new JArray(sourceFiles.ToArray()) };
            var readBack = functions.Properties().Select(p => p.Value["report"]!.ToObject<FunctionReport>(serializer)!).ToImmutableArray();
            var original = new RoleGenReport(templatePath, ordered.Select(r => r.Report).ToImmutableArray(), []);
            var copy = original with { Functions = readBack };
            if (RoleYamlWriter.Write(original) != RoleYamlWriter.Write(copy) || ReportJsonWriter.Write(original) != ReportJsonWriter.Write(copy))
                return false;

            var files = new JObject();
            foreach (var (file, content) in snapshot.Files) files[file] = new JArray(content, shapes[file] is { } shape ? shape : JValue.CreateNull());
            var entry = new JObject { ["format"] = FormatVersion, ["context"] = snapshot.Context, ["files"] = files, ["functions"] = functions };
            System.IO.Directory.CreateDirectory(Directory);
            AtomicFile.Write(PathOf(snapshot), entry.ToString(Formatting.None));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or ArgumentException or InvalidOperationException or InvalidCastException)
        {
            return false;
        }
    }

    private string PathOf(ProjectSnapshot snapshot) => Path.Combine(Directory, snapshot.Slot + ".json");

    /// <summary>A hash of every file of the mappings folder (name and content), for the cache key.</summary>
    public static string FingerprintOf(string mappingsDirectory, FileMemo? memo = null)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var root = Path.GetFullPath(mappingsDirectory);
        foreach (var file in System.IO.Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var content = ContentHash(file, memo);
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file).Replace('\\', '/') + "\n" + content + "\n"));
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>
    /// A project now: where its entry lives (from the template and project paths), the hash of everything but its C#
    /// files, and each C# file's content hash by full path.
    /// </summary>
    public sealed record ProjectSnapshot(string Slot, string Context, ImmutableSortedDictionary<string, string> Files);

    /// <summary>A function's report and the source files its analysis read.</summary>
    public sealed record CachedReport(FunctionReport Report, ImmutableArray<string> SourceFiles);

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
