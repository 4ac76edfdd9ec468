using FluentAssertions;
using RoleGen.Core;
using RoleGen.Core.Emit;
using RoleGen.Tests.Mappings;
using Xunit;

namespace RoleGen.Tests.Golden;

/// <summary>
/// Golden cases read by a person: each folder of tests/RoleGen.Tests/cases holds a template, a small app and the
/// JSON report RoleGen must write for it (expected.json, written and checked by hand). The real pipeline runs on
/// the folder in the source tree; the report must match byte for byte (line endings aside).
/// </summary>
public class CaseTests
{
    private static readonly Lazy<RoleGenKnowledge> Knowledge = new(() => RoleGenKnowledge.Load(RealTable.Directory));

    public static string CasesDirectory { get; } = FindCases();

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.EnumerateDirectories(CasesDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal))
            data.Add(folder!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Report_matches_expected_json(string name)
    {
        var folder = Path.Combine(CasesDirectory, name);
        var expectedPath = Path.Combine(folder, "expected.json");
        File.Exists(expectedPath).Should().BeTrue($"case {name} needs an expected.json written by hand");

        var report = new RoleGenerator(Knowledge.Value).Generate(Path.Combine(folder, "template.yaml"));
        var actual = ReportJsonWriter.Write(report);

        if (Normalize(actual) != Normalize(File.ReadAllText(expectedPath))) File.WriteAllText(expectedPath + ".actual", actual); // for a person to read, never to copy blindly
        Normalize(actual).Should().Be(Normalize(File.ReadAllText(expectedPath)), $"the report of case {name} must match {expectedPath} (actual output: expected.json.actual)");
    }

    /// <summary>
    /// The walk binds only code that can lead to an SDK call and follows the rest by name: the reports must be those of
    /// binding everything, for every case and bundled sample.
    /// </summary>
    [Theory]
    [MemberData(nameof(CasesAndSamples))]
    public void Report_is_the_same_when_all_reached_code_is_bound(string template)
    {
        var pruned = ReportJsonWriter.Write(new RoleGenerator(Knowledge.Value).Generate(template));
        var bound = ReportJsonWriter.Write(new RoleGenerator(Knowledge.Value, bindAllCode: true).Generate(template));
        pruned.Should().Be(bound);
    }

    public static TheoryData<string> CasesAndSamples()
    {
        var data = new TheoryData<string>();
        var samples = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(CasesDirectory)))!, "samples");
        foreach (var folder in Directory.EnumerateDirectories(CasesDirectory).Concat(Directory.EnumerateDirectories(samples)).Order(StringComparer.Ordinal))
            if (File.Exists(Path.Combine(folder, "template.yaml"))) data.Add(Path.Combine(folder, "template.yaml"));
        return data;
    }

    [Fact]
    public void There_are_cases()
    {
        Directory.EnumerateDirectories(CasesDirectory).Count().Should().BeGreaterThanOrEqualTo(10);
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n");

    private static string FindCases()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "RoleGen.Tests", "cases");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"tests/RoleGen.Tests/cases not found above {AppContext.BaseDirectory}");
    }
}
