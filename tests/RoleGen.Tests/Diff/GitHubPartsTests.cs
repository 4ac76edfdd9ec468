using FluentAssertions;
using RoleGen.Core.Diff.GitHub;
using Xunit;

namespace RoleGen.Tests.Diff;

public class GitHubPartsTests
{
    [Fact]
    public void Added_lines_of_a_patch_are_numbered_in_the_new_file()
    {
        const string patch = "@@ -1,4 +1,5 @@ class A\n line1\n-old2\n+new2\n+new3\n line4\n\\ No newline at end of file\n@@ -20,2 +21,3 @@\n ctx21\n+added22\n ctx23";
        PatchLines.Added(patch).Should().BeEquivalentTo([2, 3, 22]);
        PatchLines.Added(null).Should().BeEmpty("binary files have no patch");
        PatchLines.Added("@@ -0,0 +1 @@\n+only").Should().BeEquivalentTo([1]);
    }

    [Fact]
    public void Next_page_comes_from_the_link_header()
    {
        GitHubClient.NextPage("<https://api.github.com/x?page=2>; rel=\"next\", <https://api.github.com/x?page=5>; rel=\"last\"")
            .Should().Be(new Uri("https://api.github.com/x?page=2"));
        GitHubClient.NextPage("<https://api.github.com/x?page=1>; rel=\"prev\"").Should().BeNull();
        GitHubClient.NextPage(null).Should().BeNull();
    }

    [Theory]
    [InlineData("src/App/Orders.cs", "services/orders", "services/orders/src/App/Orders.cs")]
    [InlineData("src/App/Orders.cs", "", "src/App/Orders.cs")]
    [InlineData("/abs/Orders.cs", "", null)]
    [InlineData("../x/Orders.cs", "a", null)]
    public void Reason_files_are_placed_under_the_template_folder(string file, string folder, string? expected) =>
        PullRequestPublisher.PathInRepository(file, folder, []).Should().Be(expected);

    [Fact]
    public void Without_the_template_folder_a_unique_changed_file_ending_with_the_path_is_used()
    {
        PullRequestPublisher.PathInRepository("src/A.cs", null, ["svc/src/A.cs", "svc/src/B.cs"]).Should().Be("svc/src/A.cs");
        PullRequestPublisher.PathInRepository("src/A.cs", null, ["one/src/A.cs", "two/src/A.cs"]).Should().BeNull("ambiguous");
        PullRequestPublisher.PathInRepository("A.cs", null, ["svc/XA.cs"]).Should().BeNull("a whole path segment must match");
    }

    [Theory]
    [InlineData("http://example.com", "must use https")]
    [InlineData("ftp://example.com", "must be an https URL")]
    [InlineData("not a url", "must be an https URL")]
    public void The_token_is_only_sent_over_https_or_to_this_machine(string url, string message)
    {
        var act = () => new GitHubClient(url, "secret-token");
        act.Should().Throw<GitHubApiException>().Which.Message.Should().Contain(message).And.NotContain("secret-token");
        new GitHubClient("http://127.0.0.1:1/", "t").Dispose();
    }

    [Fact]
    public void A_token_with_a_line_break_is_refused_before_any_request()
    {
        var act = () => new GitHubClient("https://api.github.com", "abc\r\nX-Evil: 1");
        act.Should().Throw<GitHubApiException>().Which.Message.Should().NotContain("abc");
    }
}
