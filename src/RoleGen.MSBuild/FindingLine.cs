using System;
using System.IO;
using System.Text.RegularExpressions;

namespace RoleGen.MSBuild;

/// <summary>
/// One line of RoleGen's output in the canonical compiler form (<c>file(line,col): warning RG1002: message</c>,
/// <c>file: error RG2001: message</c> or <c>rolegen: error RG3004: message</c>), with the file made absolute.
/// </summary>
public sealed class FindingLine
{
    private static readonly Regex Canonical = new(
        @"^(?<origin>.+?)(?:\((?<line>\d+)(?:,(?<col>\d+))?\))?: (?<severity>error|warning|info) (?<code>RG\d{4}): (?<message>.*)$",
        RegexOptions.CultureInvariant);

    public string? File { get; private set; }
    public int Line { get; private set; }
    public int Column { get; private set; }
    public string Severity { get; private set; } = "";
    public string Code { get; private set; } = "";
    public string Message { get; private set; } = "";

    /// <summary>
    /// Parses <paramref name="text"/>; null when it is not a finding. RoleGen prints paths relative to the template's
    /// folder: they are resolved against <paramref name="baseDirectory"/> so that the IDE can open them.
    /// </summary>
    public static FindingLine? TryParse(string text, string baseDirectory)
    {
        var match = Canonical.Match(text.TrimEnd('\r'));
        if (!match.Success) return null;
        var origin = match.Groups["origin"].Value;
        return new FindingLine
        {
            File = origin == "rolegen" ? null : Absolute(origin, baseDirectory),
            Line = match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value) : 0,
            Column = match.Groups["col"].Success ? int.Parse(match.Groups["col"].Value) : 0,
            Severity = match.Groups["severity"].Value,
            Code = match.Groups["code"].Value,
            Message = match.Groups["message"].Value,
        };
    }

    private static string Absolute(string path, string baseDirectory)
    {
        try { return Path.GetFullPath(Path.Combine(baseDirectory, path)); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException) { return path; }
    }
}
