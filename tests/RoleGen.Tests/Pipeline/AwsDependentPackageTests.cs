using FluentAssertions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RoleGen.Core;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Workspace;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// A restored project that calls into a NuGet package depending on the AWS SDK (a team's own storage library) is told
/// that the AWS calls the package makes are not visible, rather than given a role without them.
/// </summary>
public class AwsDependentPackageTests
{
    private const string Handler = """
        using Acme.Storage;
        namespace App;
        public class Handler
        {
            private readonly BlobStore _store = new();
            public Task Run(string key) => _store.SaveAsync(key);
        }
        """;

    [Theory]
    [InlineData("Acme.Storage", "\"AWSSDK.S3\": \"3.7.400\"", true)]
    [InlineData("Acme.Storage", "\"Acme.Core\": \"1.0.0\"", true)]                 // through another package that depends on the SDK
    [InlineData("Acme.Storage", "", false)]                                           // depends on nothing AWS
    [InlineData("AWS.Lambda.Powertools.Acme", "\"AWSSDK.S3\": \"3.7.400\"", false)] // known (sdk-clients.yaml knownPackages)
    public void A_call_into_a_package_that_depends_on_the_AWS_SDK_is_reported(string packageId, string dependencies, bool reported)
    {
        using var app = new TempApp()
            .With("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: dotnet8
                      CodeUri: ./src/App/
                      Handler: App::App.Handler::Run
                """)
            .WithProject("src/App", "App")
            .With("src/App/Handler.cs", Handler);
        var dll = Path.Combine(app.Root, "packages", packageId.ToLowerInvariant(), "1.0.0", "lib", "net8.0", "Acme.Storage.dll");
        EmitLibrary(dll);
        app.With("src/App/obj/project.assets.json", Assets(app.Root, packageId, dependencies));

        var function = new RoleGenerator(OneFunction.Knowledge).Generate(app.TemplatePath).Functions.Single();

        var finding = function.Findings.Where(f => f.Code == FindingCodes.AwsDependentPackage).ToList();
        if (!reported)
        {
            finding.Should().BeEmpty();
            return;
        }
        finding.Should().ContainSingle().Which.Message.Should().StartWith($"BlobStore.SaveAsync is in package {packageId}, which depends on the AWS SDK");
        finding[0].Line.Should().Be(6);
        finding[0].Severity.Should().Be(Severity.Warning);
    }

    private static string Assets(string root, string packageId, string dependencies) => $$"""
        {
          "version": 3,
          "targets": {
            "net8.0": {
              "{{packageId}}/1.0.0": { "type": "package", "dependencies": { {{dependencies}} }, "compile": { "lib/net8.0/Acme.Storage.dll": {} } },
              "Acme.Core/1.0.0": { "type": "package", "dependencies": { "AWSSDK.Core": "3.7.400" }, "compile": { "lib/net8.0/_._": {} } },
              "AWSSDK.S3/3.7.400": { "type": "package", "dependencies": { "AWSSDK.Core": "3.7.400" }, "compile": { "lib/net8.0/_._": {} } },
              "AWSSDK.Core/3.7.400": { "type": "package", "compile": { "lib/net8.0/_._": {} } }
            }
          },
          "libraries": {
            "{{packageId}}/1.0.0": { "type": "package", "path": "{{packageId.ToLowerInvariant()}}/1.0.0" },
            "Acme.Core/1.0.0": { "type": "package", "path": "acme.core/1.0.0" },
            "AWSSDK.S3/3.7.400": { "type": "package", "path": "awssdk.s3/3.7.400" },
            "AWSSDK.Core/3.7.400": { "type": "package", "path": "awssdk.core/3.7.400" }
          },
          "packageFolders": { "{{Path.Combine(root, "packages").Replace("\\", "\\\\")}}/": {} }
        }
        """;

    /// <summary>A package assembly (BlobStore.SaveAsync), compiled against the reference assemblies RoleGen binds with.</summary>
    private static void EmitLibrary(string path)
    {
        var references = Directory.EnumerateFiles(CompilationFactory.FrameworkReferenceDirectory(Path.GetDirectoryName(typeof(object).Assembly.Location)!), "*.dll")
            .Where(f => Path.GetFileName(f).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(f) == "netstandard.dll")
            .Select(f => MetadataReference.CreateFromFile(f));
        var compilation = CSharpCompilation.Create("Acme.Storage",
            [CSharpSyntaxTree.ParseText("namespace Acme.Storage; public class BlobStore { public System.Threading.Tasks.Task SaveAsync(string key) => System.Threading.Tasks.Task.CompletedTask; }")],
            references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var result = compilation.Emit(path);
        result.Success.Should().BeTrue(string.Join("\n", result.Diagnostics));
    }
}
