using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace RoleGen.Tests.Packaging;

/// <summary>
/// A real <c>dotnet build</c> of tests/e2e/widget-service (copied to a temporary folder) against the locally packed
/// RoleGen.MSBuild package, with its own nuget.config and an empty packages folder. One test, several builds in a row:
/// restoring and building once is what costs time.
/// </summary>
[Collection(PackagingCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class MSBuildPackageTests(PackedPackages packages, ITestOutputHelper log) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rolegen-msbuild-").FullName;

    private string App => Path.Combine(_root, "app");
    private string ProjectDirectory => Path.Combine(App, "src", "WidgetService");
    private string NuGetPackages => Path.Combine(_root, "packages");

    [Fact]
    public void Dotnet_build_reports_findings_generates_roles_gates_and_is_incremental()
    {
        TempFolder.Copy(Path.Combine(packages.RepositoryRoot, "tests", "e2e", "widget-service"), App);
        packages.WriteNuGetConfig(App, NuGetPackages, PackedPackages.PublicFeed);
        var source = Path.Combine(ProjectDirectory, "ExportWidgetsFunction.cs");

        // 1. check mode (the default): findings are build warnings at their file, line and column; the build passes.
        var first = Build("first build", restore: true);
        first.ExitCode.Should().Be(0, first.ToString());
        first.Output.Should().MatchRegex(Location(source, 18, 22, "warning", "RG2004") + "ExportWidgetsFunction: Environment variable EXPORT_BUCKET");
        first.Output.Should().MatchRegex(Location(source, 19, 19, "warning", "RG1002") + "ExportWidgetsFunction: IAmazonS3.PutObjectAsync");
        first.Output.Should().MatchRegex(Location(source, 21, 19, "warning", "RG1002") + "ExportWidgetsFunction: IAmazonS3.DeleteObjectAsync");
        first.Output.Should().NotMatchRegex(@"error RG\d{4}");
        // Packed and built with a .NET 10 SDK: the precompiled net10.0 CLI runs, not the portable net8.0 one.
        first.Output.Should().MatchRegex(@"tools[/\\]cli-net10[/\\]rolegen\.dll", "the package carries a ReadyToRun net10.0 CLI and a .NET 10 build uses it");
        first.Output.Should().NotContain("--server", "no RoleGen server where UseSharedCompilation is false");
        var stamp = Directory.GetFiles(Path.Combine(ProjectDirectory, "obj"), "rolegen.stamp", SearchOption.AllDirectories).Should().ContainSingle().Subject;
        var stampTime = File.GetLastWriteTimeUtc(stamp);

        // 2. Nothing changed: the target is skipped as up to date, and the last findings are reported again.
        var second = Build("second build, no change");
        second.ExitCode.Should().Be(0, second.ToString());
        second.Output.Should().Contain("Skipping target \"RoleGen\" because all output files are up-to-date");
        second.Output.Should().MatchRegex(Location(source, 18, 22, "warning", "RG2004"));
        File.GetLastWriteTimeUtc(stamp).Should().Be(stampTime, "RoleGen did not run again");

        // 3. generate mode: the role fragment lands in obj/<configuration>/<tfm>/rolegen/roles.yaml.
        var generate = Build("generate mode", "-p:RoleGenMode=generate");
        generate.ExitCode.Should().Be(0, generate.ToString());
        generate.Output.Should().NotContain("Skipping target \"RoleGen\"", "a changed setting runs RoleGen again");
        var roles = Path.Combine(Path.GetDirectoryName(stamp)!, "roles.yaml");
        File.Exists(roles).Should().BeTrue(generate.ToString());
        var fragment = File.ReadAllText(roles);
        fragment.Should().Contain("  SaveWidgetFunctionRole:\n    Type: AWS::IAM::Role").And.Contain("  ExportWidgetsFunctionRole:\n    Type: AWS::IAM::Role");
        fragment.Should().Contain("dynamodb:PutItem").And.Contain("sqs:SendMessage").And.Contain("s3:PutObject");

        // 4. RoleGenFailOn=warning: the same findings are errors and the build fails.
        var gated = Build("RoleGenFailOn=warning", "-p:RoleGenFailOn=warning");
        gated.ExitCode.Should().NotBe(0, gated.ToString());
        gated.Output.Should().MatchRegex(Location(source, 18, 22, "error", "RG2004"));
        gated.Output.Should().MatchRegex(Location(source, 21, 19, "error", "RG1002"));
        gated.Output.Should().NotContain("RG0002", "the findings are the errors; there is no extra 'RoleGen failed' error");
    }

    private static string Location(string file, int line, int column, string severity, string code) =>
        Regex.Escape($"{file}({line},{column}): {severity} {code}: ");

    private DotnetProcess.Result Build(string what, params string[] properties)
    {
        return Build(what, restore: false, properties);
    }

    private DotnetProcess.Result Build(string what, bool restore, params string[] properties)
    {
        List<string> arguments = ["build", ProjectDirectory, "-v:n", "--disable-build-servers", "-nodeReuse:false", $"-p:RoleGenMSBuildVersion={packages.MSBuildVersion}"];
        if (!restore) arguments.Add("--no-restore");
        arguments.AddRange(properties);
        var result = DotnetProcess.Run(App, arguments, NuGetPackages);
        log.WriteLine($"{what}: exit code {result.ExitCode} after {result.Elapsed.TotalSeconds:0.0}s");
        return result;
    }

    public void Dispose() => TempFolder.Delete(_root);
}
