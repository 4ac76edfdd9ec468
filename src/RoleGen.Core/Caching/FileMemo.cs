using System.Collections.Concurrent;

namespace RoleGen.Core.Caching;

/// <summary>
/// Values computed from files (content hashes, parsed templates, cache entries) and from the mapping table, kept while
/// each file's write time and length stay as they were. One run never needs it; the RoleGen server keeps one across
/// runs, so that a run after a small edit reads and hashes only what changed, like MSBuild's own up-to-date checks.
/// </summary>
public sealed class FileMemo
{
    private readonly ConcurrentDictionary<(string Kind, string Path), (DateTime Written, long Length, object Value)> _byFile = new();
    private readonly ConcurrentDictionary<(string Kind, string Key), object> _byKey = new();

    /// <summary>The value computed from <paramref name="path"/> by <paramref name="compute"/>, again only when the file changed.</summary>
    public T Get<T>(string kind, string path, Func<T> compute) where T : notnull
    {
        var file = new FileInfo(path);
        var (written, length) = file.Exists ? (file.LastWriteTimeUtc, file.Length) : (DateTime.MinValue, -1L);
        if (_byFile.TryGetValue((kind, path), out var known) && known.Written == written && known.Length == length && known.Value is T value) return value;
        var computed = compute();
        _byFile[(kind, path)] = (written, length, computed);
        return computed;
    }

    /// <summary>The value computed from a mappings folder, again only when one of its files changed (its fingerprint).</summary>
    public T ForMappings<T>(string kind, string directory, Func<T> compute) where T : notnull =>
        (T)_byKey.GetOrAdd((kind, directory + "|" + ReportCache.FingerprintOf(directory, this)), _ => compute());
}
