namespace RoleGen.Core.Diagnostics;

public enum Severity { Info, Warning, Error }

/// <summary>
/// One diagnostic, in the same shape for the CLI, MSBuild and SARIF.
/// <see cref="File"/> is relative to the template's folder (forward slashes) when it lies below it.
/// </summary>
public sealed record Finding(
    string Code,
    Severity Severity,
    string Message,
    string? File = null,
    int? Line = null,
    int? Column = null)
{
    public static Finding At(string code, Severity severity, string message, SourceLocation? location) =>
        new(code, severity, message, location?.File, location?.Line, location?.Column);
}
