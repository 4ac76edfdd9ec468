using FluentAssertions;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>A client built with credentials of its own calls AWS as them: the function's role needs nothing for its calls.</summary>
public class OwnCredentialsTests
{
    private const string Object = "s3:GetObject arn:${AWS::Partition}:s3:::b/k";

    [Theory]
    [InlineData("new AmazonS3Client(new BasicAWSCredentials(\"AKIAEXAMPLE\", \"secret\"), RegionEndpoint.USEast1)", "access keys (BasicAWSCredentials)", Severity.Warning)]
    [InlineData("new AmazonS3Client(\"AKIAEXAMPLE\", Environment.GetEnvironmentVariable(\"SECRET\"))", "access keys passed to its constructor", Severity.Warning)]
    [InlineData("new AmazonS3Client(Keys)", "access keys (SessionAWSCredentials)", Severity.Warning)]
    [InlineData("new AmazonS3Client(Profile())", "a credentials profile", Severity.Warning)]
    [InlineData("new AmazonS3Client(new AssumeRoleAWSCredentials(FallbackCredentialsFactory.GetCredentials(), \"arn:aws:iam::111122223333:role/Reader\", \"s\"))", "an assumed role's credentials (AssumeRoleAWSCredentials)", Severity.Info)]
    public void Calls_on_a_client_with_credentials_of_its_own_are_not_granted_to_the_function(string client, string credentials, Severity severity)
    {
        var report = Run(client);

        report.Grants().Should().BeEmpty();
        report.Findings.Should().ContainSingle(f => f.Code == FindingCodes.OwnCredentials)
            .Which.Should().Match<Finding>(f => f.Severity == severity && f.Message.Contains(credentials) && f.Message.Contains("s3:GetObject on arn:${AWS::Partition}:s3:::b/k"));
    }

    [Theory]
    [InlineData("new AmazonS3Client()")]
    [InlineData("new AmazonS3Client(FallbackCredentialsFactory.GetCredentials())")]
    // The keys the Lambda runtime sets for the function's role.
    [InlineData("new AmazonS3Client(new SessionAWSCredentials(Environment.GetEnvironmentVariable(\"AWS_ACCESS_KEY_ID\"), Environment.GetEnvironmentVariable(\"AWS_SECRET_ACCESS_KEY\"), Environment.GetEnvironmentVariable(\"AWS_SESSION_TOKEN\")))")]
    // Not every construction gives it foreign credentials.
    [InlineData("Random.Shared.Next() > 0 ? new AmazonS3Client() : new AmazonS3Client(new BasicAWSCredentials(\"AKIAEXAMPLE\", \"secret\"))")]
    public void Calls_on_a_client_with_the_functions_own_credentials_are_granted(string client)
    {
        var report = Run(client);

        report.Grants().Should().Equal(Object);
        report.Findings.Should().NotContain(f => f.Code == FindingCodes.OwnCredentials);
    }

    [Fact]
    public void A_client_made_from_an_assumed_roles_credentials_is_not_granted_but_assuming_the_role_is()
    {
        var report = OneFunction.Run("", """
            using Amazon;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Amazon.SecurityToken;
            using Amazon.SecurityToken.Model;
            namespace App;
            public class Handler
            {
                public async Task Run()
                {
                    var sts = new AmazonSecurityTokenServiceClient();
                    var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = "arn:aws:iam::111122223333:role/Reader", RoleSessionName = "s" });
                    var ddb = new AmazonDynamoDBClient(assumed.Credentials, RegionEndpoint.EUWest1);
                    await ddb.GetItemAsync(new GetItemRequest { TableName = "Orders" });
                }
            }
            """);

        report.Grants().Should().Equal("sts:AssumeRole arn:aws:iam::111122223333:role/Reader");
        report.Findings.Should().ContainSingle(f => f.Code == FindingCodes.OwnCredentials)
            .Which.Message.Should().Contain("dynamodb:GetItem on arn:${AWS::Partition}:dynamodb:eu-west-1:${AWS::AccountId}:table/Orders");
    }

    [Theory]
    [InlineData("_repo = new Repo(new AmazonS3Client(new BasicAWSCredentials(\"AKIAEXAMPLE\", \"secret\")));", true)]
    [InlineData("var s = new ServiceCollection(); s.AddSingleton<IAmazonS3>(new AmazonS3Client(\"AKIAEXAMPLE\", \"secret\")); s.AddSingleton<Repo>(); _repo = s.BuildServiceProvider().GetRequiredService<Repo>();", true)]
    [InlineData("_repo = new Repo(new AmazonS3Client());", false)]
    public void A_client_handed_to_a_constructor_or_the_container_keeps_its_credentials(string build, bool own)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.Runtime;
            using Amazon.S3;
            using Microsoft.Extensions.DependencyInjection;
            namespace App;
            public class Repo
            {
                private readonly IAmazonS3 _s3;
                public Repo(IAmazonS3 s3) { _s3 = s3; }
                public Task Get() => _s3.GetObjectAsync("b", "k");
            }
            public class Handler
            {
                private readonly Repo _repo;
                public Handler() { {{build}} }
                public Task Run() => _repo.Get();
            }
            """);

        if (own) report.Grants().Should().BeEmpty();
        else report.Grants().Should().Equal(Object);
        report.Findings.Where(f => f.Code == FindingCodes.OwnCredentials).Should().HaveCount(own ? 1 : 0);
    }

    private static RoleGen.Core.FunctionReport Run(string client) => OneFunction.Run("", $$"""
        using Amazon;
        using Amazon.Runtime;
        using Amazon.Runtime.CredentialManagement;
        using Amazon.S3;
        namespace App;
        public class Handler
        {
            private static readonly AWSCredentials Keys = new SessionAWSCredentials(Environment.GetEnvironmentVariable("KEY_ID"), "secret", "token");
            private readonly IAmazonS3 _s3 = {{client}};
            private static AWSCredentials Profile() { new CredentialProfileStoreChain().TryGetAWSCredentials("dev", out var profile); return profile; }
            public Task Run() => _s3.GetObjectAsync("b", "k");
        }
        """);
}
