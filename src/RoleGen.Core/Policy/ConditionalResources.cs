using System.Collections.Immutable;
using RoleGen.Core.Templates;

namespace RoleGen.Core.Policy;

/// <summary>
/// Statements that name a resource the template creates only under a condition (<c>Condition: IsProd</c> on the resource):
/// when the condition is false CloudFormation rejects any reference to it, so such resources go to a statement of their
/// own that holds only under that condition. A condition the function itself is created under needs no such care.
/// </summary>
public static class ConditionalResources
{
    /// <param name="conditionOf">Each conditional resource's condition, by logical id.</param>
    /// <param name="functionCondition">The condition of the function (and so of its role), or null.</param>
    public static ImmutableArray<PolicyStatement> Apply(
        ImmutableArray<PolicyStatement> statements, IReadOnlyDictionary<string, string> conditionOf, string? functionCondition)
    {
        if (conditionOf.Count == 0) return statements;
        var result = ImmutableArray.CreateBuilder<PolicyStatement>();
        foreach (var statement in statements)
        {
            var groups = statement.Resources
                .GroupBy(resource => string.Join(",", ConditionsOf(resource, conditionOf, functionCondition)))
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToList();
            if (groups is [{ Key: "" }])
            {
                result.Add(statement);
                continue;
            }
            foreach (var group in groups)
            {
                var conditions = group.Key.Length == 0 ? [] : group.Key.Split(',').ToImmutableArray();
                result.Add(statement with
                {
                    Sid = statement.Sid + string.Concat(conditions.Select(c => "If" + new string(c.Where(char.IsAsciiLetterOrDigit).ToArray()))),
                    Resources = group.ToImmutableArray(),
                    TemplateConditions = conditions,
                });
            }
        }
        return result.ToImmutable();
    }

    private static IEnumerable<string> ConditionsOf(string resource, IReadOnlyDictionary<string, string> conditionOf, string? functionCondition) =>
        SubText.Split(resource)
            .Select(piece => piece.Reference)
            .OfType<string>()
            .Select(reference => reference.Split('.')[0])
            .Select(logicalId => conditionOf.GetValueOrDefault(logicalId))
            .OfType<string>()
            .Where(condition => condition != functionCondition)
            .Distinct()
            .Order(StringComparer.Ordinal);
}
