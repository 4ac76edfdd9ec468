using FluentAssertions;
using RoleGen.Tests.Cli;
using Xunit;

namespace RoleGen.Tests.Golden;

/// <summary>
/// Runs the real CLI over every sample and compares with the expected roles checked in beside it
/// (samples/&lt;name&gt;/expected-roles.yaml, read by a person). On a difference the actual output is written
/// beside it as expected-roles.yaml.actual (git-ignored) so that the change can be read, never blindly copied.
/// </summary>
public class SampleGoldenTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var template in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "samples"), "template.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(Path.GetDirectoryName(template))!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Generated_roles_match_the_expected_output(string sample)
    {
        var folder = Path.Combine(RepositoryRoot.Path, "samples", sample);
        var expectedPath = Path.Combine(folder, "expected-roles.yaml");
        var result = RoleGenProcess.Run(folder, "generate", "--template", "template.yaml");

        result.ExitCode.Should().Be(0, result.Stderr);
        var actual = result.Stdout.ReplaceLineEndings("\n");
        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).ReplaceLineEndings("\n") : "";
        if (actual != expected) File.WriteAllText(expectedPath + ".actual", actual);
        actual.Should().Be(expected, $"samples/{sample}/expected-roles.yaml should match; the actual output is in expected-roles.yaml.actual");
    }

    [Fact]
    public void Every_sample_is_covered()
    {
        Samples().Should().HaveCountGreaterThanOrEqualTo(3);
    }
}
