using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit;

namespace RoleGen.Tests.Packaging;

/// <summary>
/// Packs the RoleGen tool and the RoleGen.MSBuild package once per test run into a fresh temporary folder, which
/// the end-to-end tests use as their only source for RoleGen packages. Packing uses the configuration the tests were
/// built with, so it reuses the solution build's output instead of compiling everything again.
/// </summary>
public sealed class PackedPackages : IDisposable
{
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public string RepositoryRoot { get; } = FindRepositoryRoot();
    public string Folder { get; } = Directory.CreateTempSubdirectory("rolegen-packages-").FullName;
    public string ToolVersion { get; }
    public string MSBuildVersion { get; }
    public TimeSpan PackTime { get; }

    public PackedPackages()
    {
        var stopwatch = Stopwatch.StartNew();
        Pack("src/RoleGen.Cli/RoleGen.Cli.csproj");
        Pack("src/RoleGen.MSBuild/RoleGen.MSBuild.csproj");
        PackTime = stopwatch.Elapsed;
        ToolVersion = VersionOf("RoleGen");
        MSBuildVersion = VersionOf("RoleGen.MSBuild");
    }

    private void Pack(string project)
    {
        var result = DotnetProcess.Run(RepositoryRoot, ["pack", project, "-c", Configuration, "-o", Folder, "--disable-build-servers", "-nodeReuse:false"]);
        if (result.ExitCode != 0) throw new InvalidOperationException($"dotnet pack {project} failed: {result}");
    }

    private string VersionOf(string id)
    {
        var pattern = new Regex("^" + Regex.Escape(id) + @"\.(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\.nupkg$");
        var versions = Directory.GetFiles(Folder, "*.nupkg").Select(Path.GetFileName).Select(f => pattern.Match(f!)).Where(m => m.Success).ToList();
        if (versions.Count != 1) throw new InvalidOperationException($"expected one {id} package in {Folder}, found {versions.Count}");
        return versions[0].Groups[1].Value;
    }

    /// <summary>A nuget.config that sees only the packages packed here (and, if given, one public feed for everything else).</summary>
    public string WriteNuGetConfig(string directory, string packagesFolder, string? publicFeed)
    {
        var feed = publicFeed is null ? "" : $"""

                <add key="public" value="{publicFeed}" />
            """;
        var mapping = publicFeed is null ? "" : """

              <packageSourceMapping>
                <packageSource key="local"><package pattern="RoleGen" /><package pattern="RoleGen.*" /></packageSource>
                <packageSource key="public"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            """;
        var path = Path.Combine(directory, "nuget.config");
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{packagesFolder}" />
              </config>
              <packageSources>
                <clear />
                <add key="local" value="{Folder}" />{feed}
              </packageSources>{mapping}
            </configuration>
            """);
        return path;
    }

    /// <summary>The feed for third-party packages (AWSSDK.*): ROLEGEN_E2E_NUGET_FEED if set, else nuget.org.</summary>
    public static string PublicFeed =>
        Environment.GetEnvironmentVariable("ROLEGEN_E2E_NUGET_FEED") is { Length: > 0 } feed ? feed : "https://api.nuget.org/v3/index.json";

    public void Dispose() => TempFolder.Delete(Folder);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RoleGen.sln"))) return dir.FullName;
        throw new InvalidOperationException($"RoleGen.sln not found above {AppContext.BaseDirectory}");
    }
}

/// <summary>The end-to-end packaging tests share one pack and run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class PackagingCollection : ICollectionFixture<PackedPackages>
{
    public const string Name = "Packaging";
}

internal static class TempFolder
{
    public static void Delete(string path)
    {
        try { Directory.Delete(path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public static void Copy(string source, string destination)
    {
        foreach (var directory in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(directory);
            if (name is "bin" or "obj") continue;
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, directory)));
        }
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj")) continue;
            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
