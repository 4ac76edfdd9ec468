using System.Collections.Immutable;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Templates;

namespace RoleGen.Core.Emit;

/// <summary>
/// Writes the generated roles into a template, touching only what RoleGen owns: each function's <c>Role</c> and
/// <c>Policies</c>, the <c>&lt;LogicalId&gt;Role</c> resources it generated (marked in their Metadata), and a shared
/// role no remaining resource uses. Everything else keeps its bytes (comments, order, quoting, blank lines,
/// indentation); YAML and JSON differ only in how an edit is spelled (<see cref="IPatchSyntax"/>).
/// A function with error findings keeps its current permissions: replacing a broad role with an incomplete one
/// would break it in production.
/// </summary>
public static class TemplatePatcher
{
    public static InPlaceResult Patch(CfnTemplate template, RoleGenReport report)
    {
        var edits = new TextEdits(template.Text);
        IPatchSyntax syntax = template.Format == TemplateFormat.Json ? new JsonPatchSyntax(edits, template) : new YamlPatchSyntax(edits, template);
        var resources = (CfnMapping)template.Root["Resources"]!;
        var updated = ImmutableArray.CreateBuilder<string>();
        var skipped = ImmutableArray.CreateBuilder<(string, string)>();
        var appended = new List<FunctionReport>();
        var formerRoles = new HashSet<string>(StringComparer.Ordinal);

        foreach (var function in report.Functions)
        {
            if (function.Findings.FirstOrDefault(f => f.Severity == Severity.Error) is { } error)
            {
                skipped.Add((function.LogicalId, $"{error.Code}: {error.Message}"));
                continue;
            }
            var existingRole = resources.Entries.FirstOrDefault(e => e.Key == function.RoleLogicalId);
            var existingSelfPolicy = resources.Entries.FirstOrDefault(e => e.Key == function.SelfPolicyLogicalId);
            if (new[] { existingRole, existingSelfPolicy }.FirstOrDefault(e => e is not null && !IsGenerated(e.Value)) is { } taken)
            {
                skipped.Add((function.LogicalId, $"a resource named {taken.Key} already exists and was not written by RoleGen"));
                continue;
            }
            // Written again with the role (or not at all, when no statement names the function any more).
            if (existingSelfPolicy is not null) syntax.Remove(resources, existingSelfPolicy);

            var entry = resources.Entries.First(e => e.Key == function.LogicalId);
            var properties = (CfnMapping)((CfnMapping)entry.Value)["Properties"]!;
            if (PermissionsBoundary.RoleReferenced(properties["Role"]) is { } former && former != function.RoleLogicalId) formerRoles.Add(former);
            if (properties.Entries.FirstOrDefault(e => e.Key == "Role") is { } role) syntax.SetRole(role, function.RoleLogicalId);
            else syntax.AddRole(properties, function.RoleLogicalId);
            foreach (var policies in properties.Entries.Where(e => e.Key == "Policies")) syntax.Remove(properties, policies);

            var clean = function with { Findings = [] };
            if (existingRole is not null) syntax.ReplaceResource(existingRole, clean);
            else appended.Add(clean);
            updated.Add(function.LogicalId);
        }

        foreach (var roleId in UnusedRoles(template, resources, formerRoles, report))
            syntax.Remove(resources, resources.Entries.First(e => e.Key == roleId));
        if (appended.Count > 0) syntax.AppendResources(resources, appended);
        return new InPlaceResult(edits.Apply(), updated.ToImmutable(), skipped.ToImmutable());
    }

    /// <summary>Roles the functions used to share that nothing left in the template refers to.</summary>
    private static IEnumerable<string> UnusedRoles(CfnTemplate template, CfnMapping resources, HashSet<string> formerRoles, RoleGenReport report)
    {
        var rewired = report.Functions.Select(f => f.LogicalId).ToHashSet(StringComparer.Ordinal);
        foreach (var roleId in formerRoles.Order(StringComparer.Ordinal))
        {
            if (!template.Resources.TryGetValue(roleId, out var role) || role.Type != "AWS::IAM::Role") continue;
            var stillUsed = resources.Entries.Any(e => e.Key != roleId && !(rewired.Contains(e.Key) && OnlyRoleRefers(e.Value, roleId)) && Mentions(e.Value, roleId))
                            || template.Root["Outputs"] is { } outputs && Mentions(outputs, roleId);
            if (!stillUsed) yield return roleId;
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

    private static bool IsGenerated(CfnNode resource) =>
        resource is CfnMapping m && m["Metadata"] is CfnMapping metadata && metadata["RoleGen"] is CfnMapping rolegen &&
        rolegen["generated"] is CfnScalar { Value: "true" or "True" };
}
