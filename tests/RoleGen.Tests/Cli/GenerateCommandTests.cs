using FluentAssertions;
using Newtonsoft.Json.Linq;
using RoleGen.Tests.Pipeline;
using Xunit;

namespace RoleGen.Tests.Cli;

public class GenerateCommandTests
{
    private const string Template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Uploads:
            Type: AWS::S3::Bucket
          Reader:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: dotnet8
              CodeUri: ./src/App/
              Handler: App::App.Functions::Read
              Environment:
                Variables:
                  BUCKET: !Ref Uploads
        """;

    private const string Code = """
        using Amazon.S3;
        namespace App;
        public class Functions
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();
            public Task Read() => _s3.GetObjectAsync(Environment.GetEnvironmentVariable("BUCKET"), "config.json");
        }
        """;

    private static TempApp App() => new TempApp().With("template.yaml", Template).WithProject("src/App", "App").With("src/App/Functions.cs", Code);

    [Fact]
    public void Writes_the_json_report_to_the_output_file_and_exits_0()
    {
        using var app = App();
        var result = RoleGenProcess.Run(app.Root, "generate", "--template", "template.yaml", "--format", "json", "--output", "out/roles.json");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().BeEmpty();
        var report = JObject.Parse(File.ReadAllText(Path.Combine(app.Root, "out/roles.json")));
        report["version"]!.Value<int>().Should().Be(1);
        var statements = (JArray)report["functions"]![0]!["statements"]!;
        statements.Should().Contain(s => s["resources"]!.Values<string>().Contains("arn:${AWS::Partition}:s3:::${Uploads}/config.json"));
        Directory.GetFiles(Path.Combine(app.Root, "out")).Should().ContainSingle("the temporary file is renamed, not left behind");
    }

    [Theory]
    [InlineData("public Task Read() => new Amazon.Athena.AmazonAthenaClient().StartQueryExecutionAsync(null);", "error RG1001")]
    [InlineData("public Task Nothing() => Task.CompletedTask;", "error RG1003")]
    [InlineData("public Task Read() => _s3.GetObjectAsync(\"b\", \"k\") +;", "error RG1004")]
    public void An_error_finding_exits_1_after_writing_the_output(string member, string finding)
    {
        using var app = new TempApp().With("template.yaml", Template).WithProject("src/App", "App")
            .With("src/App/Functions.cs", Code.Replace("public Task Read() => _s3.GetObjectAsync(Environment.GetEnvironmentVariable(\"BUCKET\"), \"config.json\");", member));
        var result = RoleGenProcess.Run(app.Root, "generate", "--template", "template.yaml", "--output", "roles.yaml", "--no-cache");

        result.ExitCode.Should().Be(1, result.Stderr);
        result.Stderr.Should().Contain(finding);
        File.ReadAllText(Path.Combine(app.Root, "roles.yaml")).Should().Contain("ReaderRole:");
    }

    [Fact]
    public void Prints_the_yaml_fragment_to_stdout_by_default()
    {
        using var app = App();
        var result = RoleGenProcess.Run(app.Root, "generate", "-t", "template.yaml");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("  ReaderRole:\n    Type: AWS::IAM::Role").And.Contain("- !Sub \"arn:${AWS::Partition}:s3:::${Uploads}/config.json\"");
        new YamlDotNet.Serialization.DeserializerBuilder().WithTagMapping("!Sub", typeof(string)).WithTagMapping("!Ref", typeof(string)).Build()
            .Deserialize<object>(result.Stdout).Should().NotBeNull("the fragment is valid YAML");
    }

    [Theory]
    [InlineData("Resources:\n  Bad: [unclosed\n", "template.yaml(")]
    [InlineData("Resources: {}\nResources: {}\n", "template.yaml(")]
    public void A_broken_template_exits_2_names_the_file_and_line_and_writes_nothing(string text, string expected)
    {
        using var app = new TempApp().With("template.yaml", text);
        var result = RoleGenProcess.Run(app.Root, "generate", "--template", "template.yaml", "--output", "roles.yaml");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain(expected).And.Contain("error RG2");
        File.Exists(Path.Combine(app.Root, "roles.yaml")).Should().BeFalse();
    }

    [Theory]
    [InlineData("generate", "--template", "missing.yaml")]
    [InlineData("generate", "--template", "template.yaml", "--function", "Nope")]
    [InlineData("generate", "--template", "template.yaml", "--format", "xml")]
    [InlineData("generate")]
    [InlineData("frobnicate")]
    public void Bad_usage_or_input_exits_2(params string[] arguments)
    {
        using var app = App();
        var result = RoleGenProcess.Run(app.Root, arguments);
        result.ExitCode.Should().Be(2, result.Stdout + result.Stderr);
        result.Stderr.Should().NotBeEmpty();
    }
}
