using RoleGen.Core.Mappings;
using RoleGen.Core.Templates;

namespace RoleGen.Tests.Templates;

/// <summary>Helpers for template tests: a compact rendering of a node tree, and the repository's data files.</summary>
internal static class TemplateText
{
    /// <summary>Renders a tree without spans or quoting, so YAML and JSON forms of one template compare equal.</summary>
    public static string Render(CfnNode node) => node switch
    {
        CfnScalar scalar => scalar.Value,
        CfnSequence sequence => "[" + string.Join(", ", sequence.Items.Select(Render)) + "]",
        CfnMapping mapping => "{" + string.Join(", ", mapping.Entries.Select(e => $"{e.Key}: {Render(e.Value)}")) + "}",
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    public static CfnTemplate Yaml(string text) => TemplateLoader.Parse("/templates/template.yaml", text);

    /// <summary>The node at a path of mapping keys and sequence indexes below the root.</summary>
    public static CfnNode At(CfnTemplate template, params object[] path)
    {
        CfnNode node = template.Root;
        foreach (var step in path)
        {
            node = step switch
            {
                string key => ((CfnMapping)node)[key] ?? throw new KeyNotFoundException(key),
                int index => ((CfnSequence)node).Items[index],
                _ => throw new ArgumentException("path steps are keys or indexes"),
            };
        }
        return node;
    }

    public static string RepositoryFile(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RoleGen.sln")))
            directory = directory.Parent;
        if (directory is null) throw new InvalidOperationException("RoleGen.sln not found above the test folder");
        return Path.Combine([directory.FullName, .. parts]);
    }

    public static CloudFormationTypes RepositoryTypes() =>
        CloudFormationTypesLoader.Load(RepositoryFile("mappings", CloudFormationTypesLoader.FileName));
}
