using FluentAssertions;
using RoleGen.Core;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// Amazon Data Firehose through the real mapping table: a producer's calls are granted on the delivery stream the
/// request names (request object or the positional overloads), ListDeliveryStreams on "*".
/// </summary>
public class FirehoseTests
{
    private const string Stream = "arn:${AWS::Partition}:firehose:${AWS::Region}:${AWS::AccountId}:deliverystream/";

    private static FunctionReport Run(string call, string resources = "", string environment = "", string parameters = "") =>
        OneFunction.Run(resources, $$"""
            using System.IO;
            using Amazon.KinesisFirehose;
            using Amazon.KinesisFirehose.Model;
            namespace App;
            public class Handler
            {
                private readonly IAmazonKinesisFirehose _firehose = new AmazonKinesisFirehoseClient();
                private static string Env(string name) => Environment.GetEnvironmentVariable(name)!;
                public async Task Run(string fromEvent)
                {
                    var record = new Record { Data = new MemoryStream() };
                    {{call}};
                }
            }
            """, environment, parameters: parameters);

    [Theory]
    [InlineData("await _firehose.PutRecordAsync(new PutRecordRequest { DeliveryStreamName = \"clicks\", Record = record })", "firehose:PutRecord " + Stream + "clicks")]
    [InlineData("await _firehose.PutRecordAsync(\"clicks\", record)", "firehose:PutRecord " + Stream + "clicks")]
    [InlineData("await _firehose.PutRecordBatchAsync(new PutRecordBatchRequest { DeliveryStreamName = Env(\"STREAM\"), Records = new List<Record> { record } })",
        "firehose:PutRecordBatch " + Stream + "${Clicks}")]
    [InlineData("await _firehose.PutRecordBatchAsync(Env(\"STREAM\"), new List<Record> { record })", "firehose:PutRecordBatch " + Stream + "${Clicks}")]
    [InlineData("await _firehose.PutRecordAsync(Env(\"STREAM_NAME\"), record)", "firehose:PutRecord " + Stream + "${StreamName}")]
    [InlineData("await _firehose.DescribeDeliveryStreamAsync(new DescribeDeliveryStreamRequest { DeliveryStreamName = \"clicks\" })",
        "firehose:DescribeDeliveryStream " + Stream + "clicks")]
    [InlineData("await _firehose.ListDeliveryStreamsAsync()", "firehose:ListDeliveryStreams *")]
    [InlineData("await _firehose.ListDeliveryStreamsAsync(new ListDeliveryStreamsRequest { Limit = 10 })", "firehose:ListDeliveryStreams *")]
    public void Each_call_is_granted_on_the_delivery_stream_it_names(string call, string expected)
    {
        var report = Run(call,
            resources: "Clicks:\n  Type: AWS::KinesisFirehose::DeliveryStream\n  Properties:\n    DeliveryStreamType: DirectPut",
            environment: "STREAM: !Ref Clicks\nSTREAM_NAME: !Ref StreamName",
            parameters: "StreamName:\n  Type: String");

        report.Findings.Should().NotContain(f => f.Severity >= Severity.Warning);
        report.Grants().Should().Equal(expected.Split('|'));
    }

    [Fact]
    public void A_stream_named_only_at_run_time_is_every_stream_with_a_finding()
    {
        var report = Run("await _firehose.PutRecordAsync(fromEvent, record)");

        report.Grants().Should().Equal("firehose:PutRecord " + Stream + "*");
        report.Findings.Should().Contain(f => f.Code == FindingCodes.UnresolvedResource || f.Code == FindingCodes.PartiallyResolvedResource);
    }
}
