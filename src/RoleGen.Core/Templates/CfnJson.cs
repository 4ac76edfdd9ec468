using System.Globalization;
using System.Text;
using Newtonsoft.Json;

namespace RoleGen.Core.Templates;

/// <summary>
/// A template value as compact JSON in CloudFormation's long form (<c>{"Fn::Sub": "arn:..."}</c>): valid as a JSON value
/// and as a YAML flow value, so one text carries a value from any template into a role written in either syntax.
/// </summary>
public static class CfnJson
{
    public static string Write(CfnNode node)
    {
        var json = new StringBuilder();
        Append(json, node);
        return json.ToString();
    }

    private static void Append(StringBuilder json, CfnNode node)
    {
        switch (node)
        {
            case CfnScalar scalar:
                json.Append(IsBareLiteral(scalar) ? scalar.Value : JsonConvert.ToString(scalar.Value));
                break;
            case CfnSequence sequence:
                json.Append('[');
                for (var i = 0; i < sequence.Items.Length; i++)
                {
                    if (i > 0) json.Append(", ");
                    Append(json, sequence.Items[i]);
                }
                json.Append(']');
                break;
            case CfnMapping mapping:
                json.Append('{');
                for (var i = 0; i < mapping.Entries.Length; i++)
                {
                    if (i > 0) json.Append(", ");
                    json.Append(JsonConvert.ToString(mapping.Entries[i].Key)).Append(": ");
                    Append(json, mapping.Entries[i].Value);
                }
                json.Append('}');
                break;
        }
    }

    /// <summary>An unquoted number or boolean stays one (<c>Fn::Select</c> indexes, flags); everything else is a string.</summary>
    private static bool IsBareLiteral(CfnScalar scalar) =>
        !scalar.Quoted && (scalar.Value is "true" or "false" ||
                           long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _));
}
