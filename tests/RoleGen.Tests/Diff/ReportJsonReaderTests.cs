using FluentAssertions;
using RoleGen.Core;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Diff;
using RoleGen.Core.Emit;
using RoleGen.Tests.Mappings;
using Xunit;

namespace RoleGen.Tests.Diff;

public class ReportJsonReaderTests
{
    [Fact]
    public void Reads_back_what_generate_writes_byte_for_byte()
    {
        using var repo = DiffApp.Create(commitHead: false);
        var report = new RoleGenerator(RoleGenKnowledge.Load(RealTable.Directory)).Generate(Path.Combine(repo.Root, "template.yaml"));
        var json = ReportJsonWriter.Write(report);

        var read = ReportJsonReader.Read(json);

        ReportJsonWriter.Write(read).Should().Be(json);
        read.Functions.Should().HaveCount(3);
        ReportDiffer.Compare(read, report).IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Reads_conditions_template_and_rule_reasons_and_ignores_unknown_fields()
    {
        var report = ReportJsonReader.Read("""
            {
              "version": 1, "generator": "a newer rolegen",
              "functions": [{
                "logicalId": "F", "handler": null, "extra": true,
                "statements": [{ "sid": "S3", "effect": "Allow", "actions": ["s3:ListBucket"], "resources": ["arn:b"],
                                 "condition": { "StringLike": { "s3:prefix": ["b/*", "a/*"] } },
                                 "reasons": [{ "template": "Events.Up" }, { "rule": "logs" }, { "file": "a.cs", "line": 3, "column": 2, "call": "IAmazonS3.ListObjectsV2Async" }] }],
                "findings": [{ "code": "RG1002", "severity": "warning", "message": "m", "file": "a.cs", "line": 3 }]
              }],
              "findings": []
            }
            """);

        var statement = report.Functions.Single().Statements.Single();
        statement.Condition!.Operators["StringLike"]["s3:prefix"].Should().Equal("a/*", "b/*");
        statement.Reasons.Select(r => r.ToString()).Should().Equal("template Events.Up", "rule logs", "a.cs:3 IAmazonS3.ListObjectsV2Async");
        report.Functions[0].Findings.Single().Should().Be(new Finding("RG1002", Severity.Warning, "m", "a.cs", 3));
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("{\"version\": 1, \"functions\": []} trailing", "not valid JSON")]
    [InlineData("[]", "$: expected an object, found array")]
    [InlineData("{\"functions\": []}", "$.version: expected 1")]
    [InlineData("{\"version\": \"1\", \"functions\": []}", "$.version: expected 1")]
    [InlineData("{\"version\": 1}", "$.functions: expected an array, found nothing")]
    [InlineData("{\"version\": 1, \"functions\": [{\"statements\": []}]}", "$.functions[0].logicalId: expected a string")]
    [InlineData("{\"version\": 1, \"functions\": [{\"logicalId\": \"F\", \"statements\": [{\"actions\": [\"a\"], \"resources\": [7]}]}]}", "$.functions[0].statements[0].resources[0]: expected a string, found integer 7")]
    [InlineData("{\"version\": 1, \"functions\": [{\"logicalId\": \"F\", \"statements\": [{\"effect\": \"Deny\", \"actions\": [], \"resources\": []}]}]}", "only Allow")]
    [InlineData("{\"version\": 1, \"functions\": [{\"logicalId\": \"F\", \"findings\": [{\"code\": \"X\", \"severity\": \"fatal\", \"message\": \"m\"}]}]}", "severity: expected info, warning or error")]
    [InlineData("{\"version\": 1, \"functions\": [{\"logicalId\": \"F\"}, {\"logicalId\": \"F\"}]}", "function F appears more than once")]
    public void Malformed_reports_are_bad_input_with_the_json_path(string json, string expected)
    {
        var act = () => ReportJsonReader.Read(json, "a.json");
        act.Should().Throw<RoleGenInputException>().Which.Message.Should().StartWith("a.json ").And.Contain(expected);
    }

    [Fact]
    public void A_missing_report_file_is_bad_input()
    {
        var act = () => ReportJsonReader.ReadFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "none.json"));
        act.Should().Throw<RoleGenInputException>().WithMessage("cannot read report *");
    }
}
