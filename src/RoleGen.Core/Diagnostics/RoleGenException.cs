namespace RoleGen.Core.Diagnostics;

/// <summary>Bad input that stops the whole run (exit code 2): unreadable template, broken mapping table.</summary>
public sealed class RoleGenInputException(string message, SourceLocation? location = null, string code = FindingCodes.TemplateUnreadable) : Exception(message)
{
    public SourceLocation? Location { get; } = location;

    public string Code { get; } = code;

    /// <summary>The canonical one-line form: <c>file(line,col): error RG2001: message</c>.</summary>
    public string Describe() => Location is null ? $"rolegen: error {Code}: {Message}" : $"{Location.File}({Location.Line},{Location.Column}): error {Code}: {Message}";
}
