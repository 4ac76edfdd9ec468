using System.Collections.Immutable;
using Newtonsoft.Json;
using RoleGen.Core.Diagnostics;

namespace RoleGen.Core.Templates;

/// <summary>
/// Builds the <see cref="CfnNode"/> tree from a JSON template. Newtonsoft's reader checks the syntax and decodes
/// strings; it only reports where a token ends, so token starts and ends are found by scanning the text in step
/// with the reader (each token starts at the first character after the previous one that is not trivia).
/// </summary>
internal sealed class JsonTemplateParser
{
    private readonly string _file;
    private readonly string _text;
    private readonly LineIndex _lines;
    private readonly JsonTextReader _reader;
    private int _position;

    private JsonTemplateParser(string file, string text)
    {
        _file = file;
        _text = text;
        _lines = new LineIndex(text);
        _reader = new JsonTextReader(new StringReader(text))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
    }

    public static CfnNode ParseRoot(string file, string text)
    {
        var parser = new JsonTemplateParser(file, text);
        try
        {
            if (!parser.Read())
                throw new RoleGenInputException("The template is empty.", new SourceLocation(file, 1, 1));
            var root = parser.ParseValue();
            if (parser.Read())
                throw parser.ErrorAt("Unexpected content after the end of the JSON document.", parser.TokenStart());
            return root;
        }
        catch (JsonReaderException e)
        {
            throw new RoleGenInputException(
                $"JSON syntax error: {e.Message}",
                new SourceLocation(file, Math.Max(e.LineNumber, 1), Math.Max(e.LinePosition, 1)));
        }
    }

    private bool Read()
    {
        while (_reader.Read())
            if (_reader.TokenType != JsonToken.Comment) return true;
        return false;
    }

    private CfnNode ParseValue()
    {
        var start = TokenStart();
        switch (_reader.TokenType)
        {
            case JsonToken.StartObject:
                return ParseObject(start);
            case JsonToken.StartArray:
                return ParseArray(start);
            case JsonToken.String:
            {
                var end = StringEnd(start);
                _position = end;
                return new CfnScalar((string)_reader.Value!, _lines.Span(start, end), Quoted: true);
            }
            case JsonToken.Integer or JsonToken.Float or JsonToken.Boolean or JsonToken.Null:
            {
                // The raw text, as YAML gives it: "30", "true", "null", "1.50".
                var end = LiteralEnd(start);
                _position = end;
                return new CfnScalar(_text[start..end], _lines.Span(start, end));
            }
            default:
                throw ErrorAt($"Unexpected JSON token {_reader.TokenType}.", start);
        }
    }

    private CfnMapping ParseObject(int start)
    {
        _position = start + 1;
        var entries = ImmutableArray.CreateBuilder<CfnEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (Read() && _reader.TokenType == JsonToken.PropertyName)
        {
            var key = (string)_reader.Value!;
            var keyStart = TokenStart();
            var keyEnd = StringEnd(keyStart);
            if (!seen.Add(key)) throw ErrorAt($"Duplicate key '{key}'.", keyStart);
            _position = keyEnd;
            Read();
            entries.Add(new CfnEntry(key, ParseValue(), _lines.Span(keyStart, keyEnd)));
        }
        var close = TokenStart();
        _position = close + 1;
        return new CfnMapping(entries.ToImmutable(), _lines.Span(start, close + 1));
    }

    private CfnSequence ParseArray(int start)
    {
        _position = start + 1;
        var items = ImmutableArray.CreateBuilder<CfnNode>();
        while (Read() && _reader.TokenType != JsonToken.EndArray) items.Add(ParseValue());
        var close = TokenStart();
        _position = close + 1;
        return new CfnSequence(items.ToImmutable(), _lines.Span(start, close + 1));
    }

    /// <summary>The next token starts after whitespace, separators and comments that follow the previous one.</summary>
    private int TokenStart()
    {
        var i = _position;
        while (i < _text.Length)
        {
            var c = _text[i];
            if (char.IsWhiteSpace(c) || c is ',' or ':') { i++; continue; }
            if (c == '/' && i + 1 < _text.Length && _text[i + 1] == '/')
            {
                while (i < _text.Length && _text[i] != '\n') i++;
                continue;
            }
            if (c == '/' && i + 1 < _text.Length && _text[i + 1] == '*')
            {
                var close = _text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? _text.Length : close + 2;
                continue;
            }
            break;
        }
        return i;
    }

    private int StringEnd(int start)
    {
        var quote = _text[start];
        var i = start + 1;
        while (i < _text.Length && _text[i] != quote) i += _text[i] == '\\' ? 2 : 1;
        return Math.Min(i + 1, _text.Length);
    }

    private int LiteralEnd(int start)
    {
        var i = start;
        while (i < _text.Length && !char.IsWhiteSpace(_text[i]) && _text[i] is not (',' or ']' or '}' or '/')) i++;
        return i;
    }

    private RoleGenInputException ErrorAt(string message, int offset)
    {
        var (line, column) = _lines.PositionOf(Math.Min(offset, _text.Length));
        return new RoleGenInputException(message, new SourceLocation(_file, line, column));
    }
}
