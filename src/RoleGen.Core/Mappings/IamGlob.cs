namespace RoleGen.Core.Mappings;

/// <summary>
/// IAM's wildcards: <c>*</c> any run of characters, <c>?</c> any one character. Action names compare without regard
/// to case (IAM does); resources compare exactly.
/// </summary>
public static class IamGlob
{
    /// <summary>True when <paramref name="pattern"/> matches <paramref name="text"/> (an action name, so case-insensitive).</summary>
    public static bool Matches(string pattern, string text, bool ignoreCase = true)
    {
        if (pattern == "*") return true;
        if (!HasWildcard(pattern))
            return string.Equals(pattern, text, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        return WildcardMatch(pattern, text, ignoreCase);
    }

    public static bool HasWildcard(string pattern) => pattern.Contains('*') || pattern.Contains('?');

    /// <summary>
    /// A direct match rather than a regular expression: policy building and checking compare thousands of distinct
    /// patterns per run, and building a regex for each cost more than the matching. Greedy, going back only to the
    /// last <c>*</c>, so linear for the patterns IAM uses.
    /// </summary>
    private static bool WildcardMatch(string pattern, string text, bool ignoreCase)
    {
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || Same(pattern[p], text[t], ignoreCase)))
            {
                p++;
                t++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }

    private static bool Same(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
