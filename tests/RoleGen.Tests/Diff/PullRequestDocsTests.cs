using FluentAssertions;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace RoleGen.Tests.Diff;

/// <summary>The README's example comment and the sample workflow stay in step with what RoleGen does.</summary>
public class PullRequestDocsTests
{
    private static string RepositoryFile(string relative)
    {
        var expected = new DirectoryInfo(Path.GetDirectoryName(Expected.PathOf("handler-change.md"))!);
        return Path.Combine(expected.Parent!.Parent!.Parent!.Parent!.FullName, relative);
    }

    [Fact]
    public void Readme_shows_the_golden_comment()
    {
        var readme = File.ReadAllText(RepositoryFile("README.md")).Replace("\r\n", "\n");
        var quoted = string.Join("\n", Expected.Read("handler-change.md").TrimEnd('\n').Split('\n').Select(l => l.Length == 0 ? ">" : "> " + l));
        readme.Should().Contain("## Pull requests").And.Contain(quoted);
    }

    [Fact]
    public void Sample_workflow_runs_diff_comment_and_uploads_sarif_without_expression_injection()
    {
        var text = File.ReadAllText(RepositoryFile("samples/github-actions/rolegen.yml"));
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;

        root.Children[new YamlScalarNode("on")].Should().BeOfType<YamlMappingNode>().Which.Children.Keys.Select(k => k.ToString()).Should().Contain("pull_request");
        var steps = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)root["jobs"])["rolegen"])["steps"]).Children.Cast<YamlMappingNode>().ToList();
        var runs = steps.Where(s => s.Children.ContainsKey("run")).Select(s => s["run"].ToString()).ToList();
        runs.Should().Contain(r => r.Contains("rolegen diff --template") && r.Contains("--base"));
        runs.Should().Contain(r => r.Contains("rolegen comment github --repo") && r.Contains("--pr"));
        runs.Should().Contain(r => r.Contains("rolegen check") && r.Contains("--format sarif"));
        runs.Should().OnlyContain(r => !r.Contains("${{"), "values reach scripts through env:, never spliced into the shell text");
        steps.Should().Contain(s => s.Children.ContainsKey("uses") && s["uses"].ToString().StartsWith("github/codeql-action/upload-sarif@"));
        steps.Single(s => s.Children.ContainsKey("run") && s["run"].ToString().Contains("comment github"))["env"].ToString().Should().Contain("secrets.GITHUB_TOKEN");
    }
}
