using FluentAssertions;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>The hosting environment's name (IHostEnvironment.EnvironmentName) is what the .NET host reads from the environment.</summary>
public class HostEnvironmentTests
{
    private const string Table = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/";

    [Theory]
    [InlineData("ASPNETCORE_ENVIRONMENT: Staging", "Staging-Orders")]
    // ASPNETCORE_ENVIRONMENT comes first: unset in the template, it may be set where RoleGen cannot see (as any variable).
    [InlineData("DOTNET_ENVIRONMENT: Dev", "*-Orders")]
    [InlineData("ASPNETCORE_ENVIRONMENT: !Ref Stage\nDOTNET_ENVIRONMENT: Dev", "${Stage}-Orders")]
    public void A_table_named_after_the_hosting_environment_is_the_one_the_template_sets(string environment, string table)
    {
        var report = OneFunction.Run("", """
            using Amazon.DynamoDBv2;
            using Microsoft.Extensions.Hosting;
            namespace App;
            public class Handler
            {
                private static IHostEnvironment Env = null!;
                private readonly IAmazonDynamoDB _db = new AmazonDynamoDBClient();
                public Task Run() => _db.DeleteTableAsync($"{Env.EnvironmentName}-Orders");
            }
            """, environment, parameters: "Stage:\n  Type: String");

        report.Grants().Should().Equal($"dynamodb:DeleteTable {Table}{table}");
    }

    [Fact]
    public void Unset_it_is_whatever_is_set_where_RoleGen_cannot_see_and_reported()
    {
        var report = OneFunction.Run("", """
            using Amazon.DynamoDBv2;
            using Microsoft.AspNetCore.Hosting;
            namespace App;
            public class Handler
            {
                private static IWebHostEnvironment Env = null!;
                private readonly IAmazonDynamoDB _db = new AmazonDynamoDBClient();
                public Task Run() => _db.DeleteTableAsync(Env.EnvironmentName + "-Orders");
            }
            """);

        report.Grants().Should().Equal($"dynamodb:DeleteTable {Table}*-Orders");
        report.Findings.Should().Contain(f => f.Code == RoleGen.Core.Diagnostics.FindingCodes.UnboundEnvironmentVariable && f.Message.Contains("ASPNETCORE_ENVIRONMENT"));
    }
}
