using FluentAssertions;
using RoleGen.MSBuild;
using Xunit;

namespace RoleGen.Tests.Packaging;

public class FindingLineTests
{
    private static readonly string TemplateDirectory = Path.Combine(Path.GetTempPath(), "app");

    [Fact]
    public void Parses_a_located_finding_and_makes_its_path_absolute()
    {
        var finding = FindingLine.TryParse("src/App/Functions.cs(38,19): warning RG1002: Reader: IAmazonS3.GetObjectAsync: s3:GetObject on arn:${AWS::Partition}:s3:::*", TemplateDirectory)!;

        finding.File.Should().Be(Path.Combine(TemplateDirectory, "src", "App", "Functions.cs"));
        (finding.Line, finding.Column).Should().Be((38, 19));
        finding.Severity.Should().Be("warning");
        finding.Code.Should().Be("RG1002");
        finding.Message.Should().Be("Reader: IAmazonS3.GetObjectAsync: s3:GetObject on arn:${AWS::Partition}:s3:::*");
    }

    [Fact]
    public void Parses_findings_without_a_column_a_line_or_a_file()
    {
        FindingLine.TryParse("template.yaml(12): error RG2003: bad handler", TemplateDirectory)!
            .Should().BeEquivalentTo(new { File = Path.Combine(TemplateDirectory, "template.yaml"), Line = 12, Column = 0, Severity = "error", Code = "RG2003" });
        FindingLine.TryParse("template.yaml: error RG2001: (3,1): not YAML", TemplateDirectory)!
            .Should().BeEquivalentTo(new { File = Path.Combine(TemplateDirectory, "template.yaml"), Line = 0, Code = "RG2001", Message = "(3,1): not YAML" });
        FindingLine.TryParse("rolegen: error RG3004: the policy is too large", TemplateDirectory)!
            .Should().BeEquivalentTo(new { File = (string?)null, Line = 0, Severity = "error", Code = "RG3004" });
        FindingLine.TryParse("src/A.cs(1,2): info RG1006: part is known at run time", TemplateDirectory)!.Severity.Should().Be("info");
    }

    [Fact]
    public void Keeps_absolute_paths_and_ignores_other_lines()
    {
        var absolute = Path.Combine(Path.GetTempPath(), "elsewhere", "B.cs");
        FindingLine.TryParse($"{absolute}(4,5): warning RG2004: X", TemplateDirectory)!.File.Should().Be(absolute);
        FindingLine.TryParse("rolegen: 3 function(s), 9 statement(s); 0 error(s), 1 warning(s).", TemplateDirectory).Should().BeNull();
        FindingLine.TryParse("rolegen: error: nothing was written.", TemplateDirectory).Should().BeNull();
        FindingLine.TryParse("", TemplateDirectory).Should().BeNull();
    }
}
