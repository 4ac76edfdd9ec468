using System.CommandLine;
using System.Reflection;
using RoleGen.Core;
using RoleGen.Core.Caching;
using RoleGen.Core.Check;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Emit;

namespace RoleGen.Cli;

/// <summary>
/// <c>rolegen check</c>: compares what each .NET function is granted today with what its code and configuration need,
/// and fails (exit 1) when a finding reaches the <c>--fail-on</c> severity.
/// </summary>
public static class CheckCommand
{
    /// <param name="memo">Kept across runs by the RoleGen server; null in a single run.</param>
    public static Command Create(Option<string?> mappingsOption, FileMemo? memo = null)
    {
        var template = new Option<string>("--template", "-t") { Description = "SAM or CloudFormation template (YAML or JSON).", Required = true };
        var format = new Option<string>("--format", "-f") { Description = "text: one line per finding and a summary; json: the report with the check findings; sarif: SARIF 2.1.0.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file (atomically) instead of standard output." };
        var functions = new Option<string[]>("--function") { Description = "Only this function (logical id); repeat for several.", AllowMultipleArgumentsPerToken = false };
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when a finding has this severity or a higher one: error (default), warning, or none.", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("error", "warning", "none");
        var noCache = GenerateCommand.NoCacheOption();

        var command = new Command("check", "Compare what each .NET function is granted today with what its code needs.")
        {
            template, format, output, functions, failOn, noCache,
        };
        command.SetAction(parse =>
        {
            var cache = parse.GetValue(noCache) ? null : ReportCache.ForMappings(parse.GetValue(mappingsOption), memo);
            var report = RoleChecker.Load(parse.GetValue(mappingsOption), cache, memo).Check(parse.GetValue(template)!, parse.GetValue(functions) ?? []);
            var chosen = parse.GetValue(format);
            var text = chosen switch
            {
                "json" => ReportJsonWriter.Write(report),
                "sarif" => SarifWriter.Write(report, ToolVersion),
                _ => Text(report),
            };
            if (parse.GetValue(output) is { } path) AtomicFile.Write(path, text);
            else Console.Out.Write(text);
            if (chosen != "text" || parse.GetValue(output) is not null)
            {
                foreach (var line in Lines(report)) Console.Error.WriteLine(line);
                Console.Error.WriteLine(Summary(report));
            }
            return Fails(report, parse.GetValue(failOn)!) ? ExitCodes.GateFailed : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>RoleGen's version (without the source revision the SDK appends), for SARIF's tool.driver.version.</summary>
    public static string ToolVersion
    {
        get
        {
            var assembly = typeof(CheckCommand).Assembly;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
            return version.Split('+')[0];
        }
    }

    public static bool Fails(RoleGenReport report, string failOn)
    {
        var threshold = failOn switch { "warning" => Severity.Warning, "error" => Severity.Error, _ => (Severity?)null };
        return threshold is { } least && report.AllFindings.Any(f => f.Severity >= least);
    }

    private static string Text(RoleGenReport report)
    {
        using var text = new StringWriter { NewLine = "\n" };
        foreach (var line in Lines(report)) text.WriteLine(line);
        text.WriteLine(Summary(report));
        return text.ToString();
    }

    private static IEnumerable<string> Lines(RoleGenReport report) =>
        report.Findings.Select(f => FindingPrinter.Format(f))
            .Concat(report.Functions.SelectMany(fn => fn.Findings.Select(f =>
                FindingPrinter.Format(f, f.Message.StartsWith(fn.LogicalId + ": ", StringComparison.Ordinal) ? null : fn.LogicalId))));

    private static string Summary(RoleGenReport report)
    {
        var all = report.AllFindings.ToList();
        int Count(string code) => all.Count(f => f.Code == code);
        return $"rolegen check: {report.Functions.Length} function(s); {Count(FindingCodes.MissingPermission)} missing permission(s) (RG3001), " +
               $"{Count(FindingCodes.BroaderThanNeeded)} broader than needed (RG3002), {Count(FindingCodes.WildcardGrant)} wildcard grant(s) (RG3003); " +
               $"{all.Count(f => f.Severity == Severity.Error)} error(s), {all.Count(f => f.Severity == Severity.Warning)} warning(s), {all.Count(f => f.Severity == Severity.Info)} info.";
    }
}
