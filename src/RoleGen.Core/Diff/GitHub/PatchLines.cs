namespace RoleGen.Core.Diff.GitHub;

/// <summary>The line numbers (in the new file) that a unified-diff patch adds: the only lines a review comment about a change may sit on.</summary>
public static class PatchLines
{
    public static IReadOnlySet<int> Added(string? patch)
    {
        var added = new HashSet<int>();
        if (string.IsNullOrEmpty(patch)) return added; // binary or too large: GitHub sends no patch
        var right = 0;
        var inHunk = false;
        foreach (var raw in patch.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("@@", StringComparison.Ordinal))
            {
                // @@ -l,s +r,s @@ optional section heading
                var plus = line.IndexOf(" +", StringComparison.Ordinal);
                var end = plus < 0 ? -1 : line.IndexOfAny([',', ' '], plus + 2);
                inHunk = plus >= 0 && end > plus && int.TryParse(line.AsSpan(plus + 2, end - plus - 2), out right);
                continue;
            }
            if (!inHunk || line.Length == 0 && raw.Length == 0) continue;
            switch (line[0])
            {
                case '+': added.Add(right++); break;
                case ' ': right++; break;
                case '-': case '\\': break;
                default: inHunk = false; break;
            }
        }
        return added;
    }
}
