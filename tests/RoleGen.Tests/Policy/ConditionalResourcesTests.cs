using System.Collections.Immutable;
using FluentAssertions;
using RoleGen.Core.Policy;
using Xunit;

namespace RoleGen.Tests.Policy;

/// <summary>Statements naming resources the template creates only under a condition hold only under that condition.</summary>
public class ConditionalResourcesTests
{
    private static readonly Dictionary<string, string> Conditions = new() { ["Dlq"] = "HasDlq", ["Archive"] = "IsProd", ["Audit"] = "IsProd" };

    [Theory]
    // Nothing conditional: the statement as it was.
    [InlineData("${Orders.Arn}", null, "Sqs1:${Orders.Arn}:")]
    // All conditional: one statement under the condition.
    [InlineData("${Dlq.Arn}", null, "Sqs1IfHasDlq:${Dlq.Arn}:HasDlq")]
    // Mixed: the unconditional resources stay, the conditional ones get a statement of their own.
    [InlineData("${Orders.Arn}|${Dlq.Arn}", null, "Sqs1:${Orders.Arn}:|Sqs1IfHasDlq:${Dlq.Arn}:HasDlq")]
    // Two resources under the same condition share a statement; a resource naming two conditional ones holds under both.
    [InlineData("${Archive.Arn}|${Audit.Arn}|${Archive.Arn}/${Dlq.QueueName}", null, "Sqs1IfHasDlqIfIsProd:${Archive.Arn}/${Dlq.QueueName}:HasDlq,IsProd|Sqs1IfIsProd:${Archive.Arn},${Audit.Arn}:IsProd")]
    // The function is created under the same condition: its role only exists when the resource does.
    [InlineData("${Dlq.Arn}", "HasDlq", "Sqs1:${Dlq.Arn}:")]
    public void Resources_go_to_statements_by_the_conditions_they_are_created_under(string resources, string? functionCondition, string expected)
    {
        var statement = new PolicyStatement("Sqs1", ["sqs:SendMessage"], resources.Split('|').ToImmutableArray(), null, []);

        var result = ConditionalResources.Apply([statement], Conditions, functionCondition);

        result.Select(s => $"{s.Sid}:{string.Join(",", s.Resources)}:{string.Join(",", s.TemplateConditions)}").Should().Equal(expected.Split('|'));
        result.Should().AllSatisfy(s => s.Actions.Should().Equal("sqs:SendMessage"));
    }
}
