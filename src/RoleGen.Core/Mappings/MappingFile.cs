using RoleGen.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RoleGen.Core.Mappings;

/// <summary>
/// Reads one YAML file of the mappings folder with line numbers kept. Every loader reports errors the same way:
/// <c>mappings/&lt;file&gt;:&lt;line&gt;: YAML: &lt;problem&gt;</c>, with a location, as bad input (exit code 2).
/// </summary>
public static class MappingFile
{
    public static string Display(string path) => "mappings/" + Path.GetFileName(path);

    /// <summary>The file's single root mapping; <paramref name="expected"/> describes it for the error message.</summary>
    public static YamlMappingNode ReadRoot(string path, string expected) => ParseRoot(path, ReadText(path), expected);

    public static YamlMappingNode ParseRoot(string path, string text, string expected)
    {
        var display = Display(path);
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            // YamlDotNet also reports duplicate mapping keys this way ("Duplicate key").
            var line = (int)e.Start.Line;
            throw new RoleGenInputException($"{display}:{line}: YAML: {(e.InnerException?.Message ?? e.Message).Split('\n')[0]}",
                new SourceLocation(display, line, (int)e.Start.Column));
        }
        if (yaml.Documents.Count != 1 || yaml.Documents[0].RootNode is not YamlMappingNode root)
            throw new RoleGenInputException($"{display}:1: must hold one YAML mapping ({expected})", new SourceLocation(display, 1, 1));
        return root;
    }

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RoleGenInputException($"cannot read {Display(path)}: {e.Message}");
        }
    }
}
