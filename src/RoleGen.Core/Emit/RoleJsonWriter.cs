using Newtonsoft.Json;
using RoleGen.Core.Permissions;
using RoleGen.Core.Policy;

namespace RoleGen.Core.Emit;

/// <summary>A function's role as a CloudFormation JSON resource (for JSON templates), resources with ${...} as Fn::Sub.</summary>
public static class RoleJsonWriter
{
    public static string Write(FunctionReport function, string indentUnit = "  ")
    {
        return WriteResource("AWS::IAM::Role", function, why: null, indentUnit, json =>
        {
            json.WritePropertyName("AssumeRolePolicyDocument");
            WriteDocument(json, () =>
            {
                json.WriteStartObject();
                json.WritePropertyName("Effect"); json.WriteValue("Allow");
                json.WritePropertyName("Principal");
                json.WriteStartObject();
                json.WritePropertyName("Service"); json.WriteValue("lambda.amazonaws.com");
                json.WriteEndObject();
                json.WritePropertyName("Action"); json.WriteValue("sts:AssumeRole");
                json.WriteEndObject();
            });
            if (function.PermissionsBoundary is { } boundary)
            {
                json.WritePropertyName("PermissionsBoundary");
                json.WriteRawValue(boundary);
            }
            var own = function.RoleStatements.ToList();
            if (own.Count > 0)
            {
                json.WritePropertyName("Policies");
                json.WriteStartArray();
                // As in RoleYamlWriter: a policy all of whose statements hold under the same conditions holds under them.
                var shared = RoleYamlWriter.SharedConditions(own);
                foreach (var condition in shared)
                {
                    json.WriteStartObject();
                    json.WritePropertyName("Fn::If");
                    json.WriteStartArray();
                    json.WriteValue(condition);
                }
                json.WriteStartObject();
                json.WritePropertyName("PolicyName"); json.WriteValue(function.LogicalId + "Policy");
                json.WritePropertyName("PolicyDocument");
                WriteDocument(json, () => { foreach (var statement in own) WriteStatement(json, shared.IsEmpty ? statement : statement with { TemplateConditions = [] }); });
                json.WriteEndObject();
                foreach (var _ in shared)
                {
                    json.WriteStartObject();
                    json.WritePropertyName("Ref"); json.WriteValue("AWS::NoValue");
                    json.WriteEndObject();
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
        });
    }

    /// <summary>The AWS::IAM::Policy holding the statements that name the function itself (<see cref="FunctionReport.SelfPolicyLogicalId"/>); null when there are none.</summary>
    public static string? WriteSelfPolicy(FunctionReport function, string indentUnit = "  ")
    {
        if (!function.SelfStatements.Any()) return null;
        return WriteResource("AWS::IAM::Policy", function, RoleYamlWriter.SelfPolicyWhy, indentUnit, json =>
        {
            json.WritePropertyName("PolicyName"); json.WriteValue(function.LogicalId + "SelfPolicy");
            json.WritePropertyName("Roles");
            json.WriteStartArray();
            json.WriteStartObject();
            json.WritePropertyName("Ref"); json.WriteValue(function.RoleLogicalId);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WritePropertyName("PolicyDocument");
            WriteDocument(json, () => { foreach (var statement in function.SelfStatements) WriteStatement(json, statement); });
        });
    }

    /// <summary>A resource object: its type, the Metadata that marks it as RoleGen's, and the Properties <paramref name="properties"/> writes.</summary>
    private static string WriteResource(string type, FunctionReport function, string? why, string indentUnit, Action<JsonWriter> properties)
    {
        using var text = new StringWriter { NewLine = "\n" };
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.Indented, Indentation = indentUnit.Length, IndentChar = indentUnit.Length > 0 ? indentUnit[0] : ' ' })
        {
            json.WriteStartObject();
            json.WritePropertyName("Type"); json.WriteValue(type);
            if (function.Condition is { } condition) { json.WritePropertyName("Condition"); json.WriteValue(condition); }
            json.WritePropertyName("Metadata");
            json.WriteStartObject();
            json.WritePropertyName("RoleGen");
            json.WriteStartObject();
            json.WritePropertyName("generated"); json.WriteValue(true);
            json.WritePropertyName("function"); json.WriteValue(function.LogicalId);
            if (why is not null) { json.WritePropertyName("why"); json.WriteValue(why); }
            json.WriteEndObject();
            json.WriteEndObject();
            json.WritePropertyName("Properties");
            json.WriteStartObject();
            properties(json);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return text.ToString();
    }

    private static void WriteDocument(JsonWriter json, Action statements)
    {
        json.WriteStartObject();
        json.WritePropertyName("Version"); json.WriteValue("2012-10-17");
        json.WritePropertyName("Statement");
        json.WriteStartArray();
        statements();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A statement, inside <c>{"Fn::If": [C, statement, {"Ref": "AWS::NoValue"}]}</c> for each template condition it holds under.</summary>
    private static void WriteStatement(JsonWriter json, PolicyStatement statement) => WriteStatement(json, statement, statement.TemplateConditions);

    private static void WriteStatement(JsonWriter json, PolicyStatement statement, IReadOnlyList<string> conditions)
    {
        if (conditions.Count > 0)
        {
            json.WriteStartObject();
            json.WritePropertyName("Fn::If");
            json.WriteStartArray();
            json.WriteValue(conditions[0]);
            WriteStatement(json, statement, conditions.Skip(1).ToList());
            json.WriteStartObject();
            json.WritePropertyName("Ref"); json.WriteValue("AWS::NoValue");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            return;
        }
        json.WriteStartObject();
        json.WritePropertyName("Sid"); json.WriteValue(statement.Sid);
        json.WritePropertyName("Effect"); json.WriteValue(PolicyStatement.Effect);
        json.WritePropertyName("Action");
        json.WriteStartArray();
        foreach (var action in statement.Actions) json.WriteValue(action);
        json.WriteEndArray();
        json.WritePropertyName("Resource");
        json.WriteStartArray();
        foreach (var resource in statement.Resources) WriteSubOrString(json, resource);
        json.WriteEndArray();
        if (statement.Condition is { } condition)
        {
            json.WritePropertyName("Condition");
            json.WriteStartObject();
            foreach (var (op, keys) in condition.Operators)
            {
                json.WritePropertyName(op);
                json.WriteStartObject();
                foreach (var (key, values) in keys)
                {
                    json.WritePropertyName(key);
                    json.WriteStartArray();
                    foreach (var value in values) WriteSubOrString(json, value);
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteSubOrString(JsonWriter json, string value)
    {
        if (!value.Contains("${", StringComparison.Ordinal)) { json.WriteValue(value); return; }
        json.WriteStartObject();
        json.WritePropertyName("Fn::Sub"); json.WriteValue(value);
        json.WriteEndObject();
    }
}
