using System.CommandLine;
using RoleGen.Core;
using RoleGen.Core.Caching;
using RoleGen.Core.Check;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Emit;
using RoleGen.Core.Mappings;
using RoleGen.Core.Templates;

namespace RoleGen.Cli;

/// <summary><c>rolegen generate</c>: one least-privilege role per function, as a CloudFormation fragment or the JSON report.</summary>
public static class GenerateCommand
{
    /// <summary>--no-cache, shared by generate and check.</summary>
    public static Option<bool> NoCacheOption() => new("--no-cache")
    {
        Description = "Analyse every function again instead of reusing the reports of functions whose code did not change (cache in ~/.cache/rolegen or $ROLEGEN_CACHE_DIR).",
    };

    /// <param name="memo">Kept across runs by the RoleGen server; null in a single run.</param>
    /// <summary>The mapping table, read when first needed; with a memo, the one an earlier run read while its files are the same.</summary>
    private static RoleGenKnowledge Knowledge(string? mappingsDirectory, FileMemo? memo)
    {
        if (memo is null) return RoleGenKnowledge.LoadWhenNeeded(mappingsDirectory);
        var directory = mappingsDirectory ?? Core.Mappings.MappingTableLoader.FindMappingsDirectory();
        return memo.ForMappings("knowledge", directory, () => RoleGenKnowledge.LoadWhenNeeded(directory));
    }

    /// <param name="memo">Kept across runs by the RoleGen server; null in a single run.</param>
    public static Command Create(Option<string?> mappingsOption, FileMemo? memo = null)
    {
        var template = new Option<string>("--template", "-t") { Description = "SAM or CloudFormation template (YAML or JSON).", Required = true };
        var format = new Option<string>("--format", "-f") { Description = "yaml: a CloudFormation fragment with one role per function; json: the machine-readable report; sarif: the findings as SARIF 2.1.0.", DefaultValueFactory = _ => "yaml" };
        format.AcceptOnlyFromAmong("yaml", "json", "sarif");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file (atomically) instead of standard output." };
        var functions = new Option<string[]>("--function") { Description = "Only this function (logical id); repeat for several.", AllowMultipleArgumentsPerToken = false };
        var inPlace = new Option<bool>("--in-place") { Description = "Write each function's role into the template itself (YAML), replacing its Policies and shared role." };
        var noCache = NoCacheOption();

        var command = new Command("generate", "Generate a least-privilege IAM role for every .NET function of a template.")
        {
            template, format, output, functions, inPlace, noCache,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(inPlace) && result.GetValue(output) is not null)
                result.AddError("--in-place writes the template itself; it cannot be combined with --output.");
        });
        command.SetAction(parse =>
        {
            var knowledge = Knowledge(parse.GetValue(mappingsOption), memo);
            var cache = parse.GetValue(noCache) ? null : ReportCache.ForMappings(parse.GetValue(mappingsOption), memo);
            var report = new RoleGenerator(knowledge, cache, memo: memo).Generate(parse.GetValue(template)!, parse.GetValue(functions) ?? []);
            if (parse.GetValue(inPlace))
            {
                PrintFindings(report);
                var written = WriteInPlace(report, PolicyLibrary(parse.GetValue(mappingsOption), memo), knowledge);
                return written == ExitCodes.Ok ? ExitCodeOf(report) : written;
            }
            var text = parse.GetValue(format) switch
            {
                "json" => ReportJsonWriter.Write(report),
                "sarif" => SarifWriter.Write(report, CheckCommand.ToolVersion),
                _ => RoleYamlWriter.Write(report),
            };
            if (parse.GetValue(output) is { } path) AtomicFile.Write(path, text);
            else Console.Out.Write(text);
            PrintFindings(report);
            return ExitCodeOf(report);
        });
        return command;
    }

    /// <summary>
    /// 1 when a function has an error finding (a handler not found, C# that does not parse, an SDK call the table does
    /// not know): its role lacks what the error stands for, so scripts and CI must not take the run for a success.
    /// </summary>
    private static int ExitCodeOf(RoleGenReport report) =>
        report.AllFindings.Any(f => f.Severity == Severity.Error) ? ExitCodes.GateFailed : ExitCodes.Ok;

    private static PolicyLibrary PolicyLibrary(string? mappingsDirectory, FileMemo? memo)
    {
        var directory = mappingsDirectory ?? MappingTableLoader.FindMappingsDirectory();
        return memo is null ? PolicyLibraryLoader.Load(directory) : memo.ForMappings("policies", directory, () => PolicyLibraryLoader.Load(directory));
    }

    /// <summary>
    /// What the template granted beyond need, and grants RoleGen could not read: in-place replaces them, and says which
    /// went (a layer or extension may have needed one). What SAM adds to every role it generates is not listed: giving
    /// the function its own role is the point.
    /// </summary>
    private static bool IsReplacedGrant(Finding finding) =>
        finding.Code == FindingCodes.BroaderThanNeeded && finding.Severity != Severity.Info || finding.Code == FindingCodes.GrantNotVisible;

    private static int WriteInPlace(RoleGenReport report, PolicyLibrary policies, RoleGenKnowledge knowledge)
    {
        var original = TemplateLoader.Load(report.TemplatePath);
        var patched = TemplatePatcher.Patch(original, report);
        foreach (var (function, why) in patched.Skipped)
            Console.Error.WriteLine($"rolegen: {function} left unchanged: {why}");
        if (patched.Text == original.Text)
        {
            Console.Error.WriteLine($"rolegen: {Path.GetFileName(report.TemplatePath)} is up to date.");
            return ExitCodes.Ok;
        }
        AtomicFile.Write(report.TemplatePath, patched.Text, AtomicFile.HasByteOrderMark(report.TemplatePath));
        Console.Error.WriteLine($"rolegen: wrote roles for {string.Join(", ", patched.Updated)} into {Path.GetFileName(report.TemplatePath)}.");
        PrintReplacedGrants(RoleChecker.WithDifferences(knowledge, policies, original, report, patched.Updated));
        return ExitCodes.Ok;
    }

    private static void PrintReplacedGrants(RoleGenReport compared)
    {
        foreach (var function in compared.Functions)
        {
            var replaced = function.Findings.Where(IsReplacedGrant).ToList();
            if (replaced.Count == 0) continue;
            Console.Error.WriteLine(
                $"rolegen: {function.LogicalId}: replaced grants its code does not need (to keep one that a layer, extension or macro needs, " +
                $"attach an AWS::IAM::Policy resource with it to {function.RoleLogicalId}: RoleGen leaves resources it did not write alone):");
            foreach (var finding in replaced) Console.Error.WriteLine(FindingPrinter.Format(finding with { Severity = Severity.Info }));
        }
    }

    private static void PrintFindings(RoleGenReport report)
    {
        foreach (var finding in report.Findings) Console.Error.WriteLine(FindingPrinter.Format(finding));
        foreach (var function in report.Functions)
        foreach (var finding in function.Findings)
            Console.Error.WriteLine(FindingPrinter.Format(finding, function.LogicalId));
        var all = report.AllFindings.ToList();
        Console.Error.WriteLine($"rolegen: {report.Functions.Length} function(s), {report.Functions.Sum(f => f.Statements.Length)} statement(s); " +
                                $"{all.Count(f => f.Severity == Severity.Error)} error(s), {all.Count(f => f.Severity == Severity.Warning)} warning(s).");
    }
}
