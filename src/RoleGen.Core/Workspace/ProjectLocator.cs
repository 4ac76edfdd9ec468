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
    private readonly ConcurrentDictionary<string, XDocument> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CSharpProject> _projects = new(StringComparer.Ordinal);

    /// <param name="codeElsewhere">The code is an S3 location or archive (a template in a deployment folder): its project may be anywhere in the repository.</param>
    public CSharpProject? Find(string codeDirectory, string templateDirectory, string assemblyName, bool codeElsewhere = false)
    {
        var roots = codeElsewhere && RepositoryRoot(templateDirectory) is { } repository
            ? new[] { codeDirectory, templateDirectory, repository }
            : new[] { codeDirectory, templateDirectory };
        foreach (var root in roots.Distinct())
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

    /// <summary>The nearest folder at or above <paramref name="directory"/> that holds a <c>.git</c> (folder or file), or null.</summary>
    public static string? RepositoryRoot(string directory)
    {
        for (var current = new System.IO.DirectoryInfo(directory); current is not null; current = current.Parent)
            if (System.IO.Directory.Exists(Path.Combine(current.FullName, ".git")) || File.Exists(Path.Combine(current.FullName, ".git")))
                return current.FullName;
        return null;
    }

    /// <summary>
    /// The one project at or below the function's code folder, whatever its assembly name: a native AOT function's
    /// handler (<c>bootstrap</c>) names the file Lambda runs, not necessarily the assembly.
    /// </summary>
    public CSharpProject? FindOnly(string codeDirectory) =>
        System.IO.Directory.Exists(codeDirectory) && ProjectFilesUnder(codeDirectory) is [var only] ? _projects.GetOrAdd(only, Read) : null;

    private CSharpProject Read(string projectFile)
    {
        // Code in referenced class libraries (Core, Shared, Infrastructure...) runs in the function too: their sources
        // are compiled with the project's, as if one assembly, which is all the analysis needs.
        var (referenced, missing) = ReferencedProjects(projectFile);
        var sources = OwnSources(projectFile).Concat(referenced.SelectMany(OwnSources))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToImmutableArray();
        return new CSharpProject(projectFile, AssemblyNameOf(projectFile), sources)
        {
            ReferencedProjects = referenced,
            MissingProjectReferences = missing,
            IsExecutable = IsExecutable(projectFile),
            // The project's files need them when it has them, a referenced project's when it does; the others do not mind.
            UsesImplicitUsings = referenced.Prepend(projectFile).Any(p => Property(p, "ImplicitUsings") is { } value &&
                (string.Equals(value, "enable", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))),
        };
    }

    /// <summary>
    /// OutputType Exe, or none with the Web or Worker SDK, whose default is Exe (an ASP.NET Core app hosted with
    /// <c>AddAWSLambdaHosting</c> is one).
    /// </summary>
    private bool IsExecutable(string projectFile) => Property(projectFile, "OutputType") switch
    {
        { } outputType => string.Equals(outputType, "Exe", StringComparison.OrdinalIgnoreCase),
        null => Document(projectFile).Root?.Attribute("Sdk")?.Value.Trim() is { } sdk &&
                (sdk.StartsWith("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase) || sdk.StartsWith("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase)),
    };

    /// <summary>A project's file, read once per run (its name, sources, references and settings all come from it).</summary>
    private XDocument Document(string projectFile) => _documents.GetOrAdd(projectFile, file => XDocument.Load(file, LoadOptions.SetLineInfo));

    /// <summary>The first value of an MSBuild property in the project file, trimmed; null when it does not set it.</summary>
    private string? Property(string projectFile, string name) =>
        Document(projectFile).Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();

    /// <summary>The .cs files a project compiles itself: every one below its folder, except removed ones and those of projects nested in it.</summary>
    private IEnumerable<string> OwnSources(string projectFile)
    {
        var directory = Path.GetDirectoryName(projectFile)!;
        var document = Document(projectFile);

        // SDK-style projects compile every .cs below their folder except what they remove.
        var removed = document.Descendants().Where(e => e.Name.LocalName == "Compile")
            .Select(e => (string?)e.Attribute("Remove")).OfType<string>()
            .Select(r => Path.GetFullPath(Path.Combine(directory, r.Replace('\\', '/'))))
            .ToHashSet(StringComparer.Ordinal);
        var nestedProjects = ProjectFilesUnder(directory)
            .Select(p => Path.GetDirectoryName(p)!)
            .Where(d => d != directory)
            .ToArray();
        return EnumerateFiles(directory, "*.cs")
            .Where(f => !removed.Contains(f))
            .Where(f => !nestedProjects.Any(d => f.StartsWith(d + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            .Concat(IncludedFrom(document, directory))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Files a project compiles from elsewhere (<c>&lt;Compile Include="../Shared/Keys.cs" Link="..." /&gt;</c>, also
    /// <c>../Shared/*.cs</c> and <c>../Shared/**/*.cs</c>): shared code that runs in the function. Paths built from MSBuild
    /// properties cannot be followed without MSBuild.
    /// </summary>
    private IEnumerable<string> IncludedFrom(System.Xml.Linq.XDocument document, string directory)
    {
        var items = document.Descendants().Where(e => e.Name.LocalName == "Compile")
            .Select(e => (string?)e.Attribute("Include")).OfType<string>()
            .SelectMany(i => i.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(i => !i.Contains("$(", StringComparison.Ordinal) && i.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            .Select(i => i.Replace('\\', '/'));
        foreach (var item in items)
        {
            var wildcard = item.IndexOf('*');
            if (wildcard < 0)
            {
                var file = Path.GetFullPath(Path.Combine(directory, item));
                if (File.Exists(file)) yield return file;
                continue;
            }
            var slash = item.LastIndexOf('/', wildcard);
            var root = slash < 0 ? directory : Path.GetFullPath(Path.Combine(directory, item[..slash]));
            if (!System.IO.Directory.Exists(root)) continue;
            var files = item.Contains("**", StringComparison.Ordinal)
                ? EnumerateFiles(root, "*.cs")
                : System.IO.Directory.EnumerateFiles(root, Path.GetFileName(item));
            foreach (var file in files) yield return Path.GetFullPath(file);
        }
    }

    /// <summary>
    /// The projects <paramref name="projectFile"/> references, directly or through others, that exist on disk
    /// (Windows separators accepted; paths built from MSBuild properties cannot be followed without MSBuild), and the
    /// references to projects that are not on disk.
    /// </summary>
    private (ImmutableArray<string> Found, ImmutableArray<MissingProjectReference> Missing) ReferencedProjects(string projectFile)
    {
        var found = new List<string>();
        var missing = new List<MissingProjectReference>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { projectFile };
        var pending = new Queue<string>([projectFile]);
        while (pending.TryDequeue(out var current))
        {
            var directory = Path.GetDirectoryName(current)!;
            foreach (var element in Document(current).Descendants().Where(e => e.Name.LocalName == "ProjectReference"))
            {
                if ((string?)element.Attribute("Include") is not { } include || include.Contains("$(", StringComparison.Ordinal)) continue;
                var referenced = Path.GetFullPath(Path.Combine(directory, include.Trim().Replace('\\', '/')));
                if (!File.Exists(referenced))
                    missing.Add(new MissingProjectReference(current, include.Trim(), ((System.Xml.IXmlLineInfo)element).LineNumber));
                else if (seen.Add(referenced))
                {
                    found.Add(referenced);
                    pending.Enqueue(referenced);
                }
            }
        }
        return ([.. found], [.. missing]);
    }

    /// <summary>The .csproj files at or below the folder, as full paths.</summary>
    private ImmutableArray<string> ProjectFilesUnder(string root) =>
        _projectFilesUnder.GetOrAdd(Path.GetFullPath(root), full => EnumerateFiles(full, "*.csproj").ToImmutableArray());

    private string AssemblyNameOf(string projectFile) => Property(projectFile, "AssemblyName") is { Length: > 0 } name && !name.Contains("$(")
        ? name
        : Path.GetFileNameWithoutExtension(projectFile);

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
