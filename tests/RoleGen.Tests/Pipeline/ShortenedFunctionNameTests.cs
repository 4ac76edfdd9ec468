using FluentAssertions;
using RoleGen.Core;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// CloudFormation shortens a generated function name over 64 characters (stack-logicalid-suffix), so the log group grant
/// written from the full names would not match: a stack name from samconfig that makes it so is a warning.
/// </summary>
public class ShortenedFunctionNameTests
{
    [Theory]
    // 30 + 20 (ProcessPaymentsFunct) + 2 + 13 = 65 > 64
    [InlineData("samconfig.toml", "[default.deploy.parameters]\nstack_name = \"acme-orders-service-production\"\nregion = \"eu-west-1\"\n", "", true)]
    [InlineData("samconfig.yaml", "default:\n  deploy:\n    parameters:\n      stack_name: acme-orders-service-production\n", "", true)]
    [InlineData("samconfig.toml", "[default.deploy.parameters]\nstack_name = \"orders\"\n", "", false)] // fits
    [InlineData("samconfig.toml", "[default.deploy.parameters]\nstack_name = \"acme-orders-service-production\"\n", "      FunctionName: payments\n", false)] // not generated
    [InlineData(null, null, "", false)] // stack unknown
    public void A_samconfig_stack_name_that_makes_the_generated_name_too_long_is_a_warning(string? file, string? config, string functionName, bool warned)
    {
        using var app = new TempApp()
            .With("template.yaml", $"""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  ProcessPaymentsFunct:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: dotnet8
                      CodeUri: ./src/App/
                      Handler: App::App.Handler::Run
                {functionName}
                """)
            .WithProject("src/App", "App")
            .With("src/App/Handler.cs", "namespace App; public class Handler { public void Run() { } }");
        if (file is not null) app.With(file, config!);

        var function = new RoleGenerator(OneFunction.Knowledge).Generate(app.TemplatePath).Functions.Single();

        var findings = function.Findings.Where(f => f.Code == FindingCodes.ShortenedFunctionName).ToList();
        if (!warned) { findings.Should().BeEmpty(); return; }
        findings.Should().ContainSingle().Which.Should().Match<Finding>(f =>
            f.Severity == Severity.Warning && f.File == "template.yaml" && f.Line == 3 &&
            f.Message.Contains("/aws/lambda/acme-orders-service-production-ProcessPaymentsFunct-*"));
    }
}
