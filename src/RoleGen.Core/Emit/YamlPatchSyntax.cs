using System.Text;
using RoleGen.Core.Templates;

namespace RoleGen.Core.Emit;

/// <summary>Edits in block YAML: whole lines, indented like their siblings, in the file's line endings.</summary>
internal sealed class YamlPatchSyntax(TextEdits edits, CfnTemplate template) : IPatchSyntax
{
    public void SetRole(CfnEntry role, string roleId)
    {
        var colon = edits.Original.IndexOf(':', role.KeySpan.End);
        edits.Replace(colon, role.Value.Span.End, $": !GetAtt {roleId}.Arn");
    }

    public void AddRole(CfnMapping properties, string roleId)
    {
        var anchor = properties.Entries.FirstOrDefault(e => e.Key == "Handler") ?? properties.Entries[^1];
        var indent = new string(' ', properties.Entries[0].KeySpan.Column - 1);
        edits.Insert(edits.NextLineStart(anchor.Value.Span.End), $"{indent}Role: !GetAtt {roleId}.Arn{edits.NewLine}");
    }

    public void Remove(CfnMapping mapping, CfnEntry entry) =>
        edits.Replace(edits.LineStart(entry.KeySpan.Start), edits.NextLineStart(entry.Value.Span.End), "");

    public void ReplaceResource(CfnEntry resource, FunctionReport function) =>
        edits.Replace(edits.LineStart(resource.KeySpan.Start), edits.NextLineStart(resource.Value.Span.End), Block(function, Indent(resource)));

    public void AppendResources(CfnMapping resources, IReadOnlyList<FunctionReport> functions)
    {
        var last = resources.Entries[^1];
        var at = edits.NextLineStart(last.Value.Span.End);
        var separator = at == template.Text.Length && !template.Text.EndsWith('\n') ? edits.NewLine : "";
        edits.Insert(at, separator + string.Concat(functions.Select(f => Block(f, Indent(resources.Entries[0])))));
    }

    private static string Indent(CfnEntry entry) => new(' ', entry.KeySpan.Column - 1);

    private string Block(FunctionReport function, string indent)
    {
        var block = new StringBuilder();
        RoleYamlWriter.WriteRole(block, function, indent);
        return edits.NewLine == "\n" ? block.ToString() : block.ToString().Replace("\n", edits.NewLine);
    }
}
