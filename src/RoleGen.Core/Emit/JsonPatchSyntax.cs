using System.Text;
using Newtonsoft.Json;
using RoleGen.Core.Templates;

namespace RoleGen.Core.Emit;

/// <summary>
/// Edits in JSON: commas kept right, new members indented with the file's own indentation unit, in its line endings.
/// </summary>
internal sealed class JsonPatchSyntax(TextEdits edits, CfnTemplate template) : IPatchSyntax
{
    private readonly string _unit = IndentUnit(template);

    public void SetRole(CfnEntry role, string roleId) =>
        edits.Replace(role.Value.Span.Start, role.Value.Span.End, RoleReference(roleId));

    public void AddRole(CfnMapping properties, string roleId)
    {
        var anchor = properties.Entries.FirstOrDefault(e => e.Key == "Handler") ?? properties.Entries[^1];
        edits.Insert(anchor.Value.Span.End, $",{edits.NewLine}{IndentOf(anchor)}\"Role\": {RoleReference(roleId)}");
    }

    public void Remove(CfnMapping mapping, CfnEntry entry)
    {
        var index = mapping.Entries.IndexOf(entry);
        if (index > 0)
            edits.Replace(mapping.Entries[index - 1].Value.Span.End, entry.Value.Span.End, ""); // ",\n  \"Key\": value"
        else if (mapping.Entries.Length > 1)
            edits.Replace(entry.KeySpan.Start, mapping.Entries[1].KeySpan.Start, "");
        else
            edits.Replace(entry.KeySpan.Start, entry.Value.Span.End, "");
    }

    public void ReplaceResource(CfnEntry resource, FunctionReport function) =>
        edits.Replace(resource.Value.Span.Start, resource.Value.Span.End, RoleJson(function, IndentOf(resource)) + SelfPolicy(function, IndentOf(resource)));

    public void AppendResources(CfnMapping resources, IReadOnlyList<FunctionReport> functions)
    {
        var last = resources.Entries[^1];
        var indent = IndentOf(last);
        edits.Insert(last.Value.Span.End, string.Concat(functions.Select(f =>
            $",{edits.NewLine}{indent}{JsonConvert.ToString(f.RoleLogicalId)}: {RoleJson(f, indent)}{SelfPolicy(f, indent)}")));
    }

    /// <summary>The function's self policy as a following member (with its comma), or nothing.</summary>
    private string SelfPolicy(FunctionReport function, string indent) =>
        RoleJsonWriter.WriteSelfPolicy(function, _unit) is { } text
            ? $",{edits.NewLine}{indent}{JsonConvert.ToString(function.SelfPolicyLogicalId)}: {Indented(text, indent)}"
            : "";

    private static string RoleReference(string roleId) => $"{{\"Fn::GetAtt\": [{JsonConvert.ToString(roleId)}, \"Arn\"]}}";

    private string IndentOf(CfnEntry entry) => edits.Original[edits.LineStart(entry.KeySpan.Start)..entry.KeySpan.Start];

    /// <summary>The role as JSON in the file's indentation, starting at the column of its key.</summary>
    private string RoleJson(FunctionReport function, string indent)
    {
        return Indented(RoleJsonWriter.Write(function, _unit), indent);
    }

    private string Indented(string text, string indent) =>
        string.Join(edits.NewLine, text.Split('\n').Select((line, i) => i == 0 ? line : indent + line));

    /// <summary>The file's indentation step: the indentation of the first member of the root object.</summary>
    private static string IndentUnit(CfnTemplate template)
    {
        var first = template.Root.Entries.FirstOrDefault();
        if (first is null) return "  ";
        var lineStart = template.Text.LastIndexOf('\n', Math.Max(0, first.KeySpan.Start - 1)) + 1;
        var unit = template.Text[lineStart..first.KeySpan.Start];
        return unit.Length > 0 && unit.All(char.IsWhiteSpace) ? unit : "  ";
    }
}
