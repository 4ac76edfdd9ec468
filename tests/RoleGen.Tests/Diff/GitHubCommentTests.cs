using FluentAssertions;
using Newtonsoft.Json.Linq;
using RoleGen.Core;
using RoleGen.Core.Diff;
using RoleGen.Core.Diff.GitHub;
using RoleGen.Tests.Mappings;
using Xunit;

namespace RoleGen.Tests.Diff;

/// <summary>Posting the diff to a loopback server that answers like the GitHub REST API.</summary>
public class GitHubCommentTests
{
    private const string Token = "ghs_TestToken0123456789";
    private static readonly RoleGenKnowledge Knowledge = RoleGenKnowledge.Load(RealTable.Directory);

    /// <summary>The golden repository's diff and the real patches of its changed files, computed once (the pipeline is the slow part).</summary>
    private static readonly Lazy<(DiffResult Diff, (string File, string Patch, string Status)[] Files)> Golden = new(() =>
    {
        using var repo = DiffApp.Create(commitHead: true);
        var files = new[] { "src/App/Orders.cs", "src/App/Archive.cs", "template.yaml" }.Select(file =>
        {
            var diff = repo.Git("diff", "HEAD~1", "HEAD", "--", file);
            return (file, diff[diff.IndexOf("@@", StringComparison.Ordinal)..].TrimEnd('\n'), file.EndsWith("Archive.cs") ? "added" : "modified");
        }).ToArray();
        return (PullRequestDiff.FromGit(Knowledge, Path.Combine(repo.Root, "template.yaml"), "HEAD~1"), files);
    });

    /// <summary>The pull request's files on the fake server, and the diff to publish.</summary>
    private static DiffResult PullRequest(FakeGitHub github)
    {
        foreach (var (file, patch, status) in Golden.Value.Files) github.AddFile(file, patch, status);
        return Golden.Value.Diff;
    }

    private static async Task<PublishResult> Publish(FakeGitHub github, DiffResult diff, DiffLabels? labels = null)
    {
        using var client = new GitHubClient(github.Url, Token);
        return await new PullRequestPublisher(client, github.Owner, github.Repo, github.Pr).PublishAsync(diff, DiffMarkdownWriter.Write(diff.Diff, labels ?? diff.Labels));
    }

    [Fact]
    public async Task First_run_creates_the_comment_and_one_review_on_the_lines_that_need_new_permissions()
    {
        using var github = new FakeGitHub();
        for (var i = 0; i < 3; i++) github.AddIssueComment($"LGTM {i}");
        var diff = PullRequest(github);

        var result = await Publish(github, diff);

        result.Should().BeEquivalentTo(new { CommentAction = "created", LineComments = 2, AlreadyThere = 0 });
        var requests = github.Requests.ToList();
        requests.Select(r => $"{r.Method} {r.Path}{r.Query}").Should().Equal(
            "GET /api/v3/repos/acme/shop/issues/7/comments?per_page=100",
            "GET /api/v3/repos/acme/shop/issues/7/comments?per_page=100&page=2",
            "POST /api/v3/repos/acme/shop/issues/7/comments",
            "GET /api/v3/repos/acme/shop/pulls/7/files?per_page=100",
            "GET /api/v3/repos/acme/shop/pulls/7/files?per_page=100&page=2",
            "GET /api/v3/repos/acme/shop/pulls/7/comments?per_page=100",
            "POST /api/v3/repos/acme/shop/pulls/7/reviews");
        requests.Should().OnlyContain(r => r.Headers["Authorization"] == "Bearer " + Token
                                           && r.Headers["Accept"] == "application/vnd.github+json"
                                           && r.Headers["User-Agent"].StartsWith("rolegen/")
                                           && r.Headers["X-GitHub-Api-Version"] == "2022-11-28");

        requests[2].Body!["body"]!.Value<string>().Should().Be(DiffMarkdownWriter.Write(diff.Diff, diff.Labels)).And.StartWith("<!-- rolegen-diff -->\n");
        var review = (JObject)requests[6].Body!;
        review["event"]!.Value<string>().Should().Be("COMMENT");
        var comments = ((JArray)review["comments"]!).Cast<JObject>().ToList();
        comments.Select(c => (c.Value<string>("path"), c.Value<int>("line"), c.Value<string>("side"))).Should().Equal(
            ("src/App/Archive.cs", 9, "RIGHT"), ("src/App/Orders.cs", 14, "RIGHT"));
        comments.Should().OnlyContain(c => c["position"] == null);
        comments[1].Value<string>("body").Should().MatchRegex("^<!-- rolegen-diff-line:[0-9a-f]{16} -->\n")
            .And.Contain("+ OrderFunction: dynamodb:DeleteItem on arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${OrdersTable}");
        comments[0].Value<string>("body").Should().Contain("ArchiveFunction: s3:GetObject").And.NotContain("logs:", "rule grants have no source line");
    }

