using System.Text.RegularExpressions;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Xunit;
using Xunit.Abstractions;

namespace RoleGen.Tests.Packaging;

/// <summary>The RoleGen tool package, installed from the local .nupkg into a temporary tool path and run.</summary>
[Collection(PackagingCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class DotnetToolPackageTests(PackedPackages packages, ITestOutputHelper log) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rolegen-tool-").FullName;

    [Fact]
    public void Installed_tool_generates_a_role_per_function_of_the_sample()
    {
        log.WriteLine($"packed in {packages.PackTime.TotalSeconds:0.0}s");
        var toolPath = Path.Combine(_root, "tools");
        var nugetPackages = Path.Combine(_root, "packages");
        var config = packages.WriteNuGetConfig(_root, nugetPackages, publicFeed: null);

        var install = DotnetProcess.Run(_root,
            ["tool", "install", "RoleGen", "--tool-path", toolPath, "--add-source", packages.Folder, "--version", packages.ToolVersion, "--configfile", config],
            nugetPackages);
        log.WriteLine($"install: {install}");
        install.ExitCode.Should().Be(0, install.ToString());

        // The package holds a build per target framework; the installed shim names the one it runs.
        var rolegen = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "rolegen.exe" : "rolegen");
        var shim = System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(rolegen)).Replace('\\', '/');
        var framework = shim.Contains("tools/net10.0/any/rolegen.dll", StringComparison.Ordinal) ? "net10.0" : "net8.0";
        var toolDll = Directory.GetFiles(Path.Combine(toolPath, ".store"), "rolegen.dll", SearchOption.AllDirectories)
            .Should().ContainSingle(f => f.Replace('\\', '/').EndsWith($"/tools/{framework}/any/rolegen.dll")).Subject;
        var toolDirectory = Path.GetDirectoryName(toolDll)!;
        // The mapping table sits next to the tool's dll, where MappingTableLoader looks first (AppContext.BaseDirectory).
        File.Exists(Path.Combine(toolDirectory, "mappings", "README.md")).Should().BeTrue();
        File.Exists(Path.Combine(toolDirectory, "mappings", "catalog", "s3.json")).Should().BeTrue();
        JObject.Parse(File.ReadAllText(Path.Combine(toolDirectory, "rolegen.runtimeconfig.json")))["runtimeOptions"]!["rollForward"]!.Value<string>()
            .Should().Be("Major", "the tool must run on runtimes newer than the one it targets");

        // Packed with a .NET 10 SDK, the package also holds a net10.0 build precompiled for linux-x64, and a .NET 10 SDK installs that one.
        using (var package = System.IO.Compression.ZipFile.OpenRead(Path.Combine(packages.Folder, $"RoleGen.{packages.ToolVersion}.nupkg")))
        {
            if (package.GetEntry("tools/net10.0/any/rolegen.dll") is not null)
            {
                framework.Should().Be("net10.0", "a .NET 10 SDK installs the net10.0 build");
                IsReadyToRun(Path.Combine(toolDirectory, "RoleGen.Core.dll")).Should().BeTrue("the net10.0 build is precompiled");
            }
            package.GetEntry("tools/net8.0/any/rolegen.dll").Should().NotBeNull("the net8.0 build stays for .NET 8 and 9");
        }

        // Run from a folder outside the repository, so the only mapping table within reach is the packaged one.
        var template = Path.Combine(packages.RepositoryRoot, "samples", "order-service", "template.yaml");
        var run = DotnetProcess.RunProgram(rolegen, _root, ["generate", "--template", template]);
        log.WriteLine($"rolegen: exit code {run.ExitCode} after {run.Elapsed.TotalSeconds:0.0}s");

        run.ExitCode.Should().Be(0, run.ToString());
        foreach (var function in new[] { "CreateOrderFunction", "ProcessOrderFunction", "GetCustomerOrdersFunction" })
            run.Output.Should().Contain($"  {function}Role:\n    Type: AWS::IAM::Role");
        Regex.Matches(run.Output, @"Type: AWS::IAM::Role").Should().HaveCount(3);
        run.Output.Should().Contain("3 function(s)");
    }

    /// <summary>True when the assembly carries precompiled native code (a ReadyToRun header).</summary>
    private static bool IsReadyToRun(string assembly)
    {
        using var reader = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(assembly));
        return reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }

    public void Dispose() => TempFolder.Delete(_root);
}
