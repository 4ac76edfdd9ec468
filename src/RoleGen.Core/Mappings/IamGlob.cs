using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace RoleGen.Core.Mappings;

/// <summary>
/// IAM's wildcards: <c>*</c> any run of characters, <c>?</c> any one character. Action names compare without regard
/// to case (IAM does); resources compare exactly.
/// </summary>
public static class IamGlob
{
    private static readonly ConcurrentDictionary<(string, bool), Regex> Cache = new();

    /// <summary>True when <paramref name="pattern"/> matches <paramref name="text"/> (an action name, so case-insensitive).</summary>
    public static bool Matches(string pattern, string text, bool ignoreCase = true)
    {
        if (pattern == "*") return true;
        if (!pattern.Contains('*') && !pattern.Contains('?'))
            return string.Equals(pattern, text, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        return Cache.GetOrAdd((pattern, ignoreCase), key => Compile(key.Item1, key.Item2)).IsMatch(text);
    }

    public static bool HasWildcard(string pattern) => pattern.Contains('*') || pattern.Contains('?');

    private static Regex Compile(string pattern, bool ignoreCase)
    {
        var regex = new StringBuilder("^");
        foreach (var c in pattern)
            regex.Append(c switch { '*' => ".*", '?' => ".", _ => Regex.Escape(c.ToString()) });
        regex.Append('$');
        return new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None));
    }
}
