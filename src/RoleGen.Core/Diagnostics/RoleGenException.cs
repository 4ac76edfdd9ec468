namespace RoleGen.Core.Diagnostics;

/// <summary>Bad input that stops the whole run (exit code 2): unreadable template, broken mapping table.</summary>
public sealed class RoleGenInputException(string message, SourceLocation? location = null) : Exception(message)
{
    public SourceLocation? Location { get; } = location;

    public string Describe() => Location is null ? Message : $"{Location.File}({Location.Line},{Location.Column}): {Message}";
}
