using FluentAssertions;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// String methods that change a name (Replace, TrimEnd, TrimStart, Substring): applied to literals at once, and to what
/// the template gives an environment variable once it is bound.
/// </summary>
public class TextEditTests
{
    private const string Table = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/";

    [Theory]
    [InlineData("\"orders_v2\".Replace(\"_\", \"-\")", "orders-v2")]
    [InlineData("\"orders/\".TrimEnd('/')", "orders")]
    [InlineData("\"/orders\".TrimStart('/')", "orders")]
    [InlineData("\"xxorders\".Substring(2)", "orders")]
    [InlineData("\"orders-archive\".Substring(0, 6)", "orders")]
    [InlineData("Environment.GetEnvironmentVariable(\"PLAIN\")!.Replace(\"-dev\", \"-prod\")", "orders-prod")]
    // ${Stage} may itself hold "-dev": what the call names is not known.
    [InlineData("Environment.GetEnvironmentVariable(\"TABLE\")!.Replace(\"-dev\", \"-prod\")", "*")]
    [InlineData("(Environment.GetEnvironmentVariable(\"TABLE\") + \"/\").TrimEnd('/')", "${Stage}-orders-dev")]
    [InlineData("Environment.GetEnvironmentVariable(\"TABLE\")!.Substring(1)", "*")] // a position in a template value is not known
    public void A_name_changed_by_a_string_method_is_the_changed_text(string expression, string table)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.DynamoDBv2;
            namespace App;
            public class Handler
            {
                private readonly IAmazonDynamoDB _ddb = new AmazonDynamoDBClient();
                public Task Run() => _ddb.DeleteTableAsync({{expression}});
            }
            """, "TABLE: !Sub \"${Stage}-orders-dev\"\nPLAIN: orders-dev", parameters: "Stage:\n  Type: String");

        report.Grants().Should().Equal($"dynamodb:DeleteTable {Table}{table}");
    }

    [Fact]
    public void A_websocket_url_from_the_template_with_its_scheme_replaced_names_the_api_and_stage()
    {
        var report = OneFunction.Run("""
            Chat:
              Type: AWS::ApiGatewayV2::Api
              Properties:
                ProtocolType: WEBSOCKET
            """, """
            using Amazon.ApiGatewayManagementApi;
            using Amazon.ApiGatewayManagementApi.Model;
            namespace App;
            public class Handler
            {
                private static readonly string StageUrl = Environment.GetEnvironmentVariable("WEBSOCKET_STAGE_URL")!;
                public Task Run(string id)
                {
                    var client = new AmazonApiGatewayManagementApiClient(new AmazonApiGatewayManagementApiConfig { ServiceURL = StageUrl.Replace("wss://", "https://").TrimEnd('/') });
                    return client.PostToConnectionAsync(new PostToConnectionRequest { ConnectionId = id });
                }
            }
            """, "WEBSOCKET_STAGE_URL: !Sub \"wss://${Chat}.execute-api.${AWS::Region}.amazonaws.com/prod/\"");

        report.Grants().Should().Equal("execute-api:ManageConnections arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Chat}/prod/POST/@connections/*");
        report.Findings.Should().NotContain(f => f.Code == FindingCodes.UnresolvedResource);
    }

    [Theory]
    [InlineData("uploads/", "key.Replace(\"uploads/\", \"done/\")", "done/*")]
    // What Replace looks for may begin in the key's run-time part: not known.
    [InlineData("up", "key.Replace(\"uploads/\", \"done/\")", "*")]
    [InlineData("uploads/", "key.Replace(\"s\", \"z\")", "*")] // may be anywhere in the run-time part too
    [InlineData("uploads/", "key.TrimEnd('/')", "uploads/*")]
    public void A_key_edited_around_its_run_time_part_is_known_only_where_the_edit_cannot_reach_it(string prefix, string edit, string expected)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.S3;
            namespace App;
            public class Handler
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                public Task Run(string name)
                {
                    var key = "{{prefix}}" + name;
                    return _s3.PutObjectAsync(new() { BucketName = "results", Key = {{edit}} });
                }
            }
            """);

        report.Grants().Should().Equal("s3:PutObject arn:${AWS::Partition}:s3:::results/" + expected);
    }

    /// <summary>
    /// A template reference is granted as what it is, so an edit that may change its text (an ARN holds ':' and '/') is
    /// not known: never the unchanged state machine ARN where an execution's is needed.
    /// </summary>
    [Theory]
    [InlineData("!Ref Workflow", "_arn.Replace(\":stateMachine:\", \":execution:\") + \":\" + name", "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:*:*")]
    [InlineData("!Ref Workflow", "_arn.Replace(\":stateMachine:\", \":execution:\")", "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:*:*")]
    [InlineData("!Ref Workflow", "(_arn + \":\" + name).Replace(\":stateMachine:\", \":execution:\")", "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:*:*")]
    // A name holds no ':': the edit of the literal before it is known.
    [InlineData("!GetAtt Workflow.Name", "(\"arn:aws:states:us-east-1:123456789012:execution:\" + _arn).Replace(\"arn:aws:\", \"arn:aws-cn:\") + \":\" + name", "arn:aws-cn:states:us-east-1:123456789012:execution:${Workflow.Name}:*")]
    public void An_edit_of_a_reference_that_may_hold_any_text_is_not_known(string variable, string executionArn, string expected)
    {
        var report = OneFunction.Run("""
            Workflow:
              Type: AWS::StepFunctions::StateMachine
            """, $$"""
            using Amazon.StepFunctions;
            using Amazon.StepFunctions.Model;
            namespace App;
            public class Handler
            {
                private static readonly string _arn = Environment.GetEnvironmentVariable("WORKFLOW")!;
                public Task Run(string name) => new AmazonStepFunctionsClient().StopExecutionAsync(new StopExecutionRequest { ExecutionArn = {{executionArn}} });
            }
            """, $"WORKFLOW: {variable}");

        report.Grants().Should().Equal("states:StopExecution " + expected);
    }
}
