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

        // The mapping table sits next to the tool's dll, where MappingTableLoader looks first (AppContext.BaseDirectory).
        var toolDll = Directory.GetFiles(Path.Combine(toolPath, ".store"), "rolegen.dll", SearchOption.AllDirectories).Should().ContainSingle().Subject;
        var toolDirectory = Path.GetDirectoryName(toolDll)!;
        File.Exists(Path.Combine(toolDirectory, "mappings", "README.md")).Should().BeTrue();
        File.Exists(Path.Combine(toolDirectory, "mappings", "catalog", "s3.json")).Should().BeTrue();
        JObject.Parse(File.ReadAllText(Path.Combine(toolDirectory, "rolegen.runtimeconfig.json")))["runtimeOptions"]!["rollForward"]!.Value<string>()
            .Should().Be("Major", "the tool targets net8.0 and must run on newer runtimes");

        // Run from a folder outside the repository, so the only mapping table within reach is the packaged one.
        var template = Path.Combine(packages.RepositoryRoot, "samples", "order-service", "template.yaml");
        var rolegen = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "rolegen.exe" : "rolegen");
        var run = DotnetProcess.RunProgram(rolegen, _root, ["generate", "--template", template]);
        log.WriteLine($"rolegen: exit code {run.ExitCode} after {run.Elapsed.TotalSeconds:0.0}s");

        run.ExitCode.Should().Be(0, run.ToString());
        foreach (var function in new[] { "CreateOrderFunction", "ProcessOrderFunction", "GetCustomerOrdersFunction" })
            run.Output.Should().Contain($"  {function}Role:\n    Type: AWS::IAM::Role");
        Regex.Matches(run.Output, @"Type: AWS::IAM::Role").Should().HaveCount(3);
        run.Output.Should().Contain("3 function(s)");
    }

    public void Dispose() => TempFolder.Delete(_root);
}
