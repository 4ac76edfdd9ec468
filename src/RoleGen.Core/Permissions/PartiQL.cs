using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using RoleGen.Core.Analysis.Values;

namespace RoleGen.Core.Permissions;

/// <summary>
/// Reads what a PartiQL statement touches (mappings/README "Request paths"): its table, index and verb.
/// Statements are often interpolated (<c>$"SELECT * FROM \"{table}\" WHERE ..."</c>): non-literal parts are
/// carried through as markers so the table can still be a value from the template.
/// </summary>
public static partial class PartiQL
{
    public static Value? Transform(Value? statement, string transform) => statement switch
    {
        null or NullValue => null,
        OneOfValue oneOf => Value.OneOf(oneOf.Options.Select(o => Transform(o, transform)).OfType<Value>()),
        UnknownValue unknown => unknown,
        _ => Read(statement, transform),
    };

    [GeneratedRegex(@"^\s*(?<verb>SELECT|INSERT|UPDATE|DELETE|EXISTS)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Verb();

    [GeneratedRegex(@"\b(?:FROM|INTO|UPDATE)\s+(?<table>""[^""]+""|[^\s.""]+)(?:\.(?<index>""[^""]+""|[^\s""]+))?", RegexOptions.IgnoreCase)]
    private static partial Regex Target();

    private static Value? Read(Value statement, string transform)
    {
        var parts = statement is ConcatValue concat ? concat.Parts : [statement];
        var text = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
            text.Append(parts[i] is LiteralValue literal ? literal.Text : $"\u0001{i}\u0002");
        var sql = text.ToString();
        if (transform == "partiql-kind")
        {
            var verb = Verb().Match(sql);
            if (!verb.Success) return new UnknownValue("the PartiQL statement's verb is not known", null);
            var word = verb.Groups["verb"].Value.ToUpperInvariant();
            return new LiteralValue(word == "EXISTS" ? "SELECT" : word);
        }
        var target = Target().Match(sql);
        if (!target.Success) return new UnknownValue("the PartiQL statement's table is not known", null);
        var group = transform == "partiql-index" ? target.Groups["index"] : target.Groups["table"];
        if (!group.Success) return null;
        return Restore(group.Value.Trim('"'), parts);
    }

    [GeneratedRegex("\u0001(?<index>[0-9]+)\u0002")]
    private static partial Regex Marker();

    private static Value Restore(string token, ImmutableArray<Value> parts)
    {
        var restored = new List<Value>();
        var position = 0;
        foreach (Match marker in Marker().Matches(token))
        {
            if (marker.Index > position) restored.Add(new LiteralValue(token[position..marker.Index]));
            restored.Add(parts[int.Parse(marker.Groups["index"].Value)]);
            position = marker.Index + marker.Length;
        }
        if (position < token.Length) restored.Add(new LiteralValue(token[position..]));
        return restored.Count == 1 ? restored[0] : new ConcatValue(restored.ToImmutableArray());
    }
}
