using System.Text.RegularExpressions;

namespace RoleGen.Core.Templates;

/// <summary>
/// The SAM CLI's deploy configuration next to a template (samconfig.toml, .yaml or .yml): the stack names it deploys
/// the template as. RoleGen reads only <c>stack_name</c>, to tell when CloudFormation will shorten the function
/// names it generates (and so the log group names the role is written for).
/// </summary>
public static partial class SamConfig
{
    private static readonly string[] FileNames = ["samconfig.toml", "samconfig.yaml", "samconfig.yml"];

    public static IEnumerable<string> FilesNextTo(string templatePath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(templatePath))!;
        return FileNames.Select(name => Path.Combine(directory, name)).Where(File.Exists);
    }

    /// <summary>Every stack name the configuration files set (one per environment), in file order.</summary>
    public static IReadOnlyList<string> StackNames(string templatePath) =>
        FilesNextTo(templatePath)
            .SelectMany(file => StackName().Matches(File.ReadAllText(file)).Select(m => m.Groups["name"].Value))
            .Where(name => name.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    // TOML: stack_name = "orders"; YAML: stack_name: orders (quoted or not).
    [GeneratedRegex(@"^\s*stack_name\s*[=:]\s*[""']?(?<name>[A-Za-z0-9-]+)[""']?\s*$", RegexOptions.Multiline)]
    private static partial Regex StackName();
}
