using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using RoleGen.Core.Permissions;

namespace RoleGen.Core.Diff.GitHub;

/// <summary>What one run did on the pull request.</summary>
public sealed record PublishResult(string CommentAction, string? CommentUrl, int LineComments, int AlreadyThere, int OutsideTheDiff);

/// <summary>
/// Puts a diff on a pull request: one sticky issue comment (found again by <see cref="DiffMarkdownWriter.Marker"/>,
/// updated only when its text changes), and one review whose line comments sit on the added lines that need new
/// permissions, each carrying a marker so a re-run does not post it twice.
/// </summary>
public sealed partial class PullRequestPublisher(GitHubClient client, string owner, string repository, int pullRequest)
{
    /// <summary>Line comments in one review at most; the sticky comment lists everything anyway.</summary>
    public const int MaxLineComments = 50;

    private string Repo => $"repos/{Uri.EscapeDataString(owner)}/{Uri.EscapeDataString(repository)}";

    public async Task<PublishResult> PublishAsync(DiffResult result, string body, bool review = true, CancellationToken cancel = default)
    {
        var (action, url) = await UpsertCommentAsync(body, cancel).ConfigureAwait(false);
        if (!review || result.Diff.AddedPermissions == 0) return new PublishResult(action, url, 0, 0, 0);

        var files = await client.GetAllAsync($"{Repo}/pulls/{pullRequest}/files?per_page=100", cancel).ConfigureAwait(false);
        var added = files
            .Where(f => f.Value<string>("filename") is not null && f.Value<string>("status") != "removed")
            .GroupBy(f => f.Value<string>("filename")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => PatchLines.Added(g.First().Value<string>("patch")), StringComparer.Ordinal);
        var (candidates, outside) = LineComments(result, added);
        if (candidates.Count == 0) return new PublishResult(action, url, 0, 0, outside);

        var existing = (await client.GetAllAsync($"{Repo}/pulls/{pullRequest}/comments?per_page=100", cancel).ConfigureAwait(false))
            .Select(c => LineMarkerPattern().Match(c.Value<string>("body") ?? "")).Where(m => m.Success).Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);
        var fresh = candidates.Where(c => !existing.Contains(c.Key)).ToList();
        if (fresh.Count == 0) return new PublishResult(action, url, 0, candidates.Count, outside);

