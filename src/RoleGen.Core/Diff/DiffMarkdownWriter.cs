using System.Text;

namespace RoleGen.Core.Diff;

/// <summary>What the comment says about where the two sides came from (shown escaped in its last line).</summary>
public sealed record DiffLabels(string? Base = null, string? Head = null);

/// <summary>
/// The pull-request comment: a hidden marker (so the comment can be found and updated), a one-line headline, a table
/// with one row per changed function, and a collapsed <c>&lt;details&gt;</c> per function listing the permissions with
/// <c>+</c>/<c>-</c> and the source lines that need them. Everything from the repository is escaped
/// (<see cref="MarkdownText"/>); the whole stays under GitHub's comment size limit, truncated with a note.
/// </summary>
public static class DiffMarkdownWriter
{
    public const string Marker = "<!-- rolegen-diff -->";

    /// <summary>GitHub rejects comment bodies longer than this many characters.</summary>
    public const int GitHubCommentLimit = 65_536;

    public static string Write(ReportDiff diff, DiffLabels? labels = null, int maxLength = GitHubCommentLimit)
    {
        var footer = Footer(diff, labels);
        var truncation = "\n> [!NOTE]\n> This comment was shortened to fit GitHub's size limit: 9999999 of 9999999 functions shown (the last one in part). Run `rolegen diff` for the full list.\n";
        var budget = maxLength - footer.Length - truncation.Length;
        var text = new StringBuilder();
        text.Append(Marker).Append('\n');
        text.Append("### RoleGen: IAM permission changes\n\n");
        text.Append("**").Append(DiffText.Headline(diff)).Append("**\n");
        if (diff.IsEmpty) return text.Append('\n').Append(footer).ToString();

        var shown = 0;
        var truncated = false;
        if (!diff.Functions.IsEmpty)
        {
            text.Append("\n| Function | Added | Removed | New wildcards | New findings |\n| :-- | --: | --: | --: | --: |\n");
            foreach (var function in diff.Functions)
            {
                var row = Row(function);
                if (text.Length + row.Length > budget / 2) { truncated = true; break; }
                text.Append(row);
                shown++;
            }
        }
        var detailed = 0;
        var partly = false;
        foreach (var function in diff.Functions.Take(shown))
        {
            var block = Details(function, budget - text.Length);
            if (block is null) { truncated = true; break; }
            text.Append(block.Value.Text);
            detailed++;
            if (block.Value.Truncated) { truncated = partly = true; break; }
        }
        if (!diff.NewFindings.IsEmpty && !truncated)
        {
            var block = Findings("New findings outside any function", diff.NewFindings.Select(DiffText.Finding), budget - text.Length);
            if (block is null) truncated = true;
            else text.Append(block.Value.Text);
            truncated |= block?.Truncated ?? false;
        }
        if (truncated)
            text.Append($"\n> [!NOTE]\n> This comment was shortened to fit GitHub's size limit: {detailed} of {diff.Functions.Length} functions shown{(partly ? " (the last one in part)" : "")}. Run `rolegen diff` for the full list.\n");
        return text.Append('\n').Append(footer).ToString();
    }

    private static string Row(FunctionDiff function)
    {
        var note = function.Change switch { FunctionChange.Added => " (new)", FunctionChange.Removed => " (removed)", _ => "" };
        return $"| <code>{MarkdownText.Html(function.LogicalId)}</code>{note} | {function.Added.Length} | {function.Removed.Length} | {function.NewWildcards.Count()} | {function.NewFindings.Length} |\n";
    }

    /// <summary>The function's collapsed block, cut (and closed properly) when it does not fit in <paramref name="room"/>; null when not even its start fits.</summary>
    private static (string Text, bool Truncated)? Details(FunctionDiff function, int room)
    {
        var lines = new List<string>();
        foreach (var added in function.Added)
        {
            lines.Add("+ " + Line(DiffText.Permission(added)));
            lines.AddRange(added.Reasons.Select(r => "+     " + Line(DiffText.Reason(r))));
        }
        foreach (var removed in function.Removed)
        {
            lines.Add("- " + Line(DiffText.Permission(removed, markWildcard: false)));
            lines.AddRange(removed.Reasons.Select(r => "-     " + Line(DiffText.Reason(r))));
        }
        var change = function.Change switch { FunctionChange.Added => " (new function)", FunctionChange.Removed => " (removed function)", _ => "" };
        var head = $"\n<details><summary><code>{MarkdownText.Html(function.LogicalId)}</code>{change}: +{function.Added.Length} −{function.Removed.Length}</summary>\n\n";
        const string tail = "\n</details>\n";
        var body = new StringBuilder();
        var truncated = false;
        if (lines.Count > 0)
        {
            var cut = Block("diff", lines, room - head.Length - tail.Length);
            if (cut is null) return null;
            body.Append(cut.Value.Text);
            truncated = cut.Value.Truncated;
        }
        if (!truncated && !function.NewFindings.IsEmpty)
        {
            var findings = Findings("New findings", function.NewFindings.Select(DiffText.Finding), room - head.Length - tail.Length - body.Length);
            if (findings is null) truncated = true;
            else { body.Append(findings.Value.Text); truncated = findings.Value.Truncated; }
        }
        if (body.Length == 0 && (lines.Count > 0 || !function.NewFindings.IsEmpty)) return null;
        return (head + body + tail, truncated);
    }

    private static (string Text, bool Truncated)? Findings(string title, IEnumerable<string> findings, int room)
    {
        var intro = $"\n{title}:\n\n";
        var block = Block("text", findings.Select(Line).ToList(), room - intro.Length);
        return block is null ? null : (intro + block.Value.Text, block.Value.Truncated);
    }

    /// <summary>A fenced block of as many of <paramref name="lines"/> as fit in <paramref name="room"/>, with a last line saying how many were left out.</summary>
    private static (string Text, bool Truncated)? Block(string language, IReadOnlyList<string> lines, int room)
    {
        var fence = MarkdownText.FenceFor(string.Join("\n", lines));
        var open = fence + language + "\n";
        var close = fence + "\n";
        var more = "  ... 9999999 more lines not shown\n";
        var text = new StringBuilder(open);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i] + "\n";
            var last = i == lines.Count - 1;
            if (text.Length + line.Length + close.Length + (last ? 0 : more.Length) > room)
            {
                if (i == 0) return null;
                text.Append($"  ... {lines.Count - i} more lines not shown\n").Append(close);
                return (text.ToString(), true);
            }
            text.Append(line);
        }
        return (text.Append(close).ToString(), false);
    }

    /// <summary>One line of a code block: escaped, and cut at 2,000 characters so one huge message cannot crowd out the rest.</summary>
    private static string Line(string text)
    {
        var line = MarkdownText.CodeLine(text);
        if (line.Length <= 2_000) return line;
        var cut = char.IsHighSurrogate(line[1_999]) ? 1_999 : 2_000;
        return line[..cut] + " ...";
    }

    private static string Footer(ReportDiff diff, DiffLabels? labels)
    {
        var sides = labels is null || (labels.Base is null && labels.Head is null) ? ""
            : $" Base: <code>{MarkdownText.Html(labels.Base ?? "base")}</code>, head: <code>{MarkdownText.Html(labels.Head ?? "head")}</code>.";
        var unchanged = diff.UnchangedFunctions == 0 ? "" : $" {DiffText.Count(diff.UnchangedFunctions, "function", "functions")} unchanged.";
        return $"<sub>Generated by RoleGen.{sides}{unchanged}</sub>\n";
    }
}
