using System.Text;

namespace RoleGen.Core.Emit;

/// <summary>Scalars for hand-written YAML: plain when safe, else double-quoted with escapes.</summary>
public static class YamlText
{
    public static string Scalar(string value)
    {
        if (IsPlainSafe(value)) return value;
        return Quoted(value);
    }

    public static string Quoted(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }
        return text.Append('"').ToString();
    }

    /// <summary>Letters, digits and a few separators, not starting with an indicator, not a YAML 1.1 boolean/number/null.</summary>
    private static bool IsPlainSafe(string value) =>
        value.Length > 0 &&
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':') &&
        char.IsAsciiLetter(value[0]) &&
        !value.Contains(": ", StringComparison.Ordinal) && !value.EndsWith(':') &&
        !new[] { "y", "n", "yes", "no", "on", "off", "true", "false", "null" }.Contains(value.ToLowerInvariant());
}
