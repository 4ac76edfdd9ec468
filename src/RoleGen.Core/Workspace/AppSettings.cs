using System.Collections.Immutable;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RoleGen.Core.Workspace;

/// <summary>
/// The configuration files a .NET app loads beside its environment variables: <c>appsettings.json</c> and
/// <c>appsettings.{Environment}.json</c> in the project's folder, flattened to configuration keys (<c>Queue:Url</c>,
/// case-insensitive, arrays by index). Which environment runs is not known, so a key has the values of every file.
/// A file that is not valid JSON is skipped: its values stay unknown, as they were before it was read.
/// </summary>
public sealed class AppSettings
{
    public static readonly AppSettings None = new(ImmutableDictionary<string, ImmutableArray<string>>.Empty, [], ImmutableHashSet<string>.Empty);

    private readonly ImmutableDictionary<string, ImmutableArray<string>> _values;
    private readonly ImmutableHashSet<string> _inBaseFile;

    private AppSettings(ImmutableDictionary<string, ImmutableArray<string>> values, ImmutableArray<string> files, ImmutableHashSet<string> inBaseFile)
    {
        _values = values;
        Files = files;
        _inBaseFile = inBaseFile;
    }

    /// <summary>
    /// True when appsettings.json, the file every environment loads, sets the key: configuration then always has a value
    /// for it, and a default in code is never what binding leaves.
    /// </summary>
    public bool AlwaysSets(string key) => _inBaseFile.Contains(key);

    /// <summary>The files read, for the report cache to watch.</summary>
    public ImmutableArray<string> Files { get; }

    /// <summary>The values the files give a key (<c>Queue:Url</c>); empty when none does.</summary>
    public ImmutableArray<string> ValuesOf(string key) => _values.TryGetValue(key, out var values) ? values : [];

    public static ImmutableArray<string> FilesIn(string directory) =>
        System.IO.Directory.Exists(directory)
            ? System.IO.Directory.EnumerateFiles(directory, "appsettings*.json").Order(StringComparer.Ordinal).ToImmutableArray()
            : [];

    public static AppSettings Read(string directory)
    {
        var files = FilesIn(directory);
        if (files.IsEmpty) return None;
        var values = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var inBaseFile = ImmutableHashSet.CreateBuilder<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            JToken root;
            try { root = JToken.Parse(File.ReadAllText(file), new JsonLoadSettings { CommentHandling = CommentHandling.Ignore }); }
            catch (Exception e) when (e is JsonException or IOException) { continue; }
            var own = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            Flatten(root, "", own);
            if (string.Equals(Path.GetFileName(file), "appsettings.json", StringComparison.OrdinalIgnoreCase)) inBaseFile.UnionWith(own.Keys);
            foreach (var (key, list) in own)
                if (values.TryGetValue(key, out var all)) all.AddRange(list); else values[key] = list;
        }
        return new AppSettings(values.ToImmutableDictionary(p => p.Key, p => p.Value.Distinct().ToImmutableArray(), StringComparer.OrdinalIgnoreCase), files, inBaseFile.ToImmutable());
    }

    private static void Flatten(JToken token, string path, Dictionary<string, List<string>> values)
    {
        switch (token)
        {
            case JObject obj:
                foreach (var property in obj.Properties()) Flatten(property.Value, path.Length == 0 ? property.Name : path + ":" + property.Name, values);
                break;
            case JArray array:
                for (var i = 0; i < array.Count; i++) Flatten(array[i], path + ":" + i, values);
                break;
            case JValue { Type: not JTokenType.Null } value when path.Length > 0:
                if (!values.TryGetValue(path, out var list)) values[path] = list = [];
                list.Add(value.Type == JTokenType.Boolean ? value.ToString(Formatting.None) : Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
                break;
        }
    }
}