    [Fact]
    public async Task A_second_run_updates_nothing_and_a_changed_diff_updates_the_same_comment()
    {
        using var github = new FakeGitHub();
        var diff = PullRequest(github);
        await Publish(github, diff);
        var before = github.Requests.Count;

        var again = await Publish(github, diff);

        again.Should().BeEquivalentTo(new { CommentAction = "unchanged", LineComments = 0, AlreadyThere = 2 });
        github.Requests.Skip(before).Should().OnlyContain(r => r.Method == "GET", "nothing is posted twice");
        github.Reviews.Should().HaveCount(1);

        var changed = await Publish(github, diff, new DiffLabels("main", "abc123"));

        changed.CommentAction.Should().Be("updated");
        github.Requests.Should().ContainSingle(r => r.Method == "PATCH").Which.Path.Should().Be($"/api/v3/repos/acme/shop/issues/comments/{github.IssueComments.Single().Value<long>("id")}");
        github.IssueComments.Should().ContainSingle().Which.Value<string>("body").Should().Contain("abc123");
        github.Reviews.Should().HaveCount(1);
    }

    [Fact]
    public async Task The_sticky_comment_is_the_bots_found_on_a_later_page_not_a_quote_or_copy()
    {
        using var github = new FakeGitHub();
        github.AddIssueComment("> <!-- rolegen-diff -->\n> quoted by a reviewer");
        github.AddIssueComment("<!-- rolegen-diff -->\ncopied by a person");
        var mine = github.AddIssueComment("<!-- rolegen-diff -->\nold text", "github-actions[bot]");
        var diff = PullRequest(github);

        (await Publish(github, diff)).CommentAction.Should().Be("updated");

        github.Requests.Should().ContainSingle(r => r.Method == "PATCH").Which.Path.Should().EndWith($"/issues/comments/{mine.Value<long>("id")}");
        github.Requests.Should().NotContain(r => r.Method == "POST" && r.Path.EndsWith("/issues/7/comments"));
    }

    [Fact]
    public async Task Lines_outside_the_diff_get_no_line_comment()
    {
        using var github = new FakeGitHub();
        var diff = PullRequest(github);
        github.Files.RemoveAll(f => f.Value<string>("filename") == "src/App/Archive.cs");
        github.Files.Single(f => f.Value<string>("filename") == "src/App/Orders.cs")["patch"] = "@@ -1,1 +1,1 @@\n-using A;\n+using B;";

        var result = await Publish(github, diff);

        result.Should().BeEquivalentTo(new { LineComments = 0, OutsideTheDiff = 2 });
        github.Requests.Should().NotContain(r => r.Path.EndsWith("/reviews"));
    }

    [Fact]
    public async Task With_reports_the_files_are_matched_by_path_suffix()
    {
        using var github = new FakeGitHub();
        var fromGit = PullRequest(github);
        foreach (var file in github.Files) file["filename"] = "services/shop/" + file.Value<string>("filename");
        var fromReports = fromGit with { TemplateFolderInRepository = null };

        var result = await Publish(github, fromReports);

        result.LineComments.Should().Be(2);
        github.ReviewComments.Select(c => c.Value<string>("path")).Should().Equal("services/shop/src/App/Archive.cs", "services/shop/src/App/Orders.cs");
    }

