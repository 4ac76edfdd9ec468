using FluentAssertions;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>Requests built with the SDK's positional constructors name their resources like the method overloads do.</summary>
public class RequestConstructorTests
{
    private const string Table = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/";

    [Theory]
    [InlineData("_sqs.SendMessageAsync(new SendMessageRequest(Queue, \"body\"))", "sqs:SendMessage ${Jobs.Arn}")]
    [InlineData("_sqs.SendMessageAsync(new SendMessageRequest(Queue, \"body\") { DelaySeconds = 5 })", "sqs:SendMessage ${Jobs.Arn}")]
    [InlineData("_sqs.DeleteMessageAsync(new DeleteMessageRequest(Queue, \"handle\"))", "sqs:DeleteMessage ${Jobs.Arn}")]
    [InlineData("_ddb.GetItemAsync(new GetItemRequest(TableName, new Dictionary<string, AttributeValue>()))", $"dynamodb:GetItem {Table}${{Orders}}")]
    [InlineData("_ddb.GetItemAsync(new GetItemRequest(TableName, new Dictionary<string, AttributeValue>(), true))", $"dynamodb:GetItem {Table}${{Orders}}")]
    [InlineData("_ddb.ScanAsync(new ScanRequest(TableName))", $"dynamodb:Scan {Table}${{Orders}}")]
    // The initializer's property wins over the constructor's argument.
    [InlineData("_ddb.ScanAsync(new ScanRequest(\"ignored\") { TableName = TableName })", $"dynamodb:Scan {Table}${{Orders}}")]
    public void The_constructor_arguments_set_the_properties_the_overload_of_that_length_sets(string call, string expected)
    {
        var report = OneFunction.Run("""
            Jobs:
              Type: AWS::SQS::Queue
            Orders:
              Type: AWS::DynamoDB::Table
            """, $$"""
            using Amazon.SQS;
            using Amazon.SQS.Model;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            namespace App;
            public class Handler
            {
                private static readonly string Queue = Environment.GetEnvironmentVariable("QUEUE_URL");
                private static readonly string TableName = Environment.GetEnvironmentVariable("TABLE");
                private readonly IAmazonSQS _sqs = new AmazonSQSClient();
                private readonly IAmazonDynamoDB _ddb = new AmazonDynamoDBClient();
                public Task Run() => {{call}};
            }
            """, "QUEUE_URL: !Ref Jobs\nTABLE: !Ref Orders");

        report.Grants().Should().Equal(expected);
    }
}
