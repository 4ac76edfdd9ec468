using System.Collections.Immutable;

namespace RoleGen.Core.Templates;

public enum TemplateFormat { Yaml, Json }

public sealed record CfnResource(string LogicalId, string Type, CfnMapping Definition, TextSpan Span)
{
    public CfnMapping Properties => Definition["Properties"] as CfnMapping ?? new CfnMapping([], Span);
}

/// <summary>A parsed SAM or CloudFormation template: its text (kept for in-place patching) and its tree.</summary>
public sealed record CfnTemplate(
    string Path,
    string Text,
    TemplateFormat Format,
    CfnMapping Root,
    ImmutableDictionary<string, CfnResource> Resources,
    ImmutableDictionary<string, CfnMapping> Parameters)
{
    private readonly string _path = Path;

    public string Path
    {
        get => _path;
        init => (_path, Directory) = (value, DirectoryOf(value));
    }

    /// <summary>
    /// The template's absolute folder, computed once: Path.GetFullPath asks the OS for the working directory on each
    /// call, and every function of a large template needs this folder several times.
    /// </summary>
    public string Directory { get; private init; } = DirectoryOf(Path);

    public CfnMapping? Globals(string section) => (Root["Globals"] as CfnMapping)?[section] as CfnMapping;

    private static string DirectoryOf(string path) => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
}
