using FluentAssertions;
using RoleGen.Core;
using RoleGen.Core.Diff;
using RoleGen.Tests.Mappings;
using Xunit;

namespace RoleGen.Tests.Diff;

/// <summary>
/// The diff over real git history: a repository is committed at a base revision, a handler is changed (a DeleteItem call
/// added, a PutObject call removed) and a function added, and the Markdown comment is compared with
/// expected/handler-change.md, written and read by a person. Only line endings are normalised.
/// </summary>
public class DiffGoldenTests
{
    private static readonly RoleGenKnowledge Knowledge = RoleGenKnowledge.Load(RealTable.Directory);

    [Fact]
    public void Api_diff_of_a_committed_change_matches_the_expected_comment()
    {
        using var repo = DiffApp.Create(commitHead: true);

        var result = PullRequestDiff.FromGit(Knowledge, Path.Combine(repo.Root, "template.yaml"), "HEAD~1");

        Matches(DiffMarkdownWriter.Write(result.Diff, result.Labels with { Base = "main" }), "handler-change.md");
        result.TemplateFolderInRepository.Should().Be("");
    }

    [Fact]
    public void Head_is_the_working_tree_uncommitted_changes_included()
    {
        using var repo = DiffApp.Create(commitHead: false);
        var status = repo.Git("status", "--porcelain");

        var result = PullRequestDiff.FromGit(Knowledge, Path.Combine(repo.Root, "template.yaml"), "main");

        Matches(DiffMarkdownWriter.Write(result.Diff, result.Labels), "handler-change.md");
        repo.Git("status", "--porcelain").Should().Be(status, "the working tree and index are only read");
        repo.Git("worktree", "list", "--porcelain").Split('\n').Count(l => l.StartsWith("worktree ")).Should().Be(1);
        repo.Git("stash", "list").Should().BeEmpty();
    }

    [Fact]
    public void Diff_counts_and_reasons_point_at_the_lines_that_changed()
    {
        using var repo = DiffApp.Create(commitHead: true);

        var diff = PullRequestDiff.FromGit(Knowledge, Path.Combine(repo.Root, "template.yaml"), "HEAD~1").Diff;

        diff.Functions.Select(f => (f.LogicalId, f.Change)).Should().Equal(("ArchiveFunction", FunctionChange.Added), ("OrderFunction", FunctionChange.Changed));
        diff.UnchangedFunctions.Should().Be(1, "ReportFunction did not change");
        var orders = diff.Functions.Single(f => f.LogicalId == "OrderFunction");
        orders.Added.Should().ContainSingle().Which.Action.Should().Be("dynamodb:DeleteItem");
        orders.Added[0].Reasons.Should().ContainSingle().Which.Should().BeEquivalentTo(new { File = "src/App/Orders.cs", Line = 14, Call = "IAmazonDynamoDB.DeleteItemAsync" },
            "the statement also holds GetItem, whose call is not what introduced DeleteItem");
        orders.Removed.Should().ContainSingle().Which.Action.Should().Be("s3:PutObject");
        diff.Functions.Single(f => f.LogicalId == "ArchiveFunction").NewWildcards.Should().Contain(p => p.Action == "s3:GetObject");
    }

    [Fact]
    public async Task Cli_prints_the_same_comment_and_cleans_up_its_temporary_base_folder()
    {
        using var repo = DiffApp.Create(commitHead: false);
        var temp = Directory.CreateTempSubdirectory("rolegen-diff-tmp-").FullName;
        try
        {
            var result = await RoleGenWithEnvironment.RunAsync(repo.Root, new Dictionary<string, string?> { ["TMPDIR"] = temp },
                "diff", "--template", "template.yaml", "--base", "main", "--output", "out/comment.md");

            result.ExitCode.Should().Be(0, result.Stderr);
            result.Stderr.Should().Contain("rolegen: 2 functions gain permissions, 1 loses");
            var text = File.ReadAllText(Path.Combine(repo.Root, "out", "comment.md"));
            Matches(text, "handler-change.md");
            Directory.EnumerateFileSystemEntries(temp).Should().BeEmpty("the base revision's temporary folder is deleted");
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    [Fact]
    public async Task Cli_json_format_and_bad_revision()
    {
        using var repo = DiffApp.Create(commitHead: true);

        var json = await RoleGenWithEnvironment.RunAsync(repo.Root, new Dictionary<string, string?>(), "diff", "-t", "template.yaml", "--base", "HEAD~1", "--format", "json");
        json.ExitCode.Should().Be(0, json.Stderr);
        var parsed = Newtonsoft.Json.Linq.JObject.Parse(json.Stdout);
        parsed["summary"]!["functionsGaining"]!.ToObject<int>().Should().Be(2);
        parsed["functions"]![1]!["added"]![0]!["reasons"]![0]!["line"]!.ToObject<int>().Should().Be(14);

        var bad = await RoleGenWithEnvironment.RunAsync(repo.Root, new Dictionary<string, string?>(), "diff", "-t", "template.yaml", "--base", "no-such-branch", "-o", "x.md");
        bad.ExitCode.Should().Be(2);
        bad.Stderr.Should().Contain("git revision 'no-such-branch' does not exist");
        File.Exists(Path.Combine(repo.Root, "x.md")).Should().BeFalse();

        var option = await RoleGenWithEnvironment.RunAsync(repo.Root, new Dictionary<string, string?>(), "diff", "-t", "template.yaml", "--base", "--output=/tmp/x");
        option.ExitCode.Should().Be(2);
    }

    [Fact]
    public void A_template_that_is_new_at_head_adds_every_function()
    {
        using var repo = new GitRepo().With("README.md", "empty\n").Commit("base");
        repo.With("app/template.yaml", DiffApp.BaseTemplate).With("app/src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />")
            .With("app/src/App/Orders.cs", DiffApp.BaseOrders).With("app/src/App/Reports.cs", DiffApp.Reports);

        var result = PullRequestDiff.FromGit(Knowledge, Path.Combine(repo.Root, "app", "template.yaml"), "HEAD");

        result.Diff.Functions.Should().OnlyContain(f => f.Change == FunctionChange.Added).And.HaveCount(2);
        result.TemplateFolderInRepository.Should().Be("app");
    }

    [Fact]
    public void Outside_a_git_repository_is_bad_input()
    {
        using var app = new RoleGen.Tests.Pipeline.TempApp().With("template.yaml", DiffApp.BaseTemplate);
        var act = () => PullRequestDiff.FromGit(Knowledge, app.TemplatePath, "HEAD");
        act.Should().Throw<RoleGen.Core.Diagnostics.RoleGenInputException>().WithMessage("*not inside a git working tree*");
    }

    private static void Matches(string actual, string expectedFile)
    {
        var expected = Expected.Read(expectedFile);
        if (actual != expected)
        {
            var written = Path.Combine(Path.GetTempPath(), "rolegen-actual-" + expectedFile);
            File.WriteAllText(written, actual);
            actual.Should().Be(expected, $"the comment should match expected/{expectedFile} (actual output written to {written} for review)");
        }
    }
}
