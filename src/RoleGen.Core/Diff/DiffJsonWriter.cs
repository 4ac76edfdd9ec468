using Newtonsoft.Json;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Emit;
using RoleGen.Core.Permissions;

namespace RoleGen.Core.Diff;

/// <summary><c>rolegen diff --format json</c>: the diff for other tools; names are stable (add fields, never rename).</summary>
public static class DiffJsonWriter
{
    public static string Write(ReportDiff diff)
    {
        using var text = new StringWriter { NewLine = "\n" };
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.Indented, Indentation = 2 })
        {
            json.WriteStartObject();
            json.WritePropertyName("version"); json.WriteValue(ReportDiff.Version);
            json.WritePropertyName("summary");
            json.WriteStartObject();
            Number(json, "functionsGaining", diff.FunctionsGaining);
            Number(json, "functionsLosing", diff.FunctionsLosing);
            Number(json, "functionsUnchanged", diff.UnchangedFunctions);
            Number(json, "added", diff.AddedPermissions);
            Number(json, "removed", diff.RemovedPermissions);
            Number(json, "newWildcards", diff.NewWildcards);
            Number(json, "newFindings", diff.NewFindingCount);
            json.WritePropertyName("headline"); json.WriteValue(DiffText.Headline(diff));
            json.WriteEndObject();
            json.WritePropertyName("functions");
            json.WriteStartArray();
            foreach (var function in diff.Functions)
            {
                json.WriteStartObject();
                json.WritePropertyName("logicalId"); json.WriteValue(function.LogicalId);
                json.WritePropertyName("change"); json.WriteValue(function.Change.ToString().ToLowerInvariant());
                Permissions(json, "added", function.Added);
                Permissions(json, "removed", function.Removed);
                Findings(json, "newFindings", function.NewFindings);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            Findings(json, "newFindings", diff.NewFindings);
            json.WriteEndObject();
        }
        return text + "\n";
    }

    private static void Number(JsonWriter json, string name, int value) { json.WritePropertyName(name); json.WriteValue(value); }

    private static void Permissions(JsonWriter json, string name, IEnumerable<PermissionChange> permissions)
    {
        json.WritePropertyName(name);
        json.WriteStartArray();
        foreach (var permission in permissions)
        {
            json.WriteStartObject();
            json.WritePropertyName("action"); json.WriteValue(permission.Action);
            json.WritePropertyName("resource"); json.WriteValue(permission.Resource);
            if (permission.Condition is { } condition) { json.WritePropertyName("condition"); ReportJsonWriter.WriteCondition(json, condition); }
            json.WritePropertyName("wildcard"); json.WriteValue(permission.IsWildcard);
            json.WritePropertyName("reasons");
            json.WriteStartArray();
            foreach (var reason in permission.Reasons) ReportJsonWriter.WriteReason(json, reason);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Findings(JsonWriter json, string name, IEnumerable<Finding> findings)
    {
        json.WritePropertyName(name);
        ReportJsonWriter.WriteFindings(json, findings);
    }
}
