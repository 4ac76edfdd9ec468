using System.Collections.Immutable;
using RoleGen.Core.Templates;

namespace RoleGen.Core.Analysis.Values;

/// <summary>
/// A string method that changes a name the code builds (<c>url.Replace("wss://", "https://")</c>, <c>url.TrimEnd('/')</c>):
/// applied to the text as soon as it is known, a literal in the code or the template's value once bound.
/// </summary>
public sealed record TextEdit(string Method, ImmutableArray<string> Arguments)
{
    /// <summary>The edit the call makes with these constant arguments; null for other methods or arguments.</summary>
    public static TextEdit? Of(string method, IReadOnlyList<Value> arguments)
    {
        if (!arguments.All(a => a is LiteralValue)) return null;
        var texts = arguments.Select(a => ((LiteralValue)a).Text).ToImmutableArray();
        return method switch
        {
            "Replace" when texts.Length == 2 && texts[0].Length > 0 => new TextEdit(method, texts),
            "TrimEnd" or "TrimStart" when texts.Length <= 1 => new TextEdit(method, texts),
            "Substring" when texts.Length is 1 or 2 && texts.All(t => int.TryParse(t, out var n) && n >= 0) => new TextEdit(method, texts),
            _ => null,
        };
    }

    private string? Apply(string text) => Method switch
    {
        "Replace" => text.Replace(Arguments[0], Arguments[1], StringComparison.Ordinal),
        "Substring" => int.Parse(Arguments[0]) is var start && start <= text.Length
            ? Arguments.Length == 1 ? text[start..] : int.Parse(Arguments[1]) is var length && start + length <= text.Length ? text.Substring(start, length) : null
            : null,
        "TrimEnd" => Arguments.IsEmpty ? text.TrimEnd() : text.TrimEnd(Arguments[0].ToCharArray()),
        _ => Arguments.IsEmpty ? text.TrimStart() : text.TrimStart(Arguments[0].ToCharArray()),
    };

    /// <summary>Characters an edit of a template value's Sub text must not touch: they spell its ${...} references.</summary>
    private bool SafeInSub => Method != "Substring" && Arguments.All(a => a.IndexOfAny(['$', '{', '}']) < 0);

    /// <summary>The value edited, or null when a part it would change is not known.</summary>
    public Value? On(Value value) => value switch
    {
        LiteralValue literal => Apply(literal.Text) is { } text ? new LiteralValue(text) : null,
        TemplateValue { Expression.Known: true } template when SafeInSub && Apply(template.Expression.Sub) is { } sub =>
            sub == template.Expression.Sub ? template : new TemplateValue(template.Expression with { Sub = sub, Resource = null, IsArn = false }),
        OneOfValue oneOf => oneOf.Options.Select(On).ToList() is var options && options.All(o => o is not null) ? Value.OneOf(options!) : null,
        NullValue or NoValue => value,
        ConcatValue { Parts.Length: > 0 } concat => OnParts(concat),
        _ => null,
    };

    /// <summary>
    /// Built text: a trim changes its end (or start) only, a replacement each known part (a match across two parts is not
    /// seen; the replacements code makes, a URL scheme, sit inside one).
    /// </summary>
    private Value? OnParts(ConcatValue concat)
    {
        var parts = concat.Parts.ToArray();
        if (Method == "Substring") return null; // positions in built text are not known
        var at = Method switch { "TrimEnd" => [parts.Length - 1], "TrimStart" => [0], _ => Enumerable.Range(0, parts.Length).ToArray() };
        foreach (var i in at)
        {
            if (parts[i] is UnknownValue && Method == "Replace") continue; // what is not known stays not known
            if (On(parts[i]) is not { } edited) return null;
            parts[i] = edited;
        }
        return new ConcatValue([.. parts]);
    }

    public override string ToString() => $"{Method}({string.Join(", ", Arguments.Select(a => $"\"{a}\""))})";
}

/// <summary>A value a <see cref="TextEdit"/> changes, kept until binding tells the text it changes.</summary>
public sealed record TextEditValue(Value Inner, TextEdit Edit) : Value;
