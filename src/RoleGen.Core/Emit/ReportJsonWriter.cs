using Newtonsoft.Json;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Permissions;
using RoleGen.Core.Policy;

namespace RoleGen.Core.Emit;

/// <summary>
/// The machine-readable report (README "JSON report"). Its names are a contract read by other tools,
/// the PR diff among them: add fields, never rename.
/// </summary>
public static class ReportJsonWriter
{
    public static string Write(RoleGenReport report)
    {
        using var text = new StringWriter { NewLine = "\n" };
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.Indented, Indentation = 2 })
        {
            json.WriteStartObject();
            json.WritePropertyName("version"); json.WriteValue(RoleGenReport.Version);
            json.WritePropertyName("functions");
            json.WriteStartArray();
            foreach (var function in report.Functions) WriteFunction(json, function);
            json.WriteEndArray();
            json.WritePropertyName("findings");
            WriteFindings(json, report.Findings);
            json.WriteEndObject();
        }
        return text + "\n";
    }

    private static void WriteFunction(JsonWriter json, FunctionReport function)
    {
        json.WriteStartObject();
        json.WritePropertyName("logicalId"); json.WriteValue(function.LogicalId);
        json.WritePropertyName("handler"); json.WriteValue(function.Handler);
        json.WritePropertyName("statements");
        json.WriteStartArray();
        foreach (var statement in function.Statements) WriteStatement(json, statement);
        json.WriteEndArray();
        json.WritePropertyName("findings");
        WriteFindings(json, function.Findings);
        json.WriteEndObject();
    }

    private static void WriteStatement(JsonWriter json, PolicyStatement statement)
    {
        json.WriteStartObject();
        json.WritePropertyName("sid"); json.WriteValue(statement.Sid);
        json.WritePropertyName("effect"); json.WriteValue(PolicyStatement.Effect);
        WriteStrings(json, "actions", statement.Actions);
        WriteStrings(json, "resources", statement.Resources);
        if (statement.Condition is { } condition)
        {
            json.WritePropertyName("condition");
            WriteCondition(json, condition);
        }
        json.WritePropertyName("reasons");
        json.WriteStartArray();
        foreach (var reason in statement.Reasons) WriteReason(json, reason);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    internal static void WriteCondition(JsonWriter json, PolicyCondition condition)
    {
        json.WriteStartObject();
        foreach (var (op, keys) in condition.Operators)
        {
            json.WritePropertyName(op);
            json.WriteStartObject();
            foreach (var (key, values) in keys) WriteStrings(json, key, values);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    /// <summary>One reason, as the report and the diff both write it.</summary>
    internal static void WriteReason(JsonWriter json, Reason reason)
    {
        json.WriteStartObject();
        if (reason.Template is not null) { json.WritePropertyName("template"); json.WriteValue(reason.Template); }
        else if (reason.Rule is not null) { json.WritePropertyName("rule"); json.WriteValue(reason.Rule); }
        else
        {
            json.WritePropertyName("file"); json.WriteValue(reason.File);
            json.WritePropertyName("line"); json.WriteValue(reason.Line);
            json.WritePropertyName("column"); json.WriteValue(reason.Column);
            json.WritePropertyName("call"); json.WriteValue(reason.Call);
        }
        json.WriteEndObject();
    }

    internal static void WriteFindings(JsonWriter json, IEnumerable<Finding> findings)
    {
        json.WriteStartArray();
        foreach (var finding in findings)
        {
            json.WriteStartObject();
            json.WritePropertyName("code"); json.WriteValue(finding.Code);
            json.WritePropertyName("severity"); json.WriteValue(finding.Severity.ToString().ToLowerInvariant());
            json.WritePropertyName("message"); json.WriteValue(finding.Message);
            if (finding.File is not null) { json.WritePropertyName("file"); json.WriteValue(finding.File); }
            if (finding.Line is not null) { json.WritePropertyName("line"); json.WriteValue(finding.Line); }
            if (finding.Column is not null) { json.WritePropertyName("column"); json.WriteValue(finding.Column); }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteStrings(JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WritePropertyName(name);
        json.WriteStartArray();
        foreach (var value in values) json.WriteValue(value);
        json.WriteEndArray();
    }
}
