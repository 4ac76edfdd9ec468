using System.Collections.Immutable;
using System.Text;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Templates;

namespace RoleGen.Core.Emit;

/// <summary>
/// Writes the generated roles into a YAML template, touching only what RoleGen owns: each function's <c>Role</c>
/// and <c>Policies</c>, the <c>&lt;LogicalId&gt;Role</c> resources it generated (marked in their Metadata), and a
/// shared role that no remaining resource uses. Everything else (comments, order, quoting, blank lines) keeps its bytes.
/// A function with error findings keeps its current permissions: replacing a broad role with an incomplete one
/// would break it in production.
/// </summary>
public static class YamlTemplatePatcher
{
    public static InPlaceResult Patch(CfnTemplate template, RoleGenReport report)
    {
        if (template.Format != TemplateFormat.Yaml) throw new RoleGenInputException($"{Path.GetFileName(template.Path)}: --in-place supports YAML templates only for now; use --output for JSON templates.");
        var edits = new TextEdits(template.Text);
        var resources = (CfnMapping)template.Root["Resources"]!;
        var indent = new string(' ', resources.Entries[0].KeySpan.Column - 1);
        var updated = ImmutableArray.CreateBuilder<string>();
        var skipped = ImmutableArray.CreateBuilder<(string, string)>();
        var appended = new StringBuilder();
        var formerRoles = new HashSet<string>(StringComparer.Ordinal);

        foreach (var function in report.Functions)
        {
            if (function.Findings.FirstOrDefault(f => f.Severity == Severity.Error) is { } error)
            {
                skipped.Add((function.LogicalId, $"{error.Code}: {error.Message}"));
                continue;
            }
            var entry = resources.Entries.First(e => e.Key == function.LogicalId);
            var existingRole = resources.Entries.FirstOrDefault(e => e.Key == function.RoleLogicalId);
            if (existingRole is not null && !IsGenerated(existingRole.Value))
            {
                skipped.Add((function.LogicalId, $"a resource named {function.RoleLogicalId} already exists and was not written by RoleGen"));
                continue;
            }

            var properties = (CfnMapping)((CfnMapping)entry.Value)["Properties"]!;
            if (ReferencedRole(properties["Role"]) is { } former && former != function.RoleLogicalId) formerRoles.Add(former);
            PatchFunction(edits, properties, function.RoleLogicalId);

            var block = new StringBuilder();
            RoleYamlWriter.WriteRole(block, function with { Findings = [] }, indent);
            var text = edits.NewLine == "\n" ? block.ToString() : block.ToString().Replace("\n", edits.NewLine);
            if (existingRole is not null)
                edits.Replace(edits.LineStart(existingRole.KeySpan.Start), edits.NextLineStart(existingRole.Value.Span.End), text);
            else
                appended.Append(text);
            updated.Add(function.LogicalId);
        }

        RemoveUnusedRoles(edits, template, resources, formerRoles, report);
        if (appended.Length > 0)
        {
            var last = resources.Entries[^1];
            var at = edits.NextLineStart(last.Value.Span.End);
            var separator = at == template.Text.Length && !template.Text.EndsWith('\n') ? edits.NewLine : "";
            edits.Insert(at, separator + appended);
        }
        return new InPlaceResult(edits.Apply(), updated.ToImmutable(), skipped.ToImmutable());
    }

    private static void PatchFunction(TextEdits edits, CfnMapping properties, string roleId)
    {
        var roleText = $"!GetAtt {roleId}.Arn";
        if (properties.Entries.FirstOrDefault(e => e.Key == "Role") is { } role)
        {
            var colon = edits.Original.IndexOf(':', role.KeySpan.End);
            edits.Replace(colon, role.Value.Span.End, ": " + roleText);
        }
        else
        {
            var anchor = properties.Entries.FirstOrDefault(e => e.Key == "Handler") ?? properties.Entries[^1];
            var propertyIndent = new string(' ', properties.Entries[0].KeySpan.Column - 1);
            edits.Insert(edits.NextLineStart(anchor.Value.Span.End), $"{propertyIndent}Role: {roleText}{edits.NewLine}");
        }
        foreach (var superseded in properties.Entries.Where(e => e.Key is "Policies"))
            edits.Replace(edits.LineStart(superseded.KeySpan.Start), edits.NextLineStart(superseded.Value.Span.End), "");
    }

    /// <summary>A role the functions used to share goes when nothing left in the template refers to it.</summary>
    private static void RemoveUnusedRoles(TextEdits edits, CfnTemplate template, CfnMapping resources, HashSet<string> formerRoles, RoleGenReport report)
    {
        var rewired = report.Functions.Select(f => f.LogicalId).ToHashSet(StringComparer.Ordinal);
        foreach (var roleId in formerRoles)
        {
            if (!template.Resources.TryGetValue(roleId, out var role) || role.Type != "AWS::IAM::Role") continue;
            var stillUsed = resources.Entries.Any(e => e.Key != roleId && !(rewired.Contains(e.Key) && OnlyRoleRefers(e.Value, roleId)) && Mentions(e.Value, roleId))
                            || template.Root["Outputs"] is { } outputs && Mentions(outputs, roleId);
            if (stillUsed) continue;
            var entry = resources.Entries.First(e => e.Key == roleId);
            edits.Replace(edits.LineStart(entry.KeySpan.Start), edits.NextLineStart(entry.Value.Span.End), "");
        }
    }

    private static bool OnlyRoleRefers(CfnNode function, string roleId) =>
        function is CfnMapping m && m["Properties"] is CfnMapping p &&
        p.Entries.Where(e => e.Key != "Role").All(e => !Mentions(e.Value, roleId));

    private static bool Mentions(CfnNode node, string id) => node switch
    {
        CfnScalar s => s.Value == id || s.Value.StartsWith(id + ".", StringComparison.Ordinal) || s.Value.Contains("${" + id, StringComparison.Ordinal),
        CfnMapping m => m.Entries.Any(e => Mentions(e.Value, id)),
        CfnSequence q => q.Items.Any(i => Mentions(i, id)),
        _ => false,
    };

    private static string? ReferencedRole(CfnNode? role) => role switch
    {
        CfnMapping m when m.AsIntrinsic() is ("Fn::GetAtt", CfnSequence { Items: [CfnScalar id, ..] }) => id.Value,
        CfnMapping m when m.AsIntrinsic() is ("Ref", CfnScalar id) => id.Value,
        _ => null,
    };

    private static bool IsGenerated(CfnNode resource) =>
        resource is CfnMapping m && m["Metadata"] is CfnMapping metadata && metadata["RoleGen"] is CfnMapping rolegen &&
        rolegen["generated"] is CfnScalar { Value: "true" or "True" };
}
