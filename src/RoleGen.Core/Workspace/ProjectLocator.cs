using System.Collections.Immutable;
using System.Xml.Linq;

namespace RoleGen.Core.Workspace;

/// <summary>
/// Finds the project that builds a handler's assembly, from the function's code folder, without
/// restoring or building it: the .csproj files at or below the folder (then at or below the template
/// folder) whose assembly name matches the handler's assembly.
/// </summary>
public sealed class ProjectLocator
{
    private static readonly string[] ExcludedFolders = ["bin", "obj", ".git", ".aws-sam", "node_modules", "cdk.out"];

    public CSharpProject? Find(string codeDirectory, string templateDirectory, string assemblyName)
    {
        foreach (var root in new[] { codeDirectory, templateDirectory }.Distinct())
        {
            if (!System.IO.Directory.Exists(root)) continue;
            var match = EnumerateFiles(root, "*.csproj")
                .Select(Read)
                .Where(p => string.Equals(p.AssemblyName, assemblyName, StringComparison.OrdinalIgnoreCase))
                .OrderBy(p => p.ProjectFile.Length).ThenBy(p => p.ProjectFile, StringComparer.Ordinal)
                .FirstOrDefault();
            if (match is not null) return match;
        }
        return null;
    }

    public static CSharpProject Read(string projectFile)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(projectFile))!;
        var document = XDocument.Load(projectFile);
        var assemblyName = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "AssemblyName")?.Value.Trim();
        if (string.IsNullOrEmpty(assemblyName) || assemblyName.Contains("$("))
            assemblyName = Path.GetFileNameWithoutExtension(projectFile);

        // SDK-style projects compile every .cs below their folder except what they remove.
        var removed = document.Descendants().Where(e => e.Name.LocalName == "Compile")
            .Select(e => (string?)e.Attribute("Remove")).OfType<string>()
            .Select(r => Path.GetFullPath(Path.Combine(directory, r.Replace('\\', '/'))))
            .ToHashSet(StringComparer.Ordinal);
        var nestedProjects = EnumerateFiles(directory, "*.csproj")
            .Select(p => Path.GetDirectoryName(p)!)
            .Where(d => d != directory)
            .ToArray();
        var sources = EnumerateFiles(directory, "*.cs")
            .Where(f => !removed.Contains(f))
            .Where(f => !nestedProjects.Any(d => f.StartsWith(d + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToImmutableArray();
        return new CSharpProject(Path.GetFullPath(projectFile), assemblyName, sources);
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
