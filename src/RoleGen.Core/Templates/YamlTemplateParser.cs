using System.Collections.Immutable;
using RoleGen.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RoleGen.Core.Templates;

/// <summary>
/// Builds the <see cref="CfnNode"/> tree from YamlDotNet's event stream (not its object model) because only the
/// events carry the tag, the scalar style and the exact marks we need for spans and short-form expansion.
/// </summary>
internal sealed class YamlTemplateParser
{
    private readonly string _file;
    private readonly string _text;
    private readonly LineIndex _lines;
    private readonly IParser _parser;
    private readonly Dictionary<string, CfnNode> _anchors = new(StringComparer.Ordinal);

    private YamlTemplateParser(string file, string text)
    {
        _file = file;
        _text = text;
        _lines = new LineIndex(text);
        _parser = new Parser(new StringReader(text));
    }

    public static CfnNode ParseRoot(string file, string text)
    {
        var parser = new YamlTemplateParser(file, text);
        try
        {
            return parser.ParseDocument();
        }
        catch (YamlException e)
        {
            throw new RoleGenInputException(
                $"YAML syntax error: {e.Message}",
                new SourceLocation(file, (int)e.Start.Line, (int)e.Start.Column));
        }
    }

    private CfnNode ParseDocument()
    {
        _parser.Consume<StreamStart>();
        if (_parser.Accept<StreamEnd>(out _))
            throw new RoleGenInputException("The template is empty.", new SourceLocation(_file, 1, 1));
        _parser.Consume<DocumentStart>();
        return ParseNode();
    }

    private CfnNode ParseNode()
    {
        if (_parser.TryConsume<AnchorAlias>(out var alias))
        {
            return _anchors.TryGetValue(alias.Value.Value, out var anchored)
                ? anchored
                : throw Error($"Unknown YAML alias *{alias.Value.Value}.", alias.Start);
        }

        var start = _parser.Current as NodeEvent ?? throw Error("Expected a YAML value.", _parser.Current!.Start);
        var node = start switch
        {
            Scalar scalar => ParseScalar(scalar),
            SequenceStart sequence => ParseSequence(sequence),
            MappingStart mapping => ParseMapping(mapping),
            _ => throw Error("Expected a YAML value.", start.Start),
        };

        var tag = start.Tag.IsEmpty || start.Tag.IsNonSpecific ? null : start.Tag.Value;
        if (tag is not null) node = ExpandShortForm(tag, node, (int)start.Start.Index);
        if (!start.Anchor.IsEmpty) _anchors[start.Anchor.Value] = node;
        return node;
    }

    private CfnNode ParseScalar(Scalar scalar)
    {
        _parser.MoveNext();
        var start = SkipNodeProperties((int)scalar.Start.Index, (int)scalar.End.Index);
        var end = (int)scalar.End.Index;
        // Block scalars (| and >) end at the next line's start; the node's own text stops before the line break.
        if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
            while (end > start && _text[end - 1] is '\n' or '\r') end--;
        var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
        return new CfnScalar(scalar.Value, _lines.Span(start, end), quoted);
    }

    private CfnSequence ParseSequence(SequenceStart sequenceStart)
    {
        _parser.MoveNext();
        var items = ImmutableArray.CreateBuilder<CfnNode>();
        while (!_parser.Accept<SequenceEnd>(out _)) items.Add(ParseNode());
        var end = _parser.Consume<SequenceEnd>();

        var start = SkipNodeProperties((int)sequenceStart.Start.Index, (int)end.Start.Index);
        var stop = sequenceStart.Style == SequenceStyle.Flow
            ? ClosingBracketEnd((int)end.Start.Index, ']')
            : items.Count > 0 ? items[^1].Span.End : start;
        return new CfnSequence(items.ToImmutable(), _lines.Span(start, stop));
    }

    private CfnMapping ParseMapping(MappingStart mappingStart)
    {
        _parser.MoveNext();
        var entries = ImmutableArray.CreateBuilder<CfnEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (!_parser.Accept<MappingEnd>(out _))
        {
            var keyEvent = _parser.Current!;
            if (ParseNode() is not CfnScalar key)
                throw Error("Mapping keys must be plain strings.", keyEvent.Start);
            // CloudFormation rejects duplicate keys; keeping only one would silently change what we analyse.
            if (!seen.Add(key.Value))
                throw Error($"Duplicate key '{key.Value}'.", keyEvent.Start);
            entries.Add(new CfnEntry(key.Value, ParseNode(), key.Span));
        }
        var end = _parser.Consume<MappingEnd>();

        var start = SkipNodeProperties((int)mappingStart.Start.Index, (int)end.Start.Index);
        var stop = mappingStart.Style == MappingStyle.Flow
            ? ClosingBracketEnd((int)end.Start.Index, '}')
            : entries.Count > 0 ? entries[^1].Value.Span.End : start;
        return new CfnMapping(entries.ToImmutable(), _lines.Span(start, stop));
    }

    /// <summary>
    /// <c>!Ref X</c> becomes <c>{Ref: X}</c>: the new mapping spans the whole tagged node, its key spans the tag,
    /// and the value keeps its own span (after the tag).
    /// </summary>
    private CfnNode ExpandShortForm(string tag, CfnNode node, int tagStart)
    {
        var longForm = ShortFormIntrinsics.LongFormOf(tag);
        if (longForm is null) return node; // !!str and friends: the value stands as it is

        if (tag == ShortFormIntrinsics.GetAttTag && node is CfnScalar dotted)
            node = SplitGetAtt(dotted);

        var keySpan = _lines.Span(tagStart, tagStart + tag.Length);
        var wholeSpan = _lines.Span(tagStart, Math.Max(node.Span.End, keySpan.End));
        return new CfnMapping([new CfnEntry(longForm, node, keySpan)], wholeSpan);
    }

    /// <summary><c>!GetAtt Resource.Attr.Sub</c> splits at the first dot: attributes such as Outputs.X keep theirs.</summary>
    private CfnSequence SplitGetAtt(CfnScalar dotted)
    {
        var dot = dotted.Value.IndexOf('.');
        if (dot <= 0 || dot == dotted.Value.Length - 1)
            throw new RoleGenInputException(
                $"!GetAtt needs 'Resource.Attribute', got '{dotted.Value}'.",
                new SourceLocation(_file, dotted.Span.Line, dotted.Span.Column));

        var textStart = dotted.Span.Start + (dotted.Quoted ? 1 : 0);
        var resource = new CfnScalar(dotted.Value[..dot], _lines.Span(textStart, textStart + dot));
        var attribute = new CfnScalar(dotted.Value[(dot + 1)..], _lines.Span(textStart + dot + 1, textStart + dotted.Value.Length));
        return new CfnSequence([resource, attribute], dotted.Span);
    }

    /// <summary>Event marks of a tagged or anchored node start at the tag; the node's own text starts after it.</summary>
    private int SkipNodeProperties(int start, int limit)
    {
        var i = start;
        while (i < limit && i < _text.Length && _text[i] is '!' or '&')
        {
            while (i < limit && !char.IsWhiteSpace(_text[i])) i++;
            while (i < limit && char.IsWhiteSpace(_text[i])) i++;
        }
        return i;
    }

    private int ClosingBracketEnd(int markIndex, char bracket) =>
        markIndex < _text.Length && _text[markIndex] == bracket ? markIndex + 1 : markIndex;

    private RoleGenInputException Error(string message, Mark mark) =>
        new(message, new SourceLocation(_file, (int)mark.Line, (int)mark.Column));
}
