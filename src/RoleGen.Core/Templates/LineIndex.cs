namespace RoleGen.Core.Templates;

/// <summary>Turns character offsets into 1-based line/column, for parsers that only report one or the other.</summary>
internal sealed class LineIndex
{
    private readonly int[] _lineStarts;

    public LineIndex(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') starts.Add(i + 1);
        _lineStarts = starts.ToArray();
    }

    public (int Line, int Column) PositionOf(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _lineStarts[line] + 1);
    }

    public TextSpan Span(int start, int end)
    {
        var (line, column) = PositionOf(start);
        return new TextSpan(line, column, start, end);
    }
}
