using FluentAssertions;
using Newtonsoft.Json.Linq;
using RoleGen.Core.Emit;
using RoleGen.Tests.Check;
using RoleGen.Tests.Pipeline;
using Xunit;

namespace RoleGen.Tests.Emit;

public class SarifWriterTests
{
    private const string BroadAndNarrow = """
          Reader:
            Type: AWS::Serverless::Function
            Properties:
              Handler: App::App.Functions::Read
              Policies:
                - AmazonS3FullAccess
          Writer:
            Type: AWS::Serverless::Function
            Properties:
              Handler: App::App.Functions::Write
              Policies:
                - S3ReadPolicy:
                    BucketName: !Ref Uploads
        """;

    [Fact]
    public void Has_every_field_SARIF_2_1_0_requires_and_one_rule_per_code()
    {
        using var app = CheckApp.Create(BroadAndNarrow);
        var sarif = JObject.Parse(SarifWriter.Write(CheckApp.Check(app), "1.2.3"));

        sarif["$schema"]!.Value<string>().Should().Be("https://json.schemastore.org/sarif-2.1.0.json");
        sarif["version"]!.Value<string>().Should().Be("2.1.0");
        var run = ((JArray)sarif["runs"]!).Should().ContainSingle().Subject;
        var driver = run["tool"]!["driver"]!;
        driver["name"]!.Value<string>().Should().Be("RoleGen");
        driver["version"]!.Value<string>().Should().Be("1.2.3");
        driver["informationUri"]!.Value<string>().Should().StartWith("https://");

        var results = ((JArray)run["results"]!).ToList();
        results.Should().NotBeEmpty();
        var rules = ((JArray)driver["rules"]!).ToList();
        rules.Select(r => r["id"]!.Value<string>()).Should().BeEquivalentTo(results.Select(r => r["ruleId"]!.Value<string>()).Distinct())
            .And.Contain(new[] { "RG3001", "RG3002", "RG3003" });
        foreach (var rule in rules)
        {
            rule["name"]!.Value<string>().Should().NotBeNullOrWhiteSpace();
            foreach (var text in new[] { "shortDescription", "fullDescription", "help" })
                rule[text]!["text"]!.Value<string>().Should().NotBeNullOrWhiteSpace();
        }
        foreach (var result in results)
        {
            var ruleIndex = result["ruleIndex"]!.Value<int>();
            rules[ruleIndex]["id"]!.Value<string>().Should().Be(result["ruleId"]!.Value<string>());
            result["level"]!.Value<string>().Should().BeOneOf("error", "warning", "note");
            result["message"]!["text"]!.Value<string>().Should().NotBeNullOrWhiteSpace();
            var physical = result["locations"]![0]!["physicalLocation"]!;
            var uri = physical["artifactLocation"]!["uri"]!.Value<string>()!;
            uri.Should().NotContain("\\").And.NotStartWith("/");
            physical["artifactLocation"]!["uriBaseId"]!.Value<string>().Should().Be("%SRCROOT%");
            physical["region"]!["startLine"]!.Value<int>().Should().BePositive();
            physical["region"]!["startColumn"]!.Value<int>().Should().BePositive();
            result["partialFingerprints"]![SarifWriter.FingerprintKey]!.Value<string>().Should().MatchRegex("^[0-9a-f]{64}$");
        }
        results.Should().Contain(r => r["ruleId"]!.Value<string>() == "RG3001" && r["level"]!.Value<string>() == "error"
                                      && r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.Value<string>() == "src/App/Functions.cs"
                                      && r["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!.Value<int>() == 7);
        results.Should().Contain(r => r["ruleId"]!.Value<string>() == "RG3003" && r["level"]!.Value<string>() == "note", "SAM's own policies are info");
        results.Select(r => r["partialFingerprints"]![SarifWriter.FingerprintKey]!.Value<string>()).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Is_byte_identical_for_the_same_input()
    {
        using var app = CheckApp.Create(BroadAndNarrow);
        var first = SarifWriter.Write(CheckApp.Check(app), "1.2.3");
        var second = SarifWriter.Write(CheckApp.Check(app), "1.2.3");

        second.Should().Be(first);
    }

    [Fact]
    public void Paths_are_relative_to_the_git_root_when_the_template_is_in_a_repository()
    {
        using var app = new TempApp()
            .With(".git/HEAD", "ref: refs/heads/main\n")
            .With("services/api/template.yaml", CheckApp.Header + "\n" + BroadAndNarrow)
            .WithProject("services/api/src/App", "App")
            .With("services/api/src/App/Functions.cs", CheckApp.Code);
        var report = CheckApp.Checker.Value.Check(Path.Combine(app.Root, "services/api/template.yaml"));
        var uris = JObject.Parse(SarifWriter.Write(report, "1.2.3"))["runs"]![0]!["results"]!
            .Select(r => r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.Value<string>()).Distinct();

        uris.Should().BeEquivalentTo("services/api/template.yaml", "services/api/src/App/Functions.cs");
    }

    [Fact]
    public void Paths_are_relative_to_the_template_folder_outside_a_repository()
    {
        using var app = CheckApp.Create(BroadAndNarrow);
        SarifWriter.FindRepositoryRoot(app.Root).Should().BeNull("the test needs a folder outside any git repository");
        var uris = JObject.Parse(SarifWriter.Write(CheckApp.Check(app), "1.2.3"))["runs"]![0]!["results"]!
            .Select(r => r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.Value<string>()).Distinct();

        uris.Should().BeEquivalentTo("template.yaml", "src/App/Functions.cs");
    }

    [Fact]
    public void Fingerprints_ignore_line_numbers_but_not_the_rule_function_or_message()
    {
        var fingerprint = SarifWriter.Fingerprint("RG3001", "Reader", "s3:GetObject needed by IAmazonS3.GetObjectAsync at src/App/Functions.cs:6");

        SarifWriter.Fingerprint("RG3001", "Reader", "s3:GetObject needed by IAmazonS3.GetObjectAsync at src/App/Functions.cs:60").Should().Be(fingerprint);
        SarifWriter.Fingerprint("RG3002", "Reader", "s3:GetObject needed by IAmazonS3.GetObjectAsync at src/App/Functions.cs:6").Should().NotBe(fingerprint);
        SarifWriter.Fingerprint("RG3001", "Writer", "s3:GetObject needed by IAmazonS3.GetObjectAsync at src/App/Functions.cs:6").Should().NotBe(fingerprint);
        SarifWriter.Fingerprint("RG3001", "Reader", "s3:PutObject needed by IAmazonS3.GetObjectAsync at src/App/Functions.cs:6").Should().NotBe(fingerprint);
    }
}
