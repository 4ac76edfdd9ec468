using System.Text;

namespace RoleGen.Core.Emit;

/// <summary>
/// Non-overlapping replacements on a text, applied together. Offsets refer to the original text, so edits
/// computed from one parse never disturb each other; every byte outside an edit stays as it was.
/// </summary>
public sealed class TextEdits(string text)
{
    private readonly List<(int Start, int End, string Replacement)> _edits = [];

    public string Original => text;

    public void Replace(int start, int end, string replacement)
    {
        if (_edits.Any(e => start < e.End && e.Start < end))
            throw new InvalidOperationException($"overlapping edits at {start}..{end}");
        _edits.Add((start, end, replacement));
    }

    public void Insert(int at, string insertion) => _edits.Add((at, at, insertion));

    public string Apply()
    {
        var result = new StringBuilder(text.Length + 1024);
        var position = 0;
        foreach (var (start, end, replacement) in _edits.OrderBy(e => e.Start).ThenBy(e => e.End))
        {
            result.Append(text, position, start - position).Append(replacement);
            position = end;
        }
        return result.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>Offset of the first character of the line holding <paramref name="offset"/>.</summary>
    public int LineStart(int offset)
    {
        var newline = offset == 0 ? -1 : text.LastIndexOf('\n', offset - 1);
        return newline + 1;
    }

    /// <summary>Offset just past the newline ending the line holding <paramref name="offset"/> (or the text's end).</summary>
    public int NextLineStart(int offset)
    {
        if (offset >= text.Length) return text.Length;
        var newline = text.IndexOf('\n', offset);
        return newline < 0 ? text.Length : newline + 1;
    }

    public string NewLine => text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
}
