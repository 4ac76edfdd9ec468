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
    public string Directory => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;

    public CfnMapping? Globals(string section) => (Root["Globals"] as CfnMapping)?[section] as CfnMapping;
}
