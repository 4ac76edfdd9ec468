using System.Collections.Immutable;
using Newtonsoft.Json.Linq;

namespace RoleGen.Core.Workspace;

/// <summary>
/// What the project's last restore resolved (obj/project.assets.json), if that restore is on disk: the packages'
/// compile-time assemblies, and which of them come from packages that depend on the AWS SDK (a team's own library
/// that wraps S3, a messaging package): code in them may call AWS with the function's role where RoleGen cannot see.
/// </summary>
public sealed record RestoredPackages(ImmutableArray<string> CompileAssemblies, ImmutableDictionary<string, string> AwsDependentAssemblies)
{
    public static readonly RestoredPackages None = new([], ImmutableDictionary<string, string>.Empty);

    private const string SdkPackagePrefix = "AWSSDK.";

    public static RestoredPackages Read(CSharpProject project)
    {
        var assetsFile = Path.Combine(project.Directory, "obj", "project.assets.json");
        if (!File.Exists(assetsFile)) return None;
        try
        {
            var assets = JObject.Parse(File.ReadAllText(assetsFile));
            var folders = (assets["packageFolders"] as JObject)?.Properties().Select(p => p.Name).ToArray() ?? [];
            var target = (assets["targets"] as JObject)?.Properties().FirstOrDefault()?.Value as JObject;
            var libraries = assets["libraries"] as JObject;
            if (target is null || libraries is null) return None;
            var packages = target.Properties().Where(l => (string?)l.Value["type"] == "package").ToList();
            var dependsOnSdk = DependsOnSdk(packages);
            var found = new List<string>();
            var awsDependent = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var library in packages)
            {
                var libraryPath = (string?)libraries[library.Name]?["path"];
                if (libraryPath is null) continue;
                var id = PackageId(library.Name);
                foreach (var compile in (library.Value["compile"] as JObject)?.Properties() ?? [])
                {
                    if (!compile.Name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) continue;
                    var path = folders.Select(f => Path.Combine(f, libraryPath, compile.Name)).FirstOrDefault(File.Exists);
                    if (path is null) continue;
                    found.Add(path);
                    if (dependsOnSdk.Contains(id) && !id.StartsWith(SdkPackagePrefix, StringComparison.OrdinalIgnoreCase))
                        awsDependent[Path.GetFileNameWithoutExtension(compile.Name)] = id;
                }
            }
            return new RestoredPackages([.. found], awsDependent.ToImmutable());
        }
        catch (Exception e) when (e is IOException or Newtonsoft.Json.JsonException or InvalidCastException)
        {
            return None; // A stale or foreign assets file only costs precision: names still work.
        }
    }

    /// <summary>The ids of the packages that depend, directly or through others, on an AWSSDK package.</summary>
    private static HashSet<string> DependsOnSdk(List<JProperty> packages)
    {
        var dependencies = packages.ToDictionary(
            p => PackageId(p.Name),
            p => (p.Value["dependencies"] as JObject)?.Properties().Select(d => d.Name).ToList() ?? [],
            StringComparer.OrdinalIgnoreCase);
        var result = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        bool Depends(string id, HashSet<string> visiting) =>
            result.Contains(id) || (visiting.Add(id) && dependencies.TryGetValue(id, out var direct) &&
                direct.Any(d => d.StartsWith(SdkPackagePrefix, StringComparison.OrdinalIgnoreCase) || Depends(d, visiting)));
        foreach (var id in dependencies.Keys)
            if (Depends(id, new HashSet<string>(StringComparer.OrdinalIgnoreCase))) result.Add(id);
        return result;
    }

    /// <summary>"Name/1.2.3" is package Name.</summary>
    private static string PackageId(string library) => library.Split('/')[0];
}
