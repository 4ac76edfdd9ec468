using System.Text;
using System.Text.Json;
using Amazon.Lambda.Core;
using Amazon.Lambda.KinesisEvents;
using ClickAnalytics.Aggregation;
using ClickAnalytics.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ClickAnalytics.Functions;

/// <summary>
/// Kinesis consumer: archives each batch's raw records, then stores per-page,
/// per-minute view counts. A failure reports the batch's first record so that
/// Lambda retries (and bisects) from there.
/// </summary>
public class AggregateFunction
{
    private readonly IArchiveStore _archive;
    private readonly IAggregateRepository _aggregates;
    private readonly ClickAggregator _aggregator;

    public AggregateFunction()
        : this(
            Startup.Services.GetRequiredService<IArchiveStore>(),
            Startup.Services.GetRequiredService<IAggregateRepository>(),
            Startup.Services.GetRequiredService<ClickAggregator>())
    {
    }

    public AggregateFunction(IArchiveStore archive, IAggregateRepository aggregates, ClickAggregator aggregator)
    {
        _archive = archive;
        _aggregates = aggregates;
        _aggregator = aggregator;
    }

    public async Task<StreamsEventResponse> HandleAsync(KinesisEvent kinesisEvent, ILambdaContext context)
    {
        var response = new StreamsEventResponse { BatchItemFailures = new List<StreamsEventResponse.BatchItemFailure>() };
        if (kinesisEvent.Records.Count == 0)
        {
            return response;
        }

        var first = kinesisEvent.Records[0];
        // EventId is "shardId-000000000000:<sequence number>".
        var batchId = first.EventId.Replace(':', '-');

        try
        {
            var rawLines = new List<string>(kinesisEvent.Records.Count);
            var clicks = new List<ClickRecord>(kinesisEvent.Records.Count);

            foreach (var record in kinesisEvent.Records)
            {
                var json = Encoding.UTF8.GetString(record.Kinesis.Data.ToArray());
                rawLines.Add(json);

                var click = TryParse(json);
                if (click is null)
                {
                    context.Logger.LogWarning($"Skipping malformed record {record.Kinesis.SequenceNumber}");
                    continue;
                }
                clicks.Add(click);
            }

            var day = DateOnly.FromDateTime(first.Kinesis.ApproximateArrivalTimestamp.ToUniversalTime());
            var rawKey = await _archive.WriteRawBatchAsync(day, batchId, rawLines);

            var windows = _aggregator.Aggregate(clicks, batchId);
            await _aggregates.SaveAsync(windows);

            context.Logger.LogInformation($"Batch {batchId}: {clicks.Count} clicks, {windows.Count} windows, raw at {rawKey}");
        }
        catch (Exception ex)
        {
            context.Logger.LogError($"Batch {batchId} failed: {ex}");
            response.BatchItemFailures.Add(new StreamsEventResponse.BatchItemFailure
            {
                ItemIdentifier = first.Kinesis.SequenceNumber,
            });
        }

        return response;
    }

    private static ClickRecord? TryParse(string json)
    {
        try
        {
            var click = JsonSerializer.Deserialize<ClickRecord>(json);
            return click is { SiteId.Length: > 0, PageId.Length: > 0 } ? click : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
