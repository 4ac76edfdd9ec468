using System.Collections.Immutable;
using System.Globalization;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Mappings;
using RoleGen.Core.Permissions;

namespace RoleGen.Core.Policy;

public sealed record PolicyResult(ImmutableArray<PolicyStatement> Statements, ImmutableArray<Finding> Findings);

/// <summary>
/// Merges permissions into a small, deterministic policy: drops resources a wildcard of the same action already
/// covers, groups actions that share exactly the same resources and condition, sorts everything ordinally and
/// numbers statements so that the same input always gives the same bytes. Checks actions against the catalogue
/// and the role's inline policy size limit.
/// </summary>
public sealed class PolicyBuilder(IamCatalog catalog)
{
    /// <summary>IAM's limit on the total size of a role's inline policies, in characters without white space.</summary>
    public const int InlinePolicyLimit = 10_240;

    /// <summary>
    /// The account field of an ARN when it is written out and is no account id: not 12 digits, nor a template value, a
    /// wildcard, empty (S3) or <c>aws</c> (AWS managed resources). Null otherwise.
    /// </summary>
    private static string? ArnAccount(string arn)
    {
        // ${AWS::Partition} holds colons: a template value counts as one part of the ARN.
        var parts = System.Text.RegularExpressions.Regex.Replace(arn, @"\$\{[^}]*\}", "\u0001").Split(':', 6);
        if (parts.Length < 6 || parts[0] != "arn") return null;
        var account = parts[4];
        return account.Length == 0 || account == "aws" || account.Contains('*') || account.Contains('\u0001') ||
               account.Contains('?') || (account.Length == 12 && account.All(char.IsAsciiDigit))
            ? null
            : account;
    }

