using System.Text;

namespace RoleGen.Core.Diff;

/// <summary>
/// Escapes text taken from the repository (function ids, paths, messages, resources) for a GitHub comment, so that it
/// is shown as written and can neither leave its table cell, code block or HTML element nor add markup, links,
/// mentions or issue references.
/// </summary>
public static class MarkdownText
{
    /// <summary>
    /// For Markdown text and HTML (table cells, <c>&lt;summary&gt;</c>): every ASCII punctuation character that means
    /// something to Markdown, HTML or GitHub's autolinker becomes a numeric character reference, which renders as the
    /// character itself but is never parsed as syntax. Wrap the result in <c>&lt;code&gt;</c> so GitHub does not turn
    /// <c>@name</c> or <c>#12</c> into mentions and references (it skips code elements).
    /// </summary>
    public static string Html(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var rune in Sanitize(text).EnumerateRunes())
        {
            if (rune.IsAscii && IsMarkup((char)rune.Value)) builder.Append("&#").Append(rune.Value).Append(';');
            else builder.Append(rune.ToString());
        }
        return builder.ToString();
    }

    /// <summary>For one line inside a fenced code block, where nothing is parsed: only line breaks and control characters are made visible.</summary>
    public static string CodeLine(string text) => Sanitize(text);

    /// <summary>A fence of backticks longer than any run of backticks in <paramref name="content"/>, so the content cannot close it.</summary>
    public static string FenceFor(string content)
    {
        int longest = 0, run = 0;
        foreach (var c in content)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return new string('`', Math.Max(3, longest + 1));
    }

    /// <summary>Line breaks become a visible <c>⏎</c>, tabs a space; other control characters and bidirectional overrides (which can make text read differently from what it is) become U+FFFD.</summary>
    private static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
            if (c is '\r' or '\n' or '\u2028' or '\u2029' or '\u0085') builder.Append('⏎');
            else if (c == '\t') builder.Append(' ');
            else if (char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C') builder.Append('\uFFFD');
            else if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                                         && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]))) builder.Append('\uFFFD');
            else builder.Append(c);
        }
        return builder.ToString();
    }

    // Letters, digits, space and '/', ',', '-' stay as they are, so the raw comment stays readable; '.' is escaped too,
    // or "www.example.com" would become a link.
    private static bool IsMarkup(char c) => !char.IsAsciiLetterOrDigit(c) && c is not (' ' or '/' or ',' or '-') && c >= ' ' && c < '\u007f';
}