        var posted = fresh.Take(MaxLineComments).ToList();
        var reviewBody = $"RoleGen: {DiffText.Count(posted.Count, "changed line needs", "changed lines need")} new IAM permissions; the summary comment lists every change." +
                         (fresh.Count > posted.Count ? $" ({fresh.Count - posted.Count} more lines not commented.)" : "");
        var request = new JObject
        {
            ["event"] = "COMMENT",
            ["body"] = reviewBody,
            ["comments"] = new JArray(posted.Select(c => new JObject { ["path"] = c.Path, ["line"] = c.Line, ["side"] = "RIGHT", ["body"] = c.Body })),
        };
        await client.SendAsync(HttpMethod.Post, $"{Repo}/pulls/{pullRequest}/reviews", request, cancel).ConfigureAwait(false);
        return new PublishResult(action, url, posted.Count, candidates.Count - fresh.Count, outside);
    }

    private async Task<(string Action, string? Url)> UpsertCommentAsync(string body, CancellationToken cancel)
    {
        var comments = await client.GetAllAsync($"{Repo}/issues/{pullRequest}/comments?per_page=100", cancel).ConfigureAwait(false);
        // A comment that starts with the marker (a quote of it starts with '>'); a bot's first, since a person could copy it.
        var mine = comments
            .Where(c => (c.Value<string>("body") ?? "").TrimStart().StartsWith(DiffMarkdownWriter.Marker, StringComparison.Ordinal))
            .OrderBy(c => (c["user"] as JObject)?.Value<string>("type") == "Bot" ? 0 : 1)
            .FirstOrDefault();
        if (mine is null)
        {
            var created = await client.SendAsync(HttpMethod.Post, $"{Repo}/issues/{pullRequest}/comments", new JObject { ["body"] = body }, cancel).ConfigureAwait(false);
            return ("created", (created as JObject)?.Value<string>("html_url"));
        }
        var url = mine.Value<string>("html_url");
        if (Normalize(mine.Value<string>("body")) == Normalize(body)) return ("unchanged", url);
        var id = mine["id"]?.Type == JTokenType.Integer ? mine.Value<long>("id") : throw new GitHubApiException("GitHub listed a comment without an id.");
        await client.SendAsync(HttpMethod.Patch, $"{Repo}/issues/comments/{id}", new JObject { ["body"] = body }, cancel).ConfigureAwait(false);
        return ("updated", url);
    }

    private static string Normalize(string? text) => (text ?? "").Replace("\r\n", "\n");

    internal sealed record LineComment(string Path, int Line, string Key, string Body);

    /// <summary>One comment per added line that a new permission's code reason points at, keyed by its content (not its line, which moves).</summary>
    internal static (List<LineComment> Comments, int Outside) LineComments(DiffResult result, IReadOnlyDictionary<string, IReadOnlySet<int>> addedLines)
    {
        var byLine = new SortedDictionary<(string Path, int Line), SortedSet<string>>(Comparer<(string Path, int Line)>.Create((a, b) =>
            string.CompareOrdinal(a.Path, b.Path) is var c && c != 0 ? c : a.Line.CompareTo(b.Line)));
        var outside = new HashSet<(string, int)>();
        foreach (var function in result.Diff.Functions)
        foreach (var permission in function.Added)
        foreach (var reason in permission.Reasons)
        {
            if (reason.File is null || reason.Line is not { } line) continue;
            var path = PathInRepository(reason.File, result.TemplateFolderInRepository, addedLines.Keys);
            if (path is null || !addedLines.TryGetValue(path, out var lines) || !lines.Contains(line)) { outside.Add((reason.File, line)); continue; }
            if (!byLine.TryGetValue((path, line), out var texts)) byLine[(path, line)] = texts = new SortedSet<string>(StringComparer.Ordinal);
            texts.Add($"{function.LogicalId}: {DiffText.Permission(permission)}");
        }
        var comments = byLine.Select(entry =>
        {
            var key = Key(entry.Key.Path, entry.Value);
            var lines = entry.Value.Select(t => "+ " + MarkdownText.CodeLine(t)).ToList();
            var fence = MarkdownText.FenceFor(string.Join("\n", lines));
            var body = $"<!-- rolegen-diff-line:{key} -->\n**RoleGen**: this line needs new IAM {(lines.Count == 1 ? "permission" : "permissions")}:\n\n{fence}diff\n{string.Join("\n", lines)}\n{fence}\n";
            return new LineComment(entry.Key.Path, entry.Key.Line, key, body);
        }).ToList();
        return (comments, outside.Count);
    }

    /// <summary>
    /// A reason's file (relative to the template's folder) as a path in the repository: under the template's folder
    /// when it is known (the git mode), else the one changed file whose path ends with it (the reports mode).
    /// </summary>
    internal static string? PathInRepository(string file, string? templateFolder, IEnumerable<string> changedFiles)
    {
        if (Path.IsPathRooted(file) || file.Split('/').Contains("..")) return null;
        if (templateFolder is not null) return templateFolder.Length == 0 ? file : templateFolder + "/" + file;
        var matches = changedFiles.Where(f => f == file || f.EndsWith("/" + file, StringComparison.Ordinal)).Take(2).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    private static string Key(string path, IEnumerable<string> texts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(path + "\n" + string.Join("\n", texts)));
        return Convert.ToHexString(hash, 0, 8).ToLowerInvariant();
    }

    [GeneratedRegex("<!-- rolegen-diff-line:([0-9a-f]{16}) -->")]
    private static partial Regex LineMarkerPattern();
}
