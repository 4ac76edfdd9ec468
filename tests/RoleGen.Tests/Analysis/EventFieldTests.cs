using FluentAssertions;
using Xunit;

namespace RoleGen.Tests.Analysis;

public class EventFieldTests
{
    private const string Usings = "using Amazon.S3; using Amazon.SQS; using Amazon.SimpleNotificationService; using Amazon.Lambda.S3Events; using Amazon.Lambda.SQSEvents; using Amazon.Lambda.SNSEvents; using Amazon.Lambda.KinesisEvents; using Amazon.Lambda.DynamoDBEvents;\n";

    [Theory]
    [InlineData("foreach (var r in evnt.Records) await _s3.GetObjectAsync(r.S3.Bucket.Name, r.S3.Object.Key);", "IAmazonS3.GetObject(event:S3.BucketName, event:S3.ObjectKey)")]
    [InlineData("for (var i = 0; i < evnt.Records.Count; i++) await _s3.GetObjectAsync(evnt.Records[i].S3.Bucket.Name, \"k\");", "IAmazonS3.GetObject(event:S3.BucketName, \"k\")")]
    [InlineData("var first = evnt.Records.First(); await _s3.GetObjectAsync(first.S3?.Bucket?.Name, System.Net.WebUtility.UrlDecode(first.S3.Object.Key));", "IAmazonS3.GetObject(event:S3.BucketName, event:S3.ObjectKey)")]
    [InlineData("await Task.WhenAll(evnt.Records.Select(r => _s3.GetObjectAsync(r.S3.Bucket.Name, \"k\")));", "IAmazonS3.GetObject(event:S3.BucketName, \"k\")")]
    [InlineData("foreach (var r in evnt.Records) await Helper(r);", "IAmazonS3.GetObject(event:S3.BucketName, \"h\")")]
    [InlineData("foreach (var r in evnt.Records) await _s3.GetObjectAsync(r.EventName, \"k\");", "IAmazonS3.GetObject(?, \"k\")")]
    // The lambda.S3 blueprint: an empty list when the event has no records adds nothing to iterate.
    [InlineData("var records = evnt.Records ?? new List<S3Event.S3EventNotificationRecord>(); foreach (var r in records) await _s3.GetObjectAsync(r.S3.Bucket.Name, \"k\");", "IAmazonS3.GetObject(event:S3.BucketName, \"k\")")]
    public void S3_event_fields_are_followed_through_records(string body, string expected)
    {
        var source = Usings + $$"""
            namespace App;
            public class Function
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                public async Task Handle(S3Event evnt)
                {
                    {{body}}
                }
                private Task Helper(S3EventNotification.S3EventNotificationRecord record) => _s3.GetObjectAsync(record.S3.Bucket.Name, "h");
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", source).Describe().Should().Equal(expected);
    }

    [Theory]
    [InlineData("SQSEvent", "r.EventSourceArn", "event:SQS.EventSourceArn")]
    [InlineData("KinesisEvent", "r.EventSourceARN", "event:Kinesis.EventSourceArn")]
    [InlineData("DynamoDBEvent", "r.EventSourceArn", "event:DynamoDB.EventSourceArn")]
    [InlineData("SNSEvent", "r.Sns.TopicArn", "event:SNS.TopicArn")]
    public void Record_fields_of_each_event_type(string eventType, string read, string expected)
    {
        var source = Usings + $$"""
            namespace App;
            public class Function
            {
                private readonly IAmazonSQS _sqs = new AmazonSQSClient();
                public async Task Handle({{eventType}} input)
                {
                    foreach (var r in input.Records) await _sqs.SendMessageAsync({{read}}, "body");
                }
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", source).Describe().Should().Equal($"IAmazonSQS.SendMessage({expected}, \"body\")");
    }

    [Fact]
    public void A_whole_record_or_event_is_not_a_resource_name()
    {
        var source = Usings + """
            namespace App;
            public class Function
            {
                private readonly IAmazonSQS _sqs = new AmazonSQSClient();
                public Task Handle(SQSEvent input) => _sqs.SendMessageAsync(input.Records[0].Body, "x");
            }
            """;
        var analysis = AnalysisHost.Analyze("App::App.Function::Handle", source);
        analysis.Calls.Single().Arguments[0].Value.Should().BeOfType<RoleGen.Core.Analysis.Values.UnknownValue>()
            .Which.Reason.Should().Be("'input.Records[0].Body' is Body of the SQS event record, which comes with each event");
    }
}
