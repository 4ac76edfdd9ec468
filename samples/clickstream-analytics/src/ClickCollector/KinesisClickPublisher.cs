using System.Text.Json;
using Amazon.Kinesis;
using Amazon.Kinesis.Model;
using Microsoft.Extensions.Configuration;

namespace ClickCollector;

/// <summary>
/// Writes click events to the click stream, partitioned by session so that one
/// session's events stay ordered on one shard.
/// </summary>
public sealed class KinesisClickPublisher : IClickPublisher
{
    private readonly IAmazonKinesis _kinesis;
    private readonly string _streamName;
    private readonly string _streamArn;

    public KinesisClickPublisher(IAmazonKinesis kinesis, IConfiguration config)
    {
        _kinesis = kinesis;
        _streamName = config["STREAM_NAME"] ?? throw new InvalidOperationException("STREAM_NAME missing");
        // PutRecords addresses the stream by ARN (works across accounts with a resource policy).
        _streamArn = config["STREAM_ARN"] ?? throw new InvalidOperationException("STREAM_ARN missing");
    }

    public async Task PublishAsync(ClickEvent click, CancellationToken cancellationToken = default)
    {
        var request = new PutRecordRequest
        {
            StreamName = _streamName,
            PartitionKey = click.SessionId!,
            Data = Serialize(click),
        };

        await _kinesis.PutRecordAsync(request, cancellationToken);
    }

    public async Task<int> PublishBatchAsync(IReadOnlyList<ClickEvent> clicks, CancellationToken cancellationToken = default)
    {
        var failed = 0;

        foreach (var chunk in clicks.Chunk(Limits.MaxRecordsPerPut))
        {
            var response = await _kinesis.PutRecordsAsync(new PutRecordsRequest
            {
                StreamARN = _streamArn,
                Records = chunk
                    .Select(c => new PutRecordsRequestEntry { PartitionKey = c.SessionId!, Data = Serialize(c) })
                    .ToList(),
            }, cancellationToken);

            failed += response.FailedRecordCount ?? 0;
        }

        return failed;
    }

    private static MemoryStream Serialize(ClickEvent click) =>
        new(JsonSerializer.SerializeToUtf8Bytes(click));
}
