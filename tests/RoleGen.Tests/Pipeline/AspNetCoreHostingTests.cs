using FluentAssertions;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// An ASP.NET Core application behind API Gateway (Amazon.Lambda.AspNetCoreServer): the handler FunctionHandlerAsync is
/// inherited from a package type, and what runs is the startup's set-up and every controller action.
/// </summary>
public class AspNetCoreHostingTests
{
    [Theory]
    [InlineData("Amazon.Lambda.AspNetCoreServer.APIGatewayProxyFunction", "protected override void Init(IWebHostBuilder builder) => builder.UseStartup<Startup>();")]
    [InlineData("APIGatewayHttpApiV2ProxyFunction<Startup>", "")]
    public void The_startup_and_every_controller_action_are_the_entry_points(string baseType, string init)
    {
        var report = OneFunction.Run("""
            Orders:
              Type: AWS::DynamoDB::Table
            Archive:
              Type: AWS::S3::Bucket
            """, $$"""
            using Amazon.DynamoDBv2;
            using Amazon.S3;
            namespace App;
            public class Handler : {{baseType}}
            {
                {{init}}
            }
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddSingleton<IAmazonDynamoDB>(new AmazonDynamoDBClient());
                    services.AddSingleton<IAmazonS3>(new AmazonS3Client());
                }
            }
            [ApiController]
            public class OrdersController(IAmazonDynamoDB ddb) : ControllerBase
            {
                public Task Get(string id) => ddb.DescribeTableAsync(Environment.GetEnvironmentVariable("TABLE"));
            }
            public class ArchiveController(IAmazonS3 s3) : Controller
            {
                public Task Put(string key) => s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = Environment.GetEnvironmentVariable("BUCKET"), Key = "archive/" + key });
                private Task Hidden() => s3.DeleteBucketAsync("x");
            }
            """, "TABLE: !Ref Orders\nBUCKET: !Ref Archive") with { };

        report.Findings.Should().NotContain(f => f.Severity == Severity.Error);
        report.Grants().Should().Equal(
            "dynamodb:DescribeTable arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${Orders}",
            "s3:PutObject arn:${AWS::Partition}:s3:::${Archive}/archive/*");
    }
}
