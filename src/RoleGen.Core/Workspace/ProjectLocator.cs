using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Xml.Linq;

namespace RoleGen.Core.Workspace;

/// <summary>
/// Finds the project that builds a handler's assembly, from the function's code folder, without
/// restoring or building it: the .csproj files at or below the folder (then at or below the template
/// folder) whose assembly name matches the handler's assembly.
/// One locator serves one run: it remembers the folders it walked and the projects it read, because a template's
/// functions share a few projects (1000 functions in 40 projects would otherwise walk the same folders 1000 times).
/// </summary>
public sealed class ProjectLocator
{
    private static readonly string[] ExcludedFolders = ["bin", "obj", ".git", ".aws-sam", "node_modules", "cdk.out"];

    private readonly ConcurrentDictionary<string, ImmutableArray<string>> _projectFilesUnder = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _assemblyNames = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CSharpProject> _projects = new(StringComparer.Ordinal);

    public CSharpProject? Find(string codeDirectory, string templateDirectory, string assemblyName)
    {
        foreach (var root in new[] { codeDirectory, templateDirectory }.Distinct())
        {
            if (!System.IO.Directory.Exists(root)) continue;
            // Only the matching project's sources are listed: the assembly name alone decides the match.
            var match = ProjectFilesUnder(root)
                .Where(p => string.Equals(AssemblyNameOf(p), assemblyName, StringComparison.OrdinalIgnoreCase))
                .OrderBy(p => p.Length).ThenBy(p => p, StringComparer.Ordinal)
                .FirstOrDefault();
            if (match is not null) return _projects.GetOrAdd(match, Read);
        }
        return null;
    }

    private CSharpProject Read(string projectFile)
    {
        var directory = Path.GetDirectoryName(projectFile)!;
        var document = XDocument.Load(projectFile);

        // SDK-style projects compile every .cs below their folder except what they remove.
        var removed = document.Descendants().Where(e => e.Name.LocalName == "Compile")
            .Select(e => (string?)e.Attribute("Remove")).OfType<string>()
            .Select(r => Path.GetFullPath(Path.Combine(directory, r.Replace('\\', '/'))))
            .ToHashSet(StringComparer.Ordinal);
        var nestedProjects = ProjectFilesUnder(directory)
            .Select(p => Path.GetDirectoryName(p)!)
            .Where(d => d != directory)
            .ToArray();
        var sources = EnumerateFiles(directory, "*.cs")
            .Where(f => !removed.Contains(f))
            .Where(f => !nestedProjects.Any(d => f.StartsWith(d + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToImmutableArray();
        return new CSharpProject(projectFile, AssemblyNameOf(projectFile), sources);
    }

    /// <summary>The .csproj files at or below the folder, as full paths.</summary>
    private ImmutableArray<string> ProjectFilesUnder(string root) =>
        _projectFilesUnder.GetOrAdd(Path.GetFullPath(root), full => EnumerateFiles(full, "*.csproj").ToImmutableArray());

    private string AssemblyNameOf(string projectFile) => _assemblyNames.GetOrAdd(projectFile, ReadAssemblyName);

    private static string ReadAssemblyName(string projectFile)
    {
        var assemblyName = XDocument.Load(projectFile).Descendants().FirstOrDefault(e => e.Name.LocalName == "AssemblyName")?.Value.Trim();
        return string.IsNullOrEmpty(assemblyName) || assemblyName.Contains("$(")
            ? Path.GetFileNameWithoutExtension(projectFile)
            : assemblyName;
    }

    private static IEnumerable<string> EnumerateFiles(string root, string pattern)
    {
        var pending = new Stack<string>();
        pending.Push(Path.GetFullPath(root));
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var file in System.IO.Directory.EnumerateFiles(folder, pattern)) yield return file;
            foreach (var sub in System.IO.Directory.EnumerateDirectories(folder))
            {
                var name = Path.GetFileName(sub);
                if (!ExcludedFolders.Contains(name, StringComparer.OrdinalIgnoreCase) && !name.StartsWith('.'))
                    pending.Push(sub);
            }
        }
    }
}
