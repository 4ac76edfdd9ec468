using FluentAssertions;
using Newtonsoft.Json.Linq;
using RoleGen.Tests.Check;
using RoleGen.Tests.Pipeline;
using Xunit;

namespace RoleGen.Tests.Cli;

public class CheckCommandTests
{
    // Reader is granted far more than it needs (warnings), Writer less than it needs (an error).
    private const string TooBroad = """
          Reader:
            Type: AWS::Serverless::Function
            Properties:
              Handler: App::App.Functions::Read
              Policies:
                - AmazonS3FullAccess
        """;

    private const string TooNarrow = """
          Writer:
            Type: AWS::Serverless::Function
            Properties:
              Handler: App::App.Functions::Write
              Policies:
                - S3ReadPolicy:
                    BucketName: !Ref Uploads
        """;

    [Fact]
    public void A_missing_permission_fails_the_default_gate_with_the_call_site()
    {
        using var app = CheckApp.Create(TooNarrow);
        var result = RoleGenProcess.Run(app.Root, "check", "--template", "template.yaml");

        result.ExitCode.Should().Be(1, result.Stderr);
        result.Stdout.Should().Contain("src/App/Functions.cs(7,").And.Contain(": error RG3001: Writer: s3:PutObject on arn:${AWS::Partition}:s3:::${Uploads}/out.json");
        result.Stdout.Should().Contain("rolegen check: 1 function(s); 1 missing permission(s) (RG3001)");
    }

    [Fact]
    public void Fail_on_none_reports_but_exits_0()
    {
        using var app = CheckApp.Create(TooNarrow);
        var result = RoleGenProcess.Run(app.Root, "check", "-t", "template.yaml", "--fail-on", "none");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("error RG3001");
    }

    [Fact]
    public void Warnings_pass_the_default_gate_and_fail_with_fail_on_warning()
    {
        using var app = CheckApp.Create(TooBroad);

        var byDefault = RoleGenProcess.Run(app.Root, "check", "-t", "template.yaml");
        byDefault.ExitCode.Should().Be(0, byDefault.Stderr);
        byDefault.Stdout.Should().Contain("template.yaml(17,").And.Contain("warning RG3002: Reader:").And.Contain("warning RG3003: Reader:");

        var strict = RoleGenProcess.Run(app.Root, "check", "-t", "template.yaml", "--fail-on", "warning");
        strict.ExitCode.Should().Be(1, strict.Stderr);
    }

    [Fact]
    public void An_exact_role_passes_even_the_warning_gate()
    {
        using var app = CheckApp.Create("""
              Reader:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: App::App.Functions::Read
                  Policies:
                    - Statement:
                        - Effect: Allow
                          Action: s3:GetObject
                          Resource: !Sub arn:${AWS::Partition}:s3:::${Uploads}/in.json
            """);
        var result = RoleGenProcess.Run(app.Root, "check", "-t", "template.yaml", "--fail-on", "warning");

        result.ExitCode.Should().Be(0, result.Stdout + result.Stderr);
        result.Stdout.Should().NotContain(": warning RG").And.NotContain(": error RG").And.Contain("0 error(s), 0 warning(s)");
    }

    [Fact]
    public void Json_output_is_the_report_with_the_check_findings()
    {
        using var app = CheckApp.Create(TooNarrow);
        var result = RoleGenProcess.Run(app.Root, "check", "-t", "template.yaml", "--format", "json", "--output", "check.json");

        result.ExitCode.Should().Be(1);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Contain("error RG3001");
        var report = JObject.Parse(File.ReadAllText(Path.Combine(app.Root, "check.json")));
        report["version"]!.Value<int>().Should().Be(1);
        var writer = report["functions"]!.Single(f => f["logicalId"]!.Value<string>() == "Writer");
        writer["statements"]!.Should().Contain(s => s["actions"]!.Values<string>().Contains("s3:PutObject"));
        writer["findings"]!.Should().Contain(f => f["code"]!.Value<string>() == "RG3001" && f["severity"]!.Value<string>() == "error"
                                                  && f["file"]!.Value<string>() == "src/App/Functions.cs" && f["line"]!.Value<int>() == 7);
    }

    [Fact]
    public void Sarif_output_parses_for_check_and_generate()
    {
        using var app = CheckApp.Create(TooNarrow);
        var check = RoleGenProcess.Run(app.Root, "check", "-t", "template.yaml", "--format", "sarif");
        var generate = RoleGenProcess.Run(app.Root, "generate", "-t", "template.yaml", "--format", "sarif");

        check.ExitCode.Should().Be(1);
        JObject.Parse(check.Stdout)["runs"]![0]!["results"]!.Should().Contain(r => r["ruleId"]!.Value<string>() == "RG3001");
        generate.ExitCode.Should().Be(0, generate.Stderr);
        JObject.Parse(generate.Stdout)["version"]!.Value<string>().Should().Be("2.1.0");
    }

    [Theory]
    [InlineData("--fail-on", "sometimes")]
    [InlineData("--format", "xml")]
    [InlineData("--function", "Nope")]
    public void Bad_usage_exits_2(string option, string value)
    {
        using var app = CheckApp.Create(TooNarrow);
        var result = RoleGenProcess.Run(app.Root, "check", "-t", "template.yaml", option, value);

        result.ExitCode.Should().Be(2, result.Stdout + result.Stderr);
    }
}
