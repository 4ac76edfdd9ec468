using Amazon.Kinesis;
using Amazon.Kinesis.Model;
using Amazon.S3;
using Amazon.S3.Model;
using ClickAnalytics.Storage;
using Microsoft.Extensions.Configuration;

namespace ClickAnalytics.Replay;

/// <summary>
/// Re-publishes archived raw batches of a day to the click stream, e.g. after an
/// aggregation bug was fixed. Not wired to any Lambda handler: operators run it
/// from a console host that references this assembly.
/// </summary>
public sealed class ReplayService
{
    private readonly IAmazonS3 _s3;
    private readonly IAmazonKinesis _kinesis;
    private readonly IConfiguration _config;

    public ReplayService(IAmazonS3 s3, IAmazonKinesis kinesis, IConfiguration config)
    {
        _s3 = s3;
        _kinesis = kinesis;
        _config = config;
    }

    public async Task<int> ReplayDayAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var bucket = _config["ARCHIVE_BUCKET"]!;
        var streamName = _config["STREAM_NAME"]!;
        var replayed = 0;

        var listing = await _s3.ListObjectsV2Async(new ListObjectsV2Request
        {
            BucketName = bucket,
            Prefix = S3ArchiveStore.DayPrefix(day),
        }, cancellationToken);

        foreach (var obj in listing.S3Objects ?? new List<S3Object>())
        {
            using var response = await _s3.GetObjectAsync(bucket, obj.Key, cancellationToken);
            using var reader = new StreamReader(response.ResponseStream);
            var lines = (await reader.ReadToEndAsync(cancellationToken))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries);

            foreach (var chunk in lines.Chunk(500))
            {
                await _kinesis.PutRecordsAsync(new PutRecordsRequest
                {
                    StreamName = streamName,
                    Records = chunk.Select(line => new PutRecordsRequestEntry
                    {
                        PartitionKey = obj.Key,
                        Data = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(line)),
                    }).ToList(),
                }, cancellationToken);
                replayed += chunk.Length;
            }
        }

        return replayed;
    }
}
