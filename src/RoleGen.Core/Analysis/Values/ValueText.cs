namespace RoleGen.Core.Analysis.Values;

/// <summary>A short, stable text form of a value, for messages and tests: "orders", env:TABLE, "a/"+?, ("x"|"y").</summary>
public static class ValueText
{
    public static string Of(Value value) => value switch
    {
        LiteralValue l => $"\"{l.Text}\"",
        EnvVarValue { Fallback: { } fallback } e => $"(env:{e.Name}|{Of(fallback)})",
        EnvVarValue e => $"env:{e.Name}",
        EventFieldValue f => $"event:{f.Source}.{f.Field}",
        EventPartValue p => $"event:{p.Source}:{p.Part}" + (p.Path.Length == 0 ? "" : "." + p.Path),
        ConcatValue c => string.Join("+", c.Parts.Select(Of)),
        OneOfValue o => "(" + string.Join("|", o.Options.Select(Of)) + ")",
        UnknownValue => "?",
        NullValue => "null",
        NoValue => "never",
        NamedConstantValue n => $"{n.Type}.{n.Member}",
        ObjectValue o => o.TypeName + (o.Arguments.IsEmpty ? "" : "(" + string.Join(", ", o.Arguments.Select(Of)) + ")") + "{" + string.Join(", ", o.Properties.Select(p => $"{p.Key}={Of(p.Value)}")) + "}",
        CollectionValue c => "[" + string.Join(", ", c.Items.Select(Of)) + "]",
        EntryValue e => $"{Of(e.Key)}: {Of(e.Item)}",
        TypeValue t => t.Name,
        TemplateValue t => $"cfn:{t.Expression.Sub}",
        TextEditValue t => $"{Of(t.Inner)}.{t.Edit}",
        StoredValue s => $"{s.Service}:stored({Of(s.Name)})",
        _ => value.GetType().Name,
    };
}
