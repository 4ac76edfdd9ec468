using FluentAssertions;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// Lambda event source mappings through the real mapping table: a mapping is named by its UUID (a template mapping's
/// Ref), its ARN is event-source-mapping:UUID; CreateEventSourceMapping and ListEventSourceMappings are on *, the create
/// narrowed to the function it names by lambda:FunctionArn.
/// </summary>
public class EventSourceMappingTests
{
    private const string Esm = "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:event-source-mapping:";

    private const string Resources = """
        Orders:
          Type: AWS::SQS::Queue
        OrdersTrigger:
          Type: AWS::Lambda::EventSourceMapping
          Properties:
            EventSourceArn: !GetAtt Orders.Arn
            FunctionName: !Ref Worker
        """;

    [Theory]
    [InlineData("_lambda.GetEventSourceMappingAsync(new GetEventSourceMappingRequest { UUID = \"14e0db71-5d35-4eb5-b481-8945cf9d10c2\" })",
        "lambda:GetEventSourceMapping E:14e0db71-5d35-4eb5-b481-8945cf9d10c2")]
    [InlineData("_lambda.UpdateEventSourceMappingAsync(new UpdateEventSourceMappingRequest { UUID = \"14e0db71-5d35-4eb5-b481-8945cf9d10c2\", Enabled = false })",
        "lambda:UpdateEventSourceMapping E:14e0db71-5d35-4eb5-b481-8945cf9d10c2")]
    [InlineData("_lambda.DeleteEventSourceMappingAsync(new DeleteEventSourceMappingRequest { UUID = \"14e0db71-5d35-4eb5-b481-8945cf9d10c2\" })",
        "lambda:DeleteEventSourceMapping E:14e0db71-5d35-4eb5-b481-8945cf9d10c2")]
    // The mapping the template makes: its Ref is the UUID.
    [InlineData("_lambda.UpdateEventSourceMappingAsync(new UpdateEventSourceMappingRequest { UUID = Env(\"TRIGGER\"), Enabled = true })",
        "lambda:UpdateEventSourceMapping E:${OrdersTrigger}")]
    [InlineData("_lambda.GetEventSourceMappingAsync(new GetEventSourceMappingRequest { UUID = Env(\"TRIGGER\") })",
        "lambda:GetEventSourceMapping E:${OrdersTrigger}")]
    [InlineData("_lambda.ListEventSourceMappingsAsync(new ListEventSourceMappingsRequest { FunctionName = Env(\"WORKER\") })",
        "lambda:ListEventSourceMappings *")]
    // Create: on *, narrowed to the function's ARN (which ends in the name or ARN the request gives).
    [InlineData("_lambda.CreateEventSourceMappingAsync(new CreateEventSourceMappingRequest { FunctionName = \"worker\", EventSourceArn = \"arn:aws:sqs:us-east-1:111122223333:orders\", BatchSize = 10 })",
        "lambda:CreateEventSourceMapping * if StringLike{lambda:FunctionArn=*worker}")]
    [InlineData("_lambda.CreateEventSourceMappingAsync(new CreateEventSourceMappingRequest { FunctionName = Env(\"WORKER\"), EventSourceArn = Env(\"QUEUE_ARN\") })",
        "lambda:CreateEventSourceMapping * if StringLike{lambda:FunctionArn=*${Worker}}")]
    [InlineData("_lambda.CreateEventSourceMappingAsync(new CreateEventSourceMappingRequest { FunctionName = \"worker\", EventSourceArn = Env(\"QUEUE_ARN\"), Tags = new Dictionary<string, string> { [\"team\"] = \"orders\" } })",
        "lambda:CreateEventSourceMapping * if StringLike{lambda:FunctionArn=*worker}|lambda:TagResource E:*")]
    public void Each_mapping_call_is_granted_on_the_mapping_it_names(string call, string expected)
    {
        var report = OneFunction.Run(Resources, $$"""
            using Amazon.Lambda;
            using Amazon.Lambda.Model;
            namespace App;
            public class Handler
            {
                private readonly IAmazonLambda _lambda = new AmazonLambdaClient();
                private static string Env(string name) => Environment.GetEnvironmentVariable(name)!;
                public Task Run() => {{call}};
            }
            """, "TRIGGER: !Ref OrdersTrigger\nWORKER: !Ref Worker\nQUEUE_ARN: !GetAtt Orders.Arn", parameters: "Worker:\n  Type: String");

        report.Findings.Should().NotContain(f => f.Severity >= Severity.Error);
        report.Grants().Select(g => g.Replace(Esm, "E:")).Should().Equal(expected.Split('|'));
    }

    [Fact]
    public void A_function_that_pauses_a_trigger_is_granted_update_on_that_mapping_only()
    {
        var report = OneFunction.Run(Resources, """
            using Amazon.Lambda;
            using Amazon.Lambda.Model;
            namespace App;
            public class Handler
            {
                private readonly IAmazonLambda _lambda = new AmazonLambdaClient();
                public async Task Run(bool pause)
                {
                    var uuid = Environment.GetEnvironmentVariable("TRIGGER");
                    var current = await _lambda.GetEventSourceMappingAsync(new GetEventSourceMappingRequest { UUID = uuid });
                    if (current.State == "Enabled" && pause)
                        await _lambda.UpdateEventSourceMappingAsync(new UpdateEventSourceMappingRequest { UUID = uuid, Enabled = false });
                }
            }
            """, "TRIGGER: !Ref OrdersTrigger", parameters: "Worker:\n  Type: String");

        report.Findings.Should().NotContain(f => f.Severity >= Severity.Warning);
        report.Grants().Should().Equal(
            $"lambda:GetEventSourceMapping {Esm}${{OrdersTrigger}}",
            $"lambda:UpdateEventSourceMapping {Esm}${{OrdersTrigger}}");
    }

    [Fact]
    public void A_function_that_pauses_its_own_trigger_is_granted_any_mapping_since_its_role_cannot_name_it()
    {
        // OwnTrigger invokes Fn: a Ref from Fn's role would be a circular dependency, and a UUID has no name to spell.
        var report = OneFunction.Run("""
            Orders:
              Type: AWS::SQS::Queue
            OwnTrigger:
              Type: AWS::Lambda::EventSourceMapping
              Properties:
                EventSourceArn: !GetAtt Orders.Arn
                FunctionName: !Ref Fn
            """, """
            using Amazon.Lambda;
            using Amazon.Lambda.Model;
            namespace App;
            public class Handler
            {
                private readonly IAmazonLambda _lambda = new AmazonLambdaClient();
                public Task Run() => _lambda.UpdateEventSourceMappingAsync(new UpdateEventSourceMappingRequest { UUID = Environment.GetEnvironmentVariable("TRIGGER"), Enabled = false });
            }
            """, "TRIGGER: !Ref OwnTrigger");

        report.Grants().Should().Contain($"lambda:UpdateEventSourceMapping {Esm}*");
        report.Grants().Should().NotContain(g => g.Contains("event-source-mapping:arn:"));
    }
}
