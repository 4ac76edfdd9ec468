using System.Collections.Immutable;
using FluentAssertions;
using RoleGen.Core;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Diff;
using RoleGen.Core.Permissions;
using RoleGen.Core.Policy;
using Xunit;

namespace RoleGen.Tests.Diff;

public class ReportDifferTests
{
    internal static PolicyStatement Statement(string[] actions, string[] resources, params Reason[] reasons) =>
        new("S", actions.ToImmutableArray(), resources.ToImmutableArray(), null, reasons.ToImmutableArray());

    internal static Reason Code(string file, int line, string call) => new(file, line, 1, call);

    internal static RoleGenReport Report(params FunctionReport[] functions) => new("t.yaml", functions.ToImmutableArray(), []);

    internal static FunctionReport Function(string id, params PolicyStatement[] statements) => new(id, "A::B::C", statements.ToImmutableArray(), []);

    [Fact]
    public void Regrouped_statements_and_new_sids_are_no_change()
    {
        var before = Report(Function("F", Statement(["s3:GetObject", "s3:PutObject"], ["arn:b/*"], Code("a.cs", 1, "IAmazonS3.GetObjectAsync"))));
        var after = Report(Function("F",
            Statement(["s3:GetObject"], ["arn:b/*"], Code("a.cs", 5, "IAmazonS3.GetObjectAsync")) with { Sid = "S3x" },
            Statement(["s3:PutObject"], ["arn:b/*"], Code("a.cs", 6, "IAmazonS3.PutObjectAsync"))));

        var diff = ReportDiffer.Compare(before, after);

        diff.Functions.Should().BeEmpty();
        diff.UnchangedFunctions.Should().Be(1);
        diff.IsEmpty.Should().BeTrue();
        DiffText.Headline(diff).Should().Be("No permission changes");
    }