    public static TheoryData<int, string, string[], string> Errors => new()
    {
        { 401, """{"message":"Bad credentials","status":"401"}""", [], "*GitHub rejected the token (401: Bad credentials)*GITHUB_TOKEN*" },
        { 404, """{"message":"Not Found","status":"404"}""", [], "GET /repos/acme/shop/issues/7/comments: not found (404: Not Found). Check --repo and --pr*" },
        { 403, """{"message":"Resource not accessible by integration"}""", [], "*refused the request (403: Resource not accessible by integration)*pull-requests: write*" },
        { 403, """{"message":"API rate limit exceeded"}""", ["x-ratelimit-remaining", "0", "x-ratelimit-reset", "1700000000"], "*rate limit exceeded (403); it resets at 2023-11-14 22:13:20 UTC*" },
        { 429, """{"message":"slow down"}""", ["Retry-After", "60"], "*rate limiting*retry after 60 seconds*" },
        { 403, """{"message":"You have exceeded a secondary rate limit"}""", ["Retry-After", "30"], "*secondary rate limit*retry after 30 seconds*" },
        { 500, """{"message":"boom"}""", [], "*GitHub answered 500 Internal Server Error: boom*" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Failures_are_clear_and_never_show_the_token(int status, string body, string[] headers, string message)
    {
        using var github = new FakeGitHub { Fail = _ => null };
        github.Fail = _ => new FakeGitHub.Failure(status, body.Replace("}", $",\"echo\":\"{Token}\"}}"),
            headers.Chunk(2).ToDictionary(h => h[0], h => h[1]));
        var diff = PullRequest(github);

        var act = () => Publish(github, diff);

        var error = (await act.Should().ThrowAsync<GitHubApiException>()).Which;
        error.Message.Should().Match(message).And.NotContain(Token);
        error.Status.Should().Be(status);
    }

    [Fact]
    public async Task A_rejected_review_is_a_422_error_with_github_s_reasons()
    {
        using var github = new FakeGitHub();
        github.Fail = r => r.Path.EndsWith("/reviews")
            ? new FakeGitHub.Failure(422, """{"message":"Unprocessable Entity","errors":["Pull request review thread line must be part of the diff"]}""")
            : null;
        var diff = PullRequest(github);

        var act = () => Publish(github, diff);

        (await act.Should().ThrowAsync<GitHubApiException>()).Which.Message.Should()
            .Be("POST /repos/acme/shop/pulls/7/reviews: GitHub rejected the request (422: Unprocessable Entity; Pull request review thread line must be part of the diff).");
        github.IssueComments.Should().ContainSingle("the summary comment was posted before the review failed");
    }

    [Fact]
    public async Task A_token_echoed_in_an_error_message_is_redacted()
    {
        using var github = new FakeGitHub { Fail = _ => new FakeGitHub.Failure(422, $$"""{"message":"Validation failed for {{Token}}","errors":[{"resource":"IssueComment","field":"body","code":"invalid"}]}""") };
        var diff = PullRequest(github);

        var act = () => Publish(github, diff);

        (await act.Should().ThrowAsync<GitHubApiException>()).Which.Message.Should().Contain("(422: Validation failed for ***; IssueComment body invalid)").And.NotContain(Token);
    }

    [Fact]
    public async Task Pagination_never_follows_a_link_to_another_host()
    {
        var handler = new StubHandler(_ =>
        {
            var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("[]") };
            response.Headers.Add("Link", "<https://evil.example/steal?page=2>; rel=\"next\"");
            return response;
        });
        using var client = new GitHubClient("https://api.github.com", Token, handler);

        var act = () => client.GetAllAsync("repos/a/b/issues/1/comments");

        (await act.Should().ThrowAsync<GitHubApiException>()).Which.Message.Should().Contain("another host (evil.example)");
        handler.Requests.Should().ContainSingle().Which.RequestUri!.Host.Should().Be("api.github.com");
    }

    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(answer(request));
        }
    }
}
