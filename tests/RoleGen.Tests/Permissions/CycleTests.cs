using FluentAssertions;
using RoleGen.Core;
using RoleGen.Tests.Mappings;
using RoleGen.Tests.Pipeline;
using Xunit;

namespace RoleGen.Tests.Permissions;

public class CycleTests
{
    private static readonly RoleGenKnowledge Knowledge = RoleGenKnowledge.Load(RealTable.Directory);

    private static string Template(string bucketProperties) => $$"""
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Name:
            Type: String
            Default: ""
        Conditions:
          Generated: !Equals [!Ref Name, ""]
        Resources:
          Inbox:
            Type: AWS::S3::Bucket
        {{bucketProperties}}
          Archive:
            Type: AWS::S3::Bucket
          Ingest:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: dotnet8
              CodeUri: ./src/App/
              Handler: App::App.Functions::Ingest
              Environment:
                Variables:
                  INBOX: !Ref Inbox
                  ARCHIVE: !Ref Archive
              Events:
                Upload:
                  Type: S3
                  Properties:
                    Bucket: !Ref Inbox
                    Events: s3:ObjectCreated:*
        """;

    private const string Code = """
        using Amazon.S3;
        namespace App;
        public class Functions
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();
            public async Task Ingest()
            {
                await _s3.GetObjectAsync(Environment.GetEnvironmentVariable("INBOX"), "in.json");
                await _s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = Environment.GetEnvironmentVariable("ARCHIVE"), Key = "out.json" });
            }
        }
        """;

    [Theory]
    [InlineData("    Properties:\n      BucketName: !Sub \"${AWS::StackName}-inbox\"", "arn:${AWS::Partition}:s3:::${AWS::StackName}-inbox/in.json")]
    [InlineData("    Properties:\n      BucketName: acme-inbox", "arn:${AWS::Partition}:s3:::acme-inbox/in.json")]
    [InlineData("", "arn:${AWS::Partition}:s3:::*-inbox-*/in.json")]
    // "Leave blank to generate a name": either the parameter or the name CloudFormation generates.
    [InlineData("    Properties:\n      BucketName: !If [Generated, !Ref AWS::NoValue, !Ref Name]", "arn:${AWS::Partition}:s3:::*-inbox-*/in.json", "arn:${AWS::Partition}:s3:::${Name}/in.json")]
    public void A_bucket_that_notifies_the_function_is_spelled_by_name_not_referenced(string bucketProperties, string expected, string? alsoExpected = null)
    {
        using var app = new TempApp().With("template.yaml", Template(bucketProperties)).WithProject("src/App", "App").With("src/App/Functions.cs", Code);
        var function = new RoleGenerator(Knowledge).Generate(app.TemplatePath).Functions.Single();

        var resources = function.Statements.SelectMany(s => s.Resources).ToList();
        resources.Should().Contain(expected).And.NotContain(r => r.Contains("${Inbox}"));
        if (alsoExpected is not null) resources.Should().Contain(alsoExpected);
        resources.Should().Contain("arn:${AWS::Partition}:s3:::${Archive}/out.json", "a bucket without a notification can be referenced");
        function.Findings.Should().Contain(f => f.Code == "RG3006" && f.Message.Contains("circular dependency"));
    }
}
