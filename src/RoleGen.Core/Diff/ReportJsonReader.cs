using System.Collections.Immutable;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Permissions;
using RoleGen.Core.Policy;

namespace RoleGen.Core.Diff;

/// <summary>
/// Reads the JSON report that <c>rolegen generate --format json</c> writes (README "JSON report") back into a
/// <see cref="RoleGenReport"/>. Fields it does not know are ignored (the contract only ever adds fields); a missing
/// or mistyped field it needs is bad input, reported with the JSON path.
/// </summary>
public static class ReportJsonReader
{
    public static RoleGenReport ReadFile(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new RoleGenInputException($"cannot read report {path}: {e.Message}");
        }
        return Read(text, path);
    }

    public static RoleGenReport Read(string json, string name = "report")
    {
        JToken root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
            root = JToken.ReadFrom(reader);
            if (reader.Read() && reader.TokenType != JsonToken.Comment) throw new JsonReaderException("text after the end of the report");
        }
        catch (JsonException e)
        {
            throw new RoleGenInputException($"{name} is not valid JSON: {e.Message}");
        }
        try
        {
            var report = Object(root, "$");
            var version = report["version"];
            if (version is not { Type: JTokenType.Integer } || version.Value<long>() != RoleGenReport.Version)
                throw new FormatException($"$.version: expected {RoleGenReport.Version} (a report written by this version of rolegen), found {Describe(version)}");
            var functions = Array(report, "functions", "$").Select((f, i) => Function(f, $"$.functions[{i}]")).ToImmutableArray();
            var duplicate = functions.GroupBy(f => f.LogicalId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null) throw new FormatException($"$.functions: function {duplicate.Key} appears more than once");
            var findings = OptionalArray(report, "findings", "$").Select((f, i) => ReadFinding(f, $"$.findings[{i}]")).ToImmutableArray();
            return new RoleGenReport(name, functions, findings);
        }
        catch (FormatException e)
        {
            throw new RoleGenInputException($"{name} is not a rolegen report: {e.Message}");
        }
    }

    private static FunctionReport Function(JToken token, string path)
    {
        var function = Object(token, path);
        return new FunctionReport(
            String(function, "logicalId", path),
            OptionalString(function, "handler", path),
            OptionalArray(function, "statements", path).Select((s, i) => Statement(s, $"{path}.statements[{i}]")).ToImmutableArray(),
            OptionalArray(function, "findings", path).Select((f, i) => ReadFinding(f, $"{path}.findings[{i}]")).ToImmutableArray());
    }

    private static PolicyStatement Statement(JToken token, string path)
    {
        var statement = Object(token, path);
        var effect = OptionalString(statement, "effect", path);
        if (effect is not null && effect != PolicyStatement.Effect) throw new FormatException($"{path}.effect: only Allow statements are generated, found {effect}");
        return new PolicyStatement(
            OptionalString(statement, "sid", path) ?? "",
            Strings(statement, "actions", path),
            Strings(statement, "resources", path),
            statement["condition"] is { Type: not JTokenType.Null } condition ? Condition(condition, $"{path}.condition") : null,
            OptionalArray(statement, "reasons", path).Select((r, i) => ReadReason(r, $"{path}.reasons[{i}]")).ToImmutableArray());
    }

    private static PolicyCondition Condition(JToken token, string path)
    {
        var operators = ImmutableSortedDictionary.CreateBuilder<string, ImmutableSortedDictionary<string, ImmutableArray<string>>>(StringComparer.Ordinal);
        foreach (var op in Object(token, path).Properties())
        {
            var keys = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
            foreach (var key in Object(op.Value, $"{path}.{op.Name}").Properties())
            {
                var where = $"{path}.{op.Name}.{key.Name}";
                keys[key.Name] = key.Value.Type switch
                {
                    JTokenType.String => [key.Value.Value<string>()!],
                    JTokenType.Array => key.Value.Select((v, i) => v.Type == JTokenType.String ? v.Value<string>()! : throw new FormatException($"{where}[{i}]: expected a string, found {Describe(v)}"))
                        .Order(StringComparer.Ordinal).ToImmutableArray(),
                    _ => throw new FormatException($"{where}: expected a string or an array of strings, found {Describe(key.Value)}"),
                };
            }
            operators[op.Name] = keys.ToImmutable();
        }
        return new PolicyCondition(operators.ToImmutable());
    }

    private static Reason ReadReason(JToken token, string path)
    {
        var reason = Object(token, path);
        if (OptionalString(reason, "template", path) is { } template) return new Reason(Template: template);
        if (OptionalString(reason, "rule", path) is { } rule) return new Reason(Rule: rule);
        return new Reason(OptionalString(reason, "file", path), OptionalInt(reason, "line", path), OptionalInt(reason, "column", path), OptionalString(reason, "call", path));
    }

    private static Finding ReadFinding(JToken token, string path)
    {
        var finding = Object(token, path);
        var severity = String(finding, "severity", path) switch
        {
            "info" => Severity.Info,
            "warning" => Severity.Warning,
            "error" => Severity.Error,
            var other => throw new FormatException($"{path}.severity: expected info, warning or error, found \"{other}\""),
        };
        return new Finding(String(finding, "code", path), severity, String(finding, "message", path),
            OptionalString(finding, "file", path), OptionalInt(finding, "line", path), OptionalInt(finding, "column", path));
    }

    private static JObject Object(JToken? token, string path) =>
        token as JObject ?? throw new FormatException($"{path}: expected an object, found {Describe(token)}");

    private static IEnumerable<JToken> Array(JObject parent, string name, string path) =>
        parent[name] as JArray ?? throw new FormatException($"{path}.{name}: expected an array, found {Describe(parent[name])}");

    private static IEnumerable<JToken> OptionalArray(JObject parent, string name, string path) =>
        parent[name] is null or { Type: JTokenType.Null } ? [] : Array(parent, name, path);

    private static ImmutableArray<string> Strings(JObject parent, string name, string path) =>
        Array(parent, name, path).Select((v, i) => v.Type == JTokenType.String ? v.Value<string>()! : throw new FormatException($"{path}.{name}[{i}]: expected a string, found {Describe(v)}"))
            .ToImmutableArray();

    private static string String(JObject parent, string name, string path) =>
        OptionalString(parent, name, path) ?? throw new FormatException($"{path}.{name}: expected a string, found {Describe(parent[name])}");

    private static string? OptionalString(JObject parent, string name, string path) => parent[name] switch
    {
        null or { Type: JTokenType.Null } => null,
        { Type: JTokenType.String } value => value.Value<string>(),
        var other => throw new FormatException($"{path}.{name}: expected a string, found {Describe(other)}"),
    };

    private static int? OptionalInt(JObject parent, string name, string path) => parent[name] switch
    {
        null or { Type: JTokenType.Null } => null,
        { Type: JTokenType.Integer } value when value.Value<long>() is >= 0 and <= int.MaxValue => value.Value<int>(),
        var other => throw new FormatException($"{path}.{name}: expected a line or column number, found {Describe(other)}"),
    };

    private static string Describe(JToken? token) => token switch
    {
        null => "nothing",
        { Type: JTokenType.Null } => "null",
        JValue value => $"{token.Type.ToString().ToLowerInvariant()} {Shorten(value.ToString(Formatting.None))}",
        _ => token.Type.ToString().ToLowerInvariant(),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
