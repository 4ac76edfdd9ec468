using FluentAssertions;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// Requests built into a collection and sent one by one: whichever way the code hands each element to the call
/// (a loop, a LINQ lambda, List.ForEach, Parallel.ForEach...), the call gets the element the collection holds.
/// </summary>
public class CollectionElementTests
{
    [Theory]
    [InlineData("foreach (var r in requests) _s3.GetPreSignedURL(r);")]
    [InlineData("requests.Select(r => _s3.GetPreSignedURL(r)).ToList();")]
    [InlineData("requests.ForEach(r => _s3.GetPreSignedURL(r));")]
    [InlineData("Parallel.ForEach(requests, r => _s3.GetPreSignedURL(r));")]
    [InlineData("Parallel.ForEach(requests, (r) => { _s3.GetPreSignedURL(r); });")]
    [InlineData("Parallel.ForEachAsync(requests, async (r, ct) => _s3.GetPreSignedURL(r)).Wait();")]
    [InlineData("Array.ForEach(requests.ToArray(), r => _s3.GetPreSignedURL(r));")]
    [InlineData("requests.Select(Sign).ToList();")]
    [InlineData("Parallel.ForEach(requests, Sign);")]
    public void Each_element_handed_to_a_lambda_or_loop_is_what_the_collection_holds(string send)
    {
        var report = OneFunction.Run("Files:\n  Type: AWS::S3::Bucket", $$"""
            using Amazon.S3;
            using Amazon.S3.Model;
            namespace App;
            public class Handler
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                public void Run(List<int> parts)
                {
                    var requests = parts.Select(p => new GetPreSignedUrlRequest
                    {
                        BucketName = Environment.GetEnvironmentVariable("BUCKET_NAME"),
                        Key = "uploads/" + p,
                        Verb = HttpVerb.PUT,
                    }).ToList();
                    {{send}}
                }
                private string Sign(GetPreSignedUrlRequest request) => _s3.GetPreSignedURL(request);
            }
            """, "BUCKET_NAME: !Ref Files");

        report.Grants().Should().Equal("s3:PutObject arn:${AWS::Partition}:s3:::${Files}/uploads/*");
    }

    [Fact]
    public void A_method_group_handed_to_a_call_that_does_not_bind_is_reached()
    {
        // SQSEvent's package is not restored: Select(ProcessAsync) does not bind, and only the candidates name the method.
        var report = OneFunction.Run("Counts:\n  Type: AWS::DynamoDB::Table", """
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Amazon.Lambda.SQSEvents;
            namespace App;
            public class Handler
            {
                private readonly IAmazonDynamoDB _ddb = new AmazonDynamoDBClient();
                public Task Run(SQSEvent evnt) => Task.WhenAll(evnt.Records.Select(ProcessAsync));
                private Task ProcessAsync(SQSEvent.SQSMessage message) =>
                    _ddb.UpdateItemAsync(new UpdateItemRequest { TableName = Environment.GetEnvironmentVariable("TABLE") });
            }
            """, "TABLE: !Ref Counts");

        report.Grants().Should().Equal("dynamodb:UpdateItem arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${Counts}");
    }
}
