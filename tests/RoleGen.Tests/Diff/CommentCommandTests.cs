using FluentAssertions;
using Xunit;

namespace RoleGen.Tests.Diff;

/// <summary><c>rolegen comment github</c> as a process, against the loopback GitHub.</summary>
public class CommentCommandTests
{
    private const string Token = "ghp_CliToken9876543210";

    private static string[] Arguments(FakeGitHub github, params string[] more) =>
        ["comment", "github", "--repo", "acme/shop", "--pr", "7", "--api-url", github.Url, .. more];

    [Fact]
    public async Task Posts_then_updates_nothing_on_a_second_run()
    {
        using var github = new FakeGitHub();
        using var repo = DiffApp.Create(commitHead: true);
        var patch = repo.Git("diff", "HEAD~1", "HEAD", "--", "src/App/Orders.cs");
        github.AddFile("src/App/Orders.cs", patch[patch.IndexOf("@@", StringComparison.Ordinal)..]);
        var environment = new Dictionary<string, string?> { ["GITHUB_TOKEN"] = Token };

        var first = await RoleGenWithEnvironment.RunAsync(repo.Root, environment, Arguments(github, "-t", "template.yaml", "--base", "HEAD~1"));

        first.ExitCode.Should().Be(0, first.Stderr);
        first.Stderr.Should().Contain("summary comment created").And.Contain("review with 1 new line comment(s)").And.NotContain(Token);
        first.Stdout.Should().NotContain(Token);
        github.Requests.Should().OnlyContain(r => r.Headers["Authorization"] == "Bearer " + Token);
        github.IssueComments.Should().ContainSingle().Which.Value<string>("body").Should().Be(Expected.Read("handler-change.md").Replace("<code>main</code>", "<code>HEAD&#126;1</code>"));
        github.ReviewComments.Should().ContainSingle().Which.Value<int>("line").Should().Be(14);

        var second = await RoleGenWithEnvironment.RunAsync(repo.Root, environment, Arguments(github, "-t", "template.yaml", "--base", "HEAD~1"));

        second.ExitCode.Should().Be(0, second.Stderr);
        second.Stderr.Should().Contain("summary comment unchanged").And.Contain("0 new line comment(s); 1 already there");
        github.IssueComments.Should().HaveCount(1);
        github.ReviewComments.Should().HaveCount(1);
        github.Requests.Count(r => r.Method != "GET").Should().Be(2);
    }

    [Fact]
    public async Task Errors_exit_2_with_a_message_and_without_the_token()
    {
        using var github = new FakeGitHub { Fail = _ => new FakeGitHub.Failure(401, """{"message":"Bad credentials"}""") };
        using var repo = DiffApp.Create(commitHead: true);

        var unauthorized = await RoleGenWithEnvironment.RunAsync(repo.Root, new Dictionary<string, string?> { ["GITHUB_TOKEN"] = Token },
            Arguments(github, "-t", "template.yaml", "--base", "HEAD~1"));
        unauthorized.ExitCode.Should().Be(2);
        unauthorized.Stderr.Should().Contain("rolegen: error: GET /repos/acme/shop/issues/7/comments: GitHub rejected the token (401: Bad credentials)").And.NotContain(Token);

        var noToken = await RoleGenWithEnvironment.RunAsync(repo.Root, new Dictionary<string, string?>(), Arguments(github, "-t", "template.yaml", "--base", "HEAD~1"));
        noToken.ExitCode.Should().Be(2);
        noToken.Stderr.Should().Contain("GITHUB_TOKEN is not set");

        var badRepo = await RoleGenWithEnvironment.RunAsync(repo.Root, new Dictionary<string, string?> { ["GITHUB_TOKEN"] = Token },
            ["comment", "github", "--repo", "acme/..", "--pr", "7", "-t", "template.yaml", "--base", "HEAD~1"]);
        badRepo.ExitCode.Should().Be(2);
        badRepo.Stderr.Should().Contain("--repo must be owner/name");

        github.Requests.Should().HaveCount(1, "only the first run reached the server");
    }
}
