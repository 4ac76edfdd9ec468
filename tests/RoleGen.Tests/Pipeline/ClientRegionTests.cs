using FluentAssertions;
using RoleGen.Core.Diagnostics;
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
    // The region's name followed as any value: what the template sets, or unknown (a * and a finding, never the stack's).
    [InlineData("new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(Environment.GetEnvironmentVariable(\"DATA_REGION\")))", "eu-west-1")]
    [InlineData("new AmazonDynamoDBClient(new AmazonDynamoDBConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(Environment.GetEnvironmentVariable(\"STACK_REGION\")) })", "${AWS::Region}")]
    [InlineData("new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(Environment.GetEnvironmentVariable(\"PARAM_REGION\")))", "${DataRegion}")]
    [InlineData("new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(Environment.GetEnvironmentVariable(\"UNSET_REGION\")))", "*")]
    [InlineData("new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(Environment.GetEnvironmentVariable(\"UNSET_REGION\") ?? \"us-east-1\"))", "*")]
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
            """, "TABLE: !Ref Orders\nDATA_REGION: eu-west-1\nSTACK_REGION: !Ref AWS::Region\nPARAM_REGION: !Ref DataRegion", parameters: "DataRegion:\n  Type: String");

        report.Grants().Should().Equal([$"dynamodb:DescribeTable arn:${{AWS::Partition}}:dynamodb:{region}:${{AWS::AccountId}}:table/${{Orders}}"], string.Join("\n", report.Findings.Select(f => f.Message)));
        if (region == "*") report.Findings.Should().Contain(f => f.Code == FindingCodes.PartiallyResolvedResource || f.Code == FindingCodes.UnresolvedResource);
        if (client.Contains("UNSET_REGION")) report.Findings.Should().Contain(f => f.Code == FindingCodes.UnboundEnvironmentVariable && f.Message.Contains("UNSET_REGION"));
    }
}
