using System.CommandLine;
using System.Text.RegularExpressions;
using RoleGen.Core.Diff;
using RoleGen.Core.Diff.GitHub;

namespace RoleGen.Cli;

/// <summary>
/// <c>rolegen comment github</c>: the diff as a sticky pull-request comment, plus review comments on the changed lines
/// that need new permissions. The token comes from <c>GITHUB_TOKEN</c> and is never printed.
/// </summary>
public static partial class CommentCommand
{
    public static Command Create(Option<string?> mappingsOption)
    {
        var inputs = new DiffInputs();
        var repo = new Option<string>("--repo") { Description = "The repository, owner/name (in GitHub Actions: ${{ github.repository }}).", Required = true };
        var pr = new Option<int>("--pr") { Description = "The pull request number.", Required = true };
        var apiUrl = new Option<string>("--api-url") { Description = "GitHub REST API root (GitHub Enterprise: https://HOST/api/v3).", DefaultValueFactory = _ => GitHubClient.DefaultApiUrl };
        var noReview = new Option<bool>("--no-review") { Description = "Only the summary comment; no review comments on changed lines." };
        var github = new Command("github", "Post or update the diff as a pull-request comment on GitHub (token from GITHUB_TOKEN).") { repo, pr, apiUrl, noReview };
        inputs.AddTo(github);
        github.Validators.Add(result =>
        {
            if (result.GetResult(repo) is { Tokens: [var name] } && !RepositoryName().IsMatch(name.Value)) result.AddError($"--repo must be owner/name, not '{name.Value}'.");
            if (result.GetResult(pr) is { Tokens: [var number] } && int.TryParse(number.Value, out var n) && n <= 0) result.AddError("--pr must be a pull request number (1 or more).");
        });
        github.SetAction(async (parse, cancel) =>
        {
            var token = Environment.GetEnvironmentVariable("GITHUB_TOKEN");
            if (string.IsNullOrEmpty(token))
            {
                Console.Error.WriteLine("rolegen: error: GITHUB_TOKEN is not set (in GitHub Actions: env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}). Nothing was posted.");
                return ExitCodes.BadInput;
            }
            var result = inputs.Compute(parse, mappingsOption);
            var body = DiffMarkdownWriter.Write(result.Diff, result.Labels);
            var (owner, name) = parse.GetValue(repo)!.Split('/') is [var o, var n] ? (o, n) : throw new InvalidOperationException();
            try
            {
                using var client = new GitHubClient(parse.GetValue(apiUrl)!, token);
                var published = await new PullRequestPublisher(client, owner, name, parse.GetValue(pr))
                    .PublishAsync(result, body, review: !parse.GetValue(noReview), cancel);
                Console.Error.WriteLine($"rolegen: {DiffText.Headline(result.Diff)}.");
                Console.Error.WriteLine($"rolegen: summary comment {published.CommentAction}{(published.CommentUrl is null ? "" : ": " + published.CommentUrl)}.");
                if (published.LineComments > 0 || published.AlreadyThere > 0)
                    Console.Error.WriteLine($"rolegen: review with {published.LineComments} new line comment(s); {published.AlreadyThere} already there.");
                return ExitCodes.Ok;
            }
            catch (GitHubApiException e)
            {
                Console.Error.WriteLine($"rolegen: error: {e.Message}");
                return ExitCodes.BadInput;
            }
        });
        return new Command("comment", "Publish the diff on a code host.") { github };
    }

    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/(?!\.{1,2}$)[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex RepositoryName();
}
