using System.Collections.Immutable;
using RoleGen.Core.Diagnostics;

namespace RoleGen.Core.Templates;

/// <summary>
/// Reads a SAM or CloudFormation template (YAML or JSON) into a <see cref="CfnTemplate"/>. Anything that would make
/// later stages guess (syntax errors, no Resources, a resource without Type) stops here with a
/// <see cref="RoleGenInputException"/> naming the file, line and column.
/// </summary>
public static class TemplateLoader
{
    /// <param name="memo">Across runs (the RoleGen server): parse again only when the file changed.</param>
    public static CfnTemplate Load(string path, Caching.FileMemo? memo)
    {
        var fullPath = Path.GetFullPath(path);
        return memo is null || !File.Exists(fullPath) ? Load(path) : memo.Get("template|" + path, fullPath, () => Load(path));
    }

    public static CfnTemplate Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
            throw new RoleGenInputException($"Template not found: {fullPath}");
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RoleGenInputException($"Cannot read template {fullPath}: {e.Message}");
        }
        return Parse(path, text);
    }

    public static CfnTemplate Parse(string path, string text)
    {
        // Diagnostics name files relative to the template's folder, which for the template itself is its name.
        var file = Path.GetFileName(path);
        var format = DetectFormat(path, text);
        var root = format == TemplateFormat.Json
            ? JsonTemplateParser.ParseRoot(file, text)
            : YamlTemplateParser.ParseRoot(file, text);

        if (root is not CfnMapping rootMapping)
            throw Invalid(file, "The template's top level must be a mapping of sections (Resources, Parameters...).", root.Span);

        var resources = ReadResources(file, rootMapping);
        var parameters = ReadParameters(file, rootMapping);
        return new CfnTemplate(path, text, format, rootMapping, resources, parameters);
    }

    private static TemplateFormat DetectFormat(string path, string text)
    {
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return TemplateFormat.Json;
        var first = text.AsSpan().TrimStart().TrimStart('\uFEFF');
        return first.Length > 0 && first[0] == '{' ? TemplateFormat.Json : TemplateFormat.Yaml;
    }

    private static ImmutableDictionary<string, CfnResource> ReadResources(string file, CfnMapping root)
    {
        var section = root["Resources"];
        if (section is null)
            throw new RoleGenInputException("The template has no Resources section.", new SourceLocation(file, 1, 1));
        if (section is not CfnMapping resources)
            throw Invalid(file, "Resources must be a mapping of logical ids to resources.", section.Span);

        var result = ImmutableDictionary.CreateBuilder<string, CfnResource>(StringComparer.Ordinal);
        foreach (var entry in resources.Entries)
        {
            if (entry.Value is not CfnMapping definition)
                throw Invalid(file, $"Resource '{entry.Key}' must be a mapping with a Type.", entry.KeySpan);
            if (definition["Type"] is not CfnScalar { Value.Length: > 0 } type)
                throw Invalid(file, $"Resource '{entry.Key}' has no Type.", entry.KeySpan);

            var span = entry.KeySpan with { End = Math.Max(entry.KeySpan.End, definition.Span.End) };
            result[entry.Key] = new CfnResource(entry.Key, type.Value, definition, span);
        }
        return result.ToImmutable();
    }

    private static ImmutableDictionary<string, CfnMapping> ReadParameters(string file, CfnMapping root)
    {
        var section = root["Parameters"];
        if (section is null) return ImmutableDictionary<string, CfnMapping>.Empty.WithComparers(StringComparer.Ordinal);
        if (section is not CfnMapping parameters)
            throw Invalid(file, "Parameters must be a mapping of parameter names to definitions.", section.Span);

        var result = ImmutableDictionary.CreateBuilder<string, CfnMapping>(StringComparer.Ordinal);
        foreach (var entry in parameters.Entries)
        {
            result[entry.Key] = entry.Value as CfnMapping
                ?? throw Invalid(file, $"Parameter '{entry.Key}' must be a mapping with a Type.", entry.KeySpan);
        }
        return result.ToImmutable();
    }

    private static RoleGenInputException Invalid(string file, string message, TextSpan span) =>
        new(message, new SourceLocation(file, span.Line, span.Column));
}
