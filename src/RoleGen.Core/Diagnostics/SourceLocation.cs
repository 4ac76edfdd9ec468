namespace RoleGen.Core.Diagnostics;

/// <summary>A 1-based line and column in a file; File is relative to the template folder when possible.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}";
}
