using FluentAssertions;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// EventBridge rules through the real mapping table: a rule on the default bus is rule/name, one on another bus
/// rule/bus/name (EventBusName "default" is the default bus); a target's RoleArn (and PutRule's) is passed to
/// EventBridge (iam:PassRole).
/// </summary>
public class EventBridgeRuleTests
{
    private const string Rule = "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/";

    [Theory]
    [InlineData("_events.EnableRuleAsync(new EnableRuleRequest { Name = \"nightly-stop\" })", "events:EnableRule R:nightly-stop")]
    [InlineData("_events.DisableRuleAsync(new DisableRuleRequest { Name = \"nightly-stop\" })", "events:DisableRule R:nightly-stop")]
    [InlineData("_events.DisableRuleAsync(new DisableRuleRequest { Name = \"nightly-stop\", EventBusName = \"default\" })", "events:DisableRule R:nightly-stop")]
    [InlineData("_events.DisableRuleAsync(new DisableRuleRequest { Name = \"order-created\", EventBusName = \"orders\" })", "events:DisableRule R:orders/order-created")]
    [InlineData("_events.DescribeRuleAsync(new DescribeRuleRequest { Name = \"nightly-stop\" })", "events:DescribeRule R:nightly-stop")]
    [InlineData("_events.DeleteRuleAsync(new DeleteRuleRequest { Name = \"old\", Force = true })", "events:DeleteRule R:old")]
    [InlineData("_events.PutRuleAsync(new PutRuleRequest { Name = \"nightly-stop\", ScheduleExpression = \"cron(0 20 * * ? *)\", State = RuleState.ENABLED })",
        "events:PutRule R:nightly-stop")]
    [InlineData("_events.PutRuleAsync(new PutRuleRequest { Name = \"fwd\", EventPattern = \"{}\", RoleArn = \"arn:aws:iam::111122223333:role/CrossAccountBus\" })",
        "events:PutRule R:fwd|iam:PassRole arn:aws:iam::111122223333:role/CrossAccountBus if StringEquals{iam:PassedToService=events.amazonaws.com}")]
    [InlineData("_events.ListTargetsByRuleAsync(new ListTargetsByRuleRequest { Rule = \"nightly-stop\" })", "events:ListTargetsByRule R:nightly-stop")]
    [InlineData("_events.RemoveTargetsAsync(new RemoveTargetsRequest { Rule = \"order-created\", EventBusName = \"orders\", Ids = new List<string> { \"t1\" } })",
        "events:RemoveTargets R:orders/order-created")]
    // A Lambda target needs no role; a Kinesis target is invoked with the role the target names, passed to EventBridge.
    [InlineData("_events.PutTargetsAsync(new PutTargetsRequest { Rule = \"nightly-stop\", Targets = new List<Target> { new Target { Id = \"fn\", Arn = \"arn:aws:lambda:us-east-1:111122223333:function:stopper\" } } })",
        "events:PutTargets R:nightly-stop")]
    [InlineData("_events.PutTargetsAsync(new PutTargetsRequest { Rule = \"order-created\", EventBusName = \"orders\", Targets = new List<Target> { new Target { Id = \"fn\", Arn = \"arn:aws:lambda:us-east-1:111122223333:function:f\" }, new Target { Id = \"ks\", Arn = \"arn:aws:kinesis:us-east-1:111122223333:stream/s\", RoleArn = \"arn:aws:iam::111122223333:role/EventsToKinesis\" } } })",
        "events:PutTargets R:orders/order-created|iam:PassRole arn:aws:iam::111122223333:role/EventsToKinesis if StringEquals{iam:PassedToService=events.amazonaws.com}")]
    [InlineData("_events.ListRulesAsync(new ListRulesRequest { NamePrefix = \"nightly\" })", "events:ListRules *")]
    public void Each_rule_call_is_granted_on_the_rule_of_its_bus(string call, string expected)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.EventBridge;
            using Amazon.EventBridge.Model;
            namespace App;
            public class Handler
            {
                private readonly IAmazonEventBridge _events = new AmazonEventBridgeClient();
                public Task Run() => {{call}};
            }
            """);

        report.Findings.Should().NotContain(f => f.Severity >= Severity.Warning);
        report.Grants().Select(g => g.Replace(Rule, "R:")).Should().Equal(expected.Split('|'));
    }

    [Fact]
    public void A_rule_the_template_makes_is_named_by_its_Ref_and_a_bus_by_its_Ref()
    {
        var report = OneFunction.Run("""
            NightlyStop:
              Type: AWS::Events::Rule
              Properties:
                ScheduleExpression: cron(0 20 * * ? *)
            Orders:
              Type: AWS::Events::EventBus
              Properties:
                Name: orders
            """, """
            using Amazon.EventBridge;
            using Amazon.EventBridge.Model;
            namespace App;
            public class Handler
            {
                private readonly IAmazonEventBridge _events = new AmazonEventBridgeClient();
                private static string Env(string name) => Environment.GetEnvironmentVariable(name)!;
                public async Task Run(bool on)
                {
                    if (on) await _events.EnableRuleAsync(new EnableRuleRequest { Name = Env("RULE") });
                    else await _events.DisableRuleAsync(new DisableRuleRequest { Name = Env("RULE") });
                    await _events.DisableRuleAsync(new DisableRuleRequest { Name = "order-created", EventBusName = Env("BUS") });
                }
            }
            """, "RULE: !Ref NightlyStop\nBUS: !Ref Orders");

        report.Findings.Should().NotContain(f => f.Severity >= Severity.Warning);
        // The bus's Ref is its name, orders: a name from the template may be "default", so both ARNs of order-created are kept.
        report.Grants().Select(g => g.Replace(Rule, "R:")).Should().Equal(
            "events:DisableRule R:${NightlyStop}",
            "events:DisableRule R:${Orders}/order-created",
            "events:DisableRule R:order-created",
            "events:EnableRule R:${NightlyStop}");
    }

    [Fact]
    public void A_target_role_from_the_template_is_passed_by_its_ARN()
    {
        var report = OneFunction.Run("""
            ToKinesis:
              Type: AWS::IAM::Role
              Properties:
                AssumeRolePolicyDocument: {}
            """, """
            using Amazon.EventBridge;
            using Amazon.EventBridge.Model;
            namespace App;
            public class Handler
            {
                public Task Run(string id) => new AmazonEventBridgeClient().PutTargetsAsync(new PutTargetsRequest
                {
                    Rule = "audit",
                    Targets = new List<Target> { new Target { Id = id, Arn = "arn:aws:kinesis:us-east-1:111122223333:stream/audit", RoleArn = Environment.GetEnvironmentVariable("ROLE") } },
                });
            }
            """, "ROLE: !GetAtt ToKinesis.Arn");

        report.Grants().Should().Equal(
            $"events:PutTargets {Rule}audit",
            "iam:PassRole ${ToKinesis.Arn} if StringEquals{iam:PassedToService=events.amazonaws.com}");
    }
}
