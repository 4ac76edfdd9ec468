using RoleGen.Core.Diagnostics;

namespace RoleGen.Cli;

/// <summary>Findings in the canonical compiler form <c>file(line,col): warning RG1002: message</c>, which IDEs and CI logs recognise.</summary>
public static class FindingPrinter
{
    public static string Format(Finding finding, string? function = null)
    {
        var where = finding.File is null ? "rolegen" : finding.Line is null ? finding.File : $"{finding.File}({finding.Line},{finding.Column ?? 1})";
        var severity = finding.Severity.ToString().ToLowerInvariant();
        return $"{where}: {severity} {finding.Code}: {(function is null ? "" : function + ": ")}{finding.Message}";
    }
}