    /// <summary>
    /// A token no resource name holds, outside the template's <c>${...}</c>: <c>&lt;SNS_TOPIC_ARN&gt;</c> from a tutorial, or a
    /// <c>{name}</c> a string missing its <c>$</c> leaves as is. Null when there is none.
    /// </summary>
    private static string? Placeholder(string arn)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(arn, @"\$\{[^}]*\}", "");
        var match = System.Text.RegularExpressions.Regex.Match(text, @"<[^<>]*>|\{[^{}]*\}");
        return match.Success ? match.Value : null;
    }

    public PolicyResult Build(IEnumerable<Permission> permissions)
    {
        var findings = new List<Finding>();
        var all = permissions.ToList();
        foreach (var unknown in all.Select(p => p.Action).Distinct().Where(a => catalog.FindAction(a) is null).Order(StringComparer.Ordinal))
            findings.Add(new Finding(FindingCodes.InvalidAction, Severity.Error, $"{unknown} is not an IAM action in the catalogue."));
        foreach (var (arn, account, reason) in all.Select(p => (p.Resource, Account: ArnAccount(p.Resource), p.Reason)).Where(r => r.Account is not null).DistinctBy(r => r.Resource).OrderBy(r => r.Resource, StringComparer.Ordinal))
            findings.Add(Finding.At(FindingCodes.MalformedArn, Severity.Warning,
                $"{arn} names account '{account}', which is no AWS account id (12 digits): the grant matches nothing. A placeholder left in the code or template?",
                reason.File is null ? null : new SourceLocation(reason.File, reason.Line ?? 1, reason.Column ?? 1)));
        foreach (var (arn, placeholder, reason) in all.Select(p => (p.Resource, Placeholder: Placeholder(p.Resource), p.Reason)).Where(r => r.Placeholder is not null && ArnAccount(r.Resource) is null).DistinctBy(r => r.Resource).OrderBy(r => r.Resource, StringComparer.Ordinal))
            findings.Add(Finding.At(FindingCodes.MalformedArn, Severity.Warning,
                $"{arn} holds '{placeholder}', a placeholder left in the code or template (a sample's <YOUR_TOPIC_ARN>, a {{name}} not interpolated): the grant names no real resource, and the call will be denied.",
                reason.File is null ? null : new SourceLocation(reason.File, reason.Line ?? 1, reason.Column ?? 1)));

        // (action, condition) -> resource -> reasons, keeping only resources no other resource of the same group covers.
        var grants = new List<(string Action, string Resource, PolicyCondition? Condition, ImmutableArray<Reason> Reasons)>();
        foreach (var group in all.GroupBy(p => (p.Action, Condition: p.Condition?.Key ?? "")))
        {
            var byResource = group.GroupBy(p => p.Resource).ToDictionary(g => g.Key, g => g.Select(p => p.Reason).ToList(), StringComparer.Ordinal);
            var resources = byResource.Keys.Order(StringComparer.Ordinal).ToList();
            foreach (var resource in resources)
            {
                var cover = resources.FirstOrDefault(other => other != resource && ResourcePattern.Covers(other, resource) && !ResourcePattern.Covers(resource, other));
                if (cover is not null) byResource[cover].AddRange(byResource[resource]);
            }
            foreach (var resource in resources.Where(r => !resources.Any(o => o != r && ResourcePattern.Covers(o, r) && !ResourcePattern.Covers(r, o))))
                grants.Add((group.Key.Action, resource, group.First().Condition, Sorted(byResource[resource])));
        }

        // Actions that share exactly the same resources and condition go in one statement.
        var byResourceSet = grants
            .GroupBy(g => (g.Resource, Condition: g.Condition?.Key ?? ""))
            .Select(g => (Resources: g.Key.Resource, g.First().Condition, Actions: g.Select(x => x.Action).Distinct().Order(StringComparer.Ordinal).ToImmutableArray(), Reasons: g.SelectMany(x => x.Reasons).ToList()))
            .GroupBy(g => (Actions: string.Join(",", g.Actions), Condition: g.Condition?.Key ?? ""))
            .Select(g => (g.First().Actions, Resources: g.Select(x => x.Resources).Order(StringComparer.Ordinal).ToImmutableArray(), g.First().Condition, Reasons: Sorted(g.SelectMany(x => x.Reasons))))
            .OrderBy(s => s.Actions[0].Split(':')[0] == "logs" ? 0 : 1) // what every function needs comes first
            .ThenBy(s => s.Actions[0], StringComparer.Ordinal)
            .ThenBy(s => string.Join(",", s.Actions), StringComparer.Ordinal)
            .ThenBy(s => string.Join(",", s.Resources), StringComparer.Ordinal)
            .ThenBy(s => s.Condition?.Key ?? "", StringComparer.Ordinal)
            .ToList();

        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        var statements = byResourceSet.Select(s =>
        {
            var prefix = SidPrefix(s.Actions[0]);
            counters[prefix] = counters.GetValueOrDefault(prefix) + 1;
            return new PolicyStatement($"{prefix}{counters[prefix]}", s.Actions, s.Resources, s.Condition, s.Reasons);
        }).ToImmutableArray();

        var size = PolicySize.Of(statements);
        if (size > InlinePolicyLimit)
            findings.Add(new Finding(FindingCodes.PolicyTooLarge, Severity.Error,
                $"The generated policy is {size} characters; IAM allows {InlinePolicyLimit} for a role's inline policies. Split the function or use fewer distinct resources."));
        return new PolicyResult(statements, findings.ToImmutableArray());
    }

    private static string SidPrefix(string action)
    {
        var prefix = action.Split(':')[0];
        return CultureInfo.InvariantCulture.TextInfo.ToTitleCase(prefix.Replace("-", " ")).Replace(" ", "");
    }

    private static ImmutableArray<Reason> Sorted(IEnumerable<Reason> reasons) =>
        reasons.Distinct()
            .OrderBy(r => r.Rule is not null ? 0 : r.Template is not null ? 1 : 2)
            .ThenBy(r => r.Rule ?? r.Template ?? r.File ?? "", StringComparer.Ordinal)
            .ThenBy(r => r.Line ?? 0).ThenBy(r => r.Column ?? 0).ThenBy(r => r.Call ?? "", StringComparer.Ordinal)
            .ToImmutableArray();
}
