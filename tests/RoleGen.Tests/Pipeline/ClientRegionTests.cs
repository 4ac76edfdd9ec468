using FluentAssertions;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>A client built for a fixed region calls ARNs in that region, not the stack's.</summary>
public class ClientRegionTests
{
    [Theory]
    [InlineData("new AmazonDynamoDBClient(RegionEndpoint.USEast1)", "us-east-1")]
    [InlineData("new AmazonDynamoDBClient(RegionEndpoint.APSoutheast2)", "ap-southeast-2")]
    [InlineData("new AmazonDynamoDBClient(RegionEndpoint.USGovCloudWest1)", "us-gov-west-1")]
    [InlineData("new AmazonDynamoDBClient(Amazon.RegionEndpoint.GetBySystemName(\"eu-west-1\"))", "eu-west-1")]
    [InlineData("new AmazonDynamoDBClient(new AmazonDynamoDBConfig { RegionEndpoint = RegionEndpoint.EUCentral1 })", "eu-central-1")]
    [InlineData("new AmazonDynamoDBClient()", "${AWS::Region}")]
    public void The_ARN_is_in_the_region_the_client_was_built_for(string client, string region)
    {
        var report = OneFunction.Run("""
            Orders:
              Type: AWS::DynamoDB::Table
            """, $$"""
            using Amazon;
            using Amazon.DynamoDBv2;
            namespace App;
            public class Handler
            {
                private readonly IAmazonDynamoDB _ddb = {{client}};
                public Task Run() => _ddb.DescribeTableAsync(Environment.GetEnvironmentVariable("TABLE"));
            }
            """, "TABLE: !Ref Orders");

        report.Grants().Should().Equal($"dynamodb:DescribeTable arn:${{AWS::Partition}}:dynamodb:{region}:${{AWS::AccountId}}:table/${{Orders}}");
    }
}
