using FluentAssertions;
using RoleGen.Core;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// A bucket whose NotificationConfiguration invokes the function (plain CloudFormation; how Lambda Annotations users wire
/// S3) is the function's S3 event source: the bucket and object key the code reads from the event are narrowed by it.
/// </summary>
public class BucketNotificationTests
{
    [Theory]
    [InlineData("!GetAtt Fn.Arn", "arn:${AWS::Partition}:s3:::images-${AWS::AccountId}/uploads/*.png")]
    [InlineData("!GetAtt Other.Arn", "arn:${AWS::Partition}:s3:::*/*")] // another function's bucket: not this one's source
    public void The_bucket_that_notifies_the_function_narrows_what_it_reads_from_the_event(string target, string expected)
    {
        using var app = new TempApp()
            .With("template.yaml", $$"""
                Resources:
                  Images:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Sub "images-${AWS::AccountId}"
                      NotificationConfiguration:
                        LambdaConfigurations:
                          - Event: s3:ObjectCreated:*
                            Function: {{target}}
                            Filter:
                              S3Key:
                                Rules:
                                  - { Name: prefix, Value: uploads/ }
                                  - { Name: suffix, Value: .png }
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      Runtime: dotnet8
                      Handler: App::App.Handler::Run
                      Code: ./src/App/
                  Other:
                    Type: AWS::Lambda::Function
                    Properties:
                      Runtime: python3.12
                      Handler: index.handler
                      Code: { ZipFile: "def handler(e, c): pass" }
                """)
            .WithProject("src/App", "App")
            .With("src/App/Handler.cs", """
                using Amazon.S3;
                namespace App;
                public class Handler
                {
                    private readonly IAmazonS3 _s3 = new AmazonS3Client();
                    public async Task Run(S3Event evnt)
                    {
                        foreach (var record in evnt.Records) await _s3.GetObjectAsync(record.S3.Bucket.Name, record.S3.Object.Key);
                    }
                }
                """);

        var function = new RoleGenerator(OneFunction.Knowledge).Generate(app.TemplatePath).Functions.Single();

        function.Grants().Should().Equal($"s3:GetObject {expected}");
    }
}