    [Fact]
    public void One_action_more_on_an_existing_statement_is_one_added_permission_with_the_call_that_needs_it()
    {
        var before = Report(Function("F", Statement(["dynamodb:GetItem"], ["arn:t"], Code("a.cs", 10, "IAmazonDynamoDB.GetItemAsync"))));
        var after = Report(Function("F", Statement(["dynamodb:DeleteItem", "dynamodb:GetItem"], ["arn:t"],
            Code("a.cs", 11, "IAmazonDynamoDB.GetItemAsync"), Code("a.cs", 12, "IAmazonDynamoDB.DeleteItemAsync"))));

        var function = ReportDiffer.Compare(before, after).Functions.Should().ContainSingle().Subject;

        function.Change.Should().Be(FunctionChange.Changed);
        function.Removed.Should().BeEmpty();
        function.Added.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Action = "dynamodb:DeleteItem", Resource = "arn:t", IsWildcard = false });
        function.Added[0].Reasons.Should().Equal(Code("a.cs", 12, "IAmazonDynamoDB.DeleteItemAsync"));
    }

    [Fact]
    public void Reasons_fall_back_to_new_calls_and_then_to_the_whole_statement()
    {
        // DynamoDBContext.SaveAsync needs PutItem: no call is named after the action, but the call is new.
        var before = Report(Function("F", Statement(["dynamodb:GetItem"], ["arn:t"], Code("a.cs", 1, "IAmazonDynamoDB.GetItemAsync"))));
        var after = Report(Function("F", Statement(["dynamodb:GetItem", "dynamodb:PutItem"], ["arn:t"],
            Code("a.cs", 1, "IAmazonDynamoDB.GetItemAsync"), Code("b.cs", 3, "DynamoDBContext.SaveAsync"))));
        ReportDiffer.Compare(before, after).Functions[0].Added[0].Reasons.Should().Equal(Code("b.cs", 3, "DynamoDBContext.SaveAsync"));

        // A resource that changed because the template did: the same call, nothing new; every reason is shown.
        var moved = Report(Function("F", Statement(["dynamodb:GetItem"], ["arn:other"], Code("a.cs", 1, "IAmazonDynamoDB.GetItemAsync"))));
        var change = ReportDiffer.Compare(before, moved).Functions[0];
        change.Added.Should().ContainSingle().Which.Reasons.Should().Equal(Code("a.cs", 1, "IAmazonDynamoDB.GetItemAsync"));
        change.Removed.Should().ContainSingle().Which.Resource.Should().Be("arn:t");
    }

    [Fact]
    public void Conditions_are_part_of_a_permission()
    {
        var condition = PolicyCondition.Single("StringLike", "s3:prefix", ["in/*"]);
        var before = Report(Function("F", Statement(["s3:ListBucket"], ["arn:b"], Code("a.cs", 1, "IAmazonS3.ListObjectsV2Async")) with { Condition = condition }));
        var after = Report(Function("F", Statement(["s3:ListBucket"], ["arn:b"], Code("a.cs", 1, "IAmazonS3.ListObjectsV2Async"))));

        var function = ReportDiffer.Compare(before, after).Functions.Single();

        function.Added.Should().ContainSingle().Which.Condition.Should().BeNull();
        function.Removed.Should().ContainSingle().Which.Condition.Should().Be(condition);
        DiffText.Permission(function.Removed[0]).Should().Be("s3:ListBucket on arn:b when StringLike s3:prefix = in/*");
    }

    [Fact]
    public void Added_and_removed_functions_wildcards_and_new_findings()
    {
        var logs = new Reason(Rule: "logs");
        var before = Report(
            Function("Gone", Statement(["sqs:SendMessage"], ["arn:q"], Code("g.cs", 1, "IAmazonSQS.SendMessageAsync"))),
            Function("Kept", Statement(["logs:CreateLogStream"], ["arn:lg:*"], logs)) with
            {
                Findings = [new Finding("RG1002", Severity.Warning, "old", "k.cs", 3, 1)],
            });
        var after = Report(
            Function("Kept", Statement(["logs:CreateLogStream"], ["arn:lg:*"], logs), Statement(["s3:*"], ["*"], Code("k.cs", 9, "IAmazonS3.GetObjectAsync"))) with
            {
                Findings = [new Finding("RG1002", Severity.Warning, "old", "k.cs", 30, 1), new Finding("RG1001", Severity.Error, "new", "k.cs", 9, 1)],
            },
            Function("New", Statement(["logs:CreateLogStream"], ["arn:new:*"], logs)));

        var diff = ReportDiffer.Compare(before, after);

        diff.Functions.Select(f => (f.LogicalId, f.Change)).Should().Equal(("Gone", FunctionChange.Removed), ("Kept", FunctionChange.Changed), ("New", FunctionChange.Added));
        var kept = diff.Functions[1];
        kept.NewWildcards.Should().ContainSingle().Which.Action.Should().Be("s3:*");
        kept.NewFindings.Should().ContainSingle().Which.Message.Should().Be("new", "a finding that only moved to another line is not new");
        diff.Functions[2].NewWildcards.Should().BeEmpty("the log group's :* is what every function gets by rule");
        diff.FunctionsGaining.Should().Be(2);
        diff.FunctionsLosing.Should().Be(1);
        DiffText.Headline(diff).Should().Be("2 functions gain permissions, 1 loses (1 new wildcard, 1 new finding, 1 function added, 1 function removed)");
    }

    [Theory]
    [InlineData(1, 0, "1 function gains permissions")]
    [InlineData(0, 1, "1 function loses permissions")]
    [InlineData(3, 1, "3 functions gain permissions, 1 loses")]
    [InlineData(1, 2, "1 function gains permissions, 2 lose")]
    public void Headline_grammar(int gaining, int losing, string expected)
    {
        var functions = Enumerable.Range(0, Math.Max(gaining, losing)).Select(i => new FunctionDiff($"F{i}", FunctionChange.Changed,
            i < gaining ? [new PermissionChange("s3:GetObject", "arn:x", null, [])] : [],
            i < losing ? [new PermissionChange("s3:PutObject", "arn:x", null, [])] : [], []));
        DiffText.Headline(new ReportDiff(functions.ToImmutableArray(), [], 0)).Should().Be(expected);
    }
}
