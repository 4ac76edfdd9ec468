using System.Collections.Immutable;
using RoleGen.Core.Caching;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Mappings;
using RoleGen.Core.Templates;

namespace RoleGen.Core.Check;

/// <summary>
/// <c>rolegen check</c>: generates what each .NET function needs, reads what it is granted today, and adds the
/// differences (RG3001, RG3002, RG3003, RG3007) to each function's findings. The report has the same shape as
/// <c>generate</c>'s, so the JSON and SARIF writers serve both.
/// </summary>
public sealed class RoleChecker(RoleGenKnowledge knowledge, PolicyLibrary policies, ReportCache? cache = null, FileMemo? memo = null)
{
    /// <summary>
    /// A checker for the mapping table in this folder (null: the shipped one), reusing reports from <paramref name="cache"/>
    /// when given, and with <paramref name="memo"/> (the RoleGen server) the table read by an earlier run while its files are the same.
    /// </summary>
    public static RoleChecker Load(string? mappingsDirectory = null, ReportCache? cache = null, FileMemo? memo = null)
    {
        var directory = mappingsDirectory ?? MappingTableLoader.FindMappingsDirectory();
        if (memo is null) return new RoleChecker(RoleGenKnowledge.Load(directory), PolicyLibraryLoader.Load(directory), cache);
        var (knowledge, policies) = memo.ForMappings("checker", directory, () => (RoleGenKnowledge.Load(directory), PolicyLibraryLoader.Load(directory)));
        return new RoleChecker(knowledge, policies, cache, memo);
    }

    /// <summary>Checks the template's .NET functions (or only <paramref name="onlyFunctions"/>). Throws <see cref="RoleGenInputException"/> on bad input.</summary>
    public RoleGenReport Check(string templatePath, IReadOnlyCollection<string>? onlyFunctions = null)
    {
        var template = TemplateLoader.Load(templatePath, memo);
        var specs = FunctionSpecReader.Read(template).Functions;
        if (onlyFunctions is { Count: > 0 })
        {
            var missing = onlyFunctions.Where(id => specs.All(f => f.LogicalId != id)).ToList();
            if (missing.Count > 0)
                throw new RoleGenInputException($"no function named {string.Join(", ", missing)} in {Path.GetFileName(templatePath)} (it has: {string.Join(", ", specs.Select(f => f.LogicalId))})");
        }

        // Every function is generated, so that a role shared with a function not being checked is judged fairly.
        var report = new RoleGenerator(knowledge, cache, memo: memo).Generate(templatePath);
        return WithDifferences(knowledge, policies, template, report, onlyFunctions);
    }

    /// <summary>
    /// <paramref name="report"/> (every .NET function of <paramref name="template"/>, or of its <paramref name="onlyFunctions"/>)
    /// with what each function is granted today compared with what it needs added to its findings.
    /// </summary>
    public static RoleGenReport WithDifferences(
        RoleGenKnowledge knowledge, PolicyLibrary policies, CfnTemplate template, RoleGenReport report, IReadOnlyCollection<string>? onlyFunctions = null)
    {
        var byId = FunctionSpecReader.Read(template).Functions.ToDictionary(f => f.LogicalId, StringComparer.Ordinal);
        var expressions = new TemplateExpressionReader(template, knowledge.Types);
        var reader = new CurrentGrantsReader(template, expressions, policies);
        var checker = new PermissionChecker(new ResourceMatcher(template, knowledge.Types, knowledge.Table.Catalog));
        var grants = report.Functions.ToDictionary(f => f.LogicalId, f => reader.For(byId[f.LogicalId]), StringComparer.Ordinal);
        var needs = report.Functions.ToDictionary(f => f.LogicalId, PermissionChecker.NeedsOf, StringComparer.Ordinal);

        var checkedFunctions = report.Functions
            .Where(f => onlyFunctions is not { Count: > 0 } || onlyFunctions.Contains(f.LogicalId))
            .Select(function =>
            {
                var own = grants[function.LogicalId];
                var sharers = own.RoleLogicalId is null ? [] : report.Functions
                    .Where(other => other.LogicalId != function.LogicalId && grants[other.LogicalId].RoleLogicalId == own.RoleLogicalId)
                    .Select(other => new RoleSharer(other.LogicalId, needs[other.LogicalId], PermissionChecker.CodeAnalysed(other)))
                    .ToList();
                var spec = byId[function.LogicalId];
                var declaredAt = new SourceLocation(Path.GetFileName(template.Path), spec.Span.Line, spec.Span.Column);
                var found = checker.Check(function, own, declaredAt, sharers);
                return function with { Findings = Sorted(function.Findings.Concat(found)) };
            })
            .ToImmutableArray();
        return report with { Functions = checkedFunctions };
    }

    private static ImmutableArray<Finding> Sorted(IEnumerable<Finding> findings) =>
        findings.Distinct()
            .OrderBy(f => f.File ?? "", StringComparer.Ordinal).ThenBy(f => f.Line ?? 0).ThenBy(f => f.Column ?? 0)
            .ThenBy(f => f.Code, StringComparer.Ordinal).ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToImmutableArray();
}
