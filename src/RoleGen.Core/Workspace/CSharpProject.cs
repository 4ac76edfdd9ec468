using System.Collections.Immutable;

namespace RoleGen.Core.Workspace;

/// <summary>
/// A C# project found on disk: its .csproj, assembly name and the source files the analysis compiles: its own and
/// those of the projects it references (<see cref="ReferencedProjects"/>, transitively).
/// </summary>
public sealed record CSharpProject(string ProjectFile, string AssemblyName, ImmutableArray<string> SourceFiles)
{
    public ImmutableArray<string> ReferencedProjects { get; init; } = [];

    /// <summary>ProjectReferences (of the project or one it references) to project files that are not on disk: their code is not seen.</summary>
    public ImmutableArray<MissingProjectReference> MissingProjectReferences { get; init; } = [];

    /// <summary><c>OutputType</c> Exe: a program whose entry point runs the Lambda runtime client itself.</summary>
    public bool IsExecutable { get; init; }

    /// <summary><c>ImplicitUsings</c> enabled in the project or one it references: the compilation adds the SDK's global usings.</summary>
    public bool UsesImplicitUsings { get; init; }

    public string Directory => Path.GetDirectoryName(ProjectFile)!;
}

/// <summary>A <c>&lt;ProjectReference Include="..."&gt;</c> at <paramref name="Line"/> of <paramref name="ProjectFile"/> to a project that is not on disk.</summary>
public sealed record MissingProjectReference(string ProjectFile, string Include, int Line);
