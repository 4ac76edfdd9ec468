using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using RoleGen.Core.Diagnostics;

namespace RoleGen.Core.Emit;

/// <summary>
/// The report's findings as SARIF 2.1.0, for code scanning (GitHub, Azure DevOps) and IDE viewers: one run whose
/// driver lists a rule for every code that appears, and one result per finding with its level, message, location
/// (relative to the repository root, <c>uriBaseId</c> <c>%SRCROOT%</c>) and a partial fingerprint that survives
/// line moves (rule + function + message without line numbers). Same report, same bytes.
/// </summary>
public static partial class SarifWriter
{
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string SarifVersion = "2.1.0";
    public const string ToolName = "RoleGen";
    public const string InformationUri = "https://github.com/rolegen/rolegen";
    public const string SourceRoot = "%SRCROOT%";
    public const string FingerprintKey = "rolegenFinding/v1";

    /// <param name="toolVersion">RoleGen's version, written as tool.driver.version.</param>
    /// <param name="repositoryRoot">The folder URIs are relative to; by default the git root above the template, else the template's folder.</param>
    public static string Write(RoleGenReport report, string toolVersion, string? repositoryRoot = null)
    {
        var templateDirectory = Path.GetDirectoryName(Path.GetFullPath(report.TemplatePath))!;
        var root = Path.GetFullPath(repositoryRoot ?? FindRepositoryRoot(templateDirectory) ?? templateDirectory);
        var results = report.Findings.Select(f => (Function: (string?)null, Finding: f))
            .Concat(report.Functions.SelectMany(fn => fn.Findings.Select(f => (Function: (string?)fn.LogicalId, Finding: f))))
            .ToList();
        var rules = results.Select(r => r.Finding.Code).Distinct().Order(StringComparer.Ordinal).Select(FindingRules.For).ToList();
        var ruleIndex = rules.Select((r, i) => (r.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);

        using var text = new StringWriter { NewLine = "\n" };
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.Indented, Indentation = 2 })
        {
            json.WriteStartObject();
            json.WritePropertyName("$schema"); json.WriteValue(Schema);
            json.WritePropertyName("version"); json.WriteValue(SarifVersion);
            json.WritePropertyName("runs");
            json.WriteStartArray();
            json.WriteStartObject();
            WriteTool(json, rules, toolVersion);
            json.WritePropertyName("columnKind"); json.WriteValue("utf16CodeUnits");
            json.WritePropertyName("results");
            json.WriteStartArray();
            foreach (var (function, finding) in results)
                WriteResult(json, function, finding, ruleIndex[finding.Code], Uri(finding.File ?? Path.GetFileName(report.TemplatePath), templateDirectory, root));
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return text + "\n";
    }

    private static void WriteTool(JsonWriter json, List<FindingRule> rules, string toolVersion)
    {
        json.WritePropertyName("tool");
        json.WriteStartObject();
        json.WritePropertyName("driver");
        json.WriteStartObject();
        json.WritePropertyName("name"); json.WriteValue(ToolName);
        json.WritePropertyName("informationUri"); json.WriteValue(InformationUri);
        json.WritePropertyName("version"); json.WriteValue(toolVersion);
        json.WritePropertyName("rules");
        json.WriteStartArray();
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WritePropertyName("id"); json.WriteValue(rule.Code);
            json.WritePropertyName("name"); json.WriteValue(rule.Name);
            WriteMessage(json, "shortDescription", rule.ShortDescription);
            WriteMessage(json, "fullDescription", rule.FullDescription);
            WriteMessage(json, "help", $"{rule.FullDescription} See the Findings table of RoleGen's README.");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(JsonWriter json, string? function, Finding finding, int ruleIndex, (string Uri, bool UnderRoot) location)
    {
        var message = function is null || finding.Message.StartsWith(function + ":", StringComparison.Ordinal) ? finding.Message : $"{function}: {finding.Message}";
        json.WriteStartObject();
        json.WritePropertyName("ruleId"); json.WriteValue(finding.Code);
        json.WritePropertyName("ruleIndex"); json.WriteValue(ruleIndex);
        json.WritePropertyName("level"); json.WriteValue(Level(finding.Severity));
        WriteMessage(json, "message", message);
        json.WritePropertyName("locations");
        json.WriteStartArray();
        json.WriteStartObject();
        json.WritePropertyName("physicalLocation");
        json.WriteStartObject();
        json.WritePropertyName("artifactLocation");
        json.WriteStartObject();
        json.WritePropertyName("uri"); json.WriteValue(location.Uri);
        if (location.UnderRoot) { json.WritePropertyName("uriBaseId"); json.WriteValue(SourceRoot); }
        json.WriteEndObject();
        json.WritePropertyName("region");
        json.WriteStartObject();
        json.WritePropertyName("startLine"); json.WriteValue(Math.Max(finding.Line ?? 1, 1));
        json.WritePropertyName("startColumn"); json.WriteValue(Math.Max(finding.Column ?? 1, 1));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WritePropertyName("partialFingerprints");
        json.WriteStartObject();
        json.WritePropertyName(FingerprintKey); json.WriteValue(Fingerprint(finding.Code, function, message));
        json.WriteEndObject();
        if (function is not null)
        {
            json.WritePropertyName("properties");
            json.WriteStartObject();
            json.WritePropertyName("function"); json.WriteValue(function);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteMessage(JsonWriter json, string name, string text)
    {
        json.WritePropertyName(name);
        json.WriteStartObject();
        json.WritePropertyName("text"); json.WriteValue(text);
        json.WriteEndObject();
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>A hash of the rule, the function and the message with line and column numbers taken out, so that moving code does not make a finding new.</summary>
    public static string Fingerprint(string code, string? function, string message)
    {
        var normalized = Whitespace().Replace(LineNumbers().Replace(message, ""), " ").Trim();
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{code}\n{function}\n{normalized}"));
        return Convert.ToHexString(bytes).ToLowerInvariant();
    }

    /// <summary>The finding's file (relative to the template's folder, or absolute) relative to the repository root, with forward slashes.</summary>
    private static (string Uri, bool UnderRoot) Uri(string file, string templateDirectory, string root)
    {
        var full = Path.GetFullPath(Path.IsPathRooted(file) ? file : Path.Combine(templateDirectory, file));
        var relative = Path.GetRelativePath(root, full);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            return (new Uri(full).AbsoluteUri, false);
        return (string.Join('/', relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Select(System.Uri.EscapeDataString)), true);
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds .git (a folder, or a file in a worktree); null if none.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            if (Directory.Exists(Path.Combine(directory.FullName, ".git")) || File.Exists(Path.Combine(directory.FullName, ".git")))
                return directory.FullName;
        return null;
    }

    // file(12,5), file:12, file:12:5 after a file name with an extension, "line 12".
    [GeneratedRegex(@"\(\d+,\d+\)|(?<=\.[A-Za-z0-9]+):\d+(:\d+)?\b|\bline \d+")]
    private static partial Regex LineNumbers();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
