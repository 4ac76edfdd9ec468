using System.Collections.Immutable;
using RoleGen.Core.Templates;

namespace RoleGen.Core.Analysis.Values;

/// <summary>
/// A string method that changes a name the code builds (<c>url.Replace("wss://", "https://")</c>, <c>url.TrimEnd('/')</c>):
/// applied to the text as soon as it is known, a literal in the code or the template's value once bound.
/// </summary>
public sealed partial record TextEdit(string Method, ImmutableArray<string> Arguments)
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

    /// <summary>
    /// Characters names and ids hold (a resource's name or id, a region, an account, a stack name): a text made only of
    /// them may hide inside a part of the value that is not known here (a template reference, a run-time part), so an
    /// edit looking for it cannot be computed. "wss://", "/" do not hide there.
    /// </summary>
    private static bool MayHideInNames(string text) => text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private bool Hides => Method switch
    {
        "Replace" => MayHideInNames(Arguments[0]),
        "Substring" => true,
        _ => Arguments.IsEmpty || Arguments[0].Any(c => MayHideInNames(c.ToString())),
    };

    /// <summary>The value edited, or null when a part it would change is not known.</summary>
    /// <param name="holdsOnlyNames">
    /// True for a template reference (<c>${Queue}</c>, <c>${Api.ApiEndpoint}</c>, <c>${AWS::Region}</c>) whose value is made of
    /// name characters only (a name, an id, a region); a reference it does not say so of may hold any text (an ARN, a
    /// URL), in which an edit may find what it looks for. Null: every reference may.
    /// </param>
    public Value? On(Value value, Func<string, bool>? holdsOnlyNames = null) => value switch
    {
        LiteralValue literal => Apply(literal.Text) is { } text ? new LiteralValue(text) : null,
        TemplateValue { Expression.Known: true } template => OnSub(template, holdsOnlyNames),
        OneOfValue oneOf => oneOf.Options.Select(o => On(o, holdsOnlyNames)).ToList() is var options && options.All(o => o is not null) ? Value.OneOf(options!) : null,
        NullValue or NoValue => value,
        ConcatValue { Parts.Length: > 0 } concat => OnParts([.. concat.Parts], holdsOnlyNames),
        _ => null,
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"\$\{[^}]*\}")]
    private static partial System.Text.RegularExpressions.Regex Reference();

    /// <summary>A template value's Sub text: its literal text edited around its ${...} references, which stay as they are.</summary>
    private Value? OnSub(TemplateValue template, Func<string, bool>? holdsOnlyNames)
    {
        var sub = template.Expression.Sub;
        var pieces = new List<Value>();
        var at = 0;
        foreach (System.Text.RegularExpressions.Match reference in Reference().Matches(sub))
        {
            if (reference.Index > at) pieces.Add(new LiteralValue(sub[at..reference.Index]));
            pieces.Add(new TemplateValue(new Templates.TemplateExpression(reference.Value)));
            at = reference.Index + reference.Length;
        }
        if (at < sub.Length) pieces.Add(new LiteralValue(sub[at..]));
        if (pieces.Any(p => p is LiteralValue { Text: var text } && text.Contains("${!", StringComparison.Ordinal))) return null; // escaped ${: not plain text
        if (OnParts(pieces, holdsOnlyNames) is not ConcatValue edited) return null;
        var text = string.Concat(edited.Parts.Select(p => p switch { LiteralValue l => l.Text, TemplateValue t => t.Expression.Sub, _ => "" }));
        return text == sub ? template : new TemplateValue(template.Expression with { Sub = text, Resource = null, IsArn = false });
    }

    /// <summary>
    /// Built text: a trim changes its end (or start), a replacement each literal part. Parts not known here (template
    /// references, run-time parts) are kept when what the edit looks for cannot hide in them or across their edges.
    /// A run-time part is granted as <c>*</c>, which matches whatever the edit makes of it; a template reference is granted
    /// as what it is, so one that may hold any text (a state machine's ARN, for <c>Replace(":stateMachine:", ":execution:")</c>)
    /// leaves the edit unknown.
    /// </summary>
    private Value? OnParts(IReadOnlyList<Value> parts, Func<string, bool>? holdsOnlyNames)
    {
        if (Method == "Substring") return parts.All(p => p is LiteralValue) ? On(new LiteralValue(string.Concat(parts.Cast<LiteralValue>().Select(p => p.Text)))) is LiteralValue l ? new ConcatValue([l]) : null : null;
        // A variable or event field binds to a template value later: the edit waits for it (TextEditValue).
        bool AnyText(Value part) => part is EnvVarValue or EventFieldValue || part is TemplateValue reference && holdsOnlyNames?.Invoke(reference.Expression.Sub) != true;
        if (Method == "Replace" ? parts.Any(AnyText) : AnyText(Method == "TrimEnd" ? parts[^1] : parts[0])) return null;
        var edited = parts.ToArray();
        var opaque = parts.Select(p => p is not LiteralValue).ToArray();
        if (opaque.Any(o => o) && Hides) return null;
        var at = Method switch { "TrimEnd" => [parts.Count - 1], "TrimStart" => [0], _ => Enumerable.Range(0, parts.Count).ToArray() };
        foreach (var i in at)
        {
            if (opaque[i])
            {
                if (parts[i] is ConcatValue or OneOfValue && On(parts[i], holdsOnlyNames) is { } inner) edited[i] = inner;
                continue; // a trim of an end that is not known: what it trims cannot hide there (Hides)
            }
            var text = ((LiteralValue)parts[i]).Text;
            if (Method == "Replace" && (i > 0 && opaque[i - 1] && StartsWithTail(text) || i < parts.Count - 1 && opaque[i + 1] && EndsWithHead(text))) return null;
            edited[i] = new LiteralValue(Apply(text)!);
        }
        return new ConcatValue([.. edited]);
    }

    /// <summary>The text starts with the end of what Replace looks for: a match may begin in the unknown part before it.</summary>
    private bool StartsWithTail(string text) => Enumerable.Range(1, Arguments[0].Length - 1).Any(k => text.StartsWith(Arguments[0][k..], StringComparison.Ordinal));

    /// <summary>The text ends with the start of what Replace looks for: a match may end in the unknown part after it.</summary>
    private bool EndsWithHead(string text) => Enumerable.Range(1, Arguments[0].Length - 1).Any(k => text.EndsWith(Arguments[0][..k], StringComparison.Ordinal));

    public override string ToString() => $"{Method}({string.Join(", ", Arguments.Select(a => $"\"{a}\""))})";
}

/// <summary>A value a <see cref="TextEdit"/> changes, kept until binding tells the text it changes.</summary>
public sealed record TextEditValue(Value Inner, TextEdit Edit) : Value;
