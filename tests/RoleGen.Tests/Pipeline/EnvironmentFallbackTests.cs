using FluentAssertions;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary><c>GetEnvironmentVariable("X") ?? "default"</c>: the default is granted only when the template may leave X unset.</summary>
public class EnvironmentFallbackTests
{
    private const string Table = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/";

    [Theory]
    [InlineData("TABLE: !Ref Orders", $"{Table}${{Orders}}")]
    [InlineData("", $"{Table}*")] // not set: the variable's table is unknown (its * covers the default)
    [InlineData("TABLE: !If [UseOrders, !Ref Orders, !Ref AWS::NoValue]", $"{Table}${{Orders}}|{Table}orders-local")]
    public void The_fallback_is_granted_only_when_the_variable_may_be_unset(string environment, string expected)
    {
        var report = OneFunction.Run("""
            Orders:
              Type: AWS::DynamoDB::Table
            """, """
            using Amazon.DynamoDBv2;
            namespace App;
            public class Handler
            {
                private static readonly string TableName = Environment.GetEnvironmentVariable("TABLE") ?? "orders-local";
                private readonly IAmazonDynamoDB _ddb = new AmazonDynamoDBClient();
                public Task Run() => _ddb.DescribeTableAsync(TableName);
            }
            """, environment);

        string.Join("|", report.Grants().Select(g => g["dynamodb:DescribeTable ".Length..])).Should().Be(expected);
    }
}
