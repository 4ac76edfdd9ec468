using System.Collections.Immutable;

namespace RoleGen.Core.Workspace;

/// <summary>A C# project found on disk: its .csproj, assembly name and the source files it compiles.</summary>
public sealed record CSharpProject(string ProjectFile, string AssemblyName, ImmutableArray<string> SourceFiles)
{
    public string Directory => Path.GetDirectoryName(ProjectFile)!;
}
