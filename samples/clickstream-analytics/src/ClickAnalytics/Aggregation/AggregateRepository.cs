using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Configuration;

namespace ClickAnalytics.Aggregation;

/// <summary>
/// Aggregates table: PageId (hash) + WindowKey (range); index BySite: SiteId + WindowKey,
/// projecting Views and UniqueSessions.
/// </summary>
public sealed class AggregateRepository : IAggregateRepository
{
    private const int MaxBatchWriteItems = 25;
    private const int MaxBatchAttempts = 4;
    private const string SiteIndex = "BySite";
    private static readonly TimeSpan RetainFor = TimeSpan.FromDays(400);

    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _tableName;

    public AggregateRepository(IAmazonDynamoDB dynamo, IConfiguration config)
    {
        _dynamo = dynamo;
        _tableName = config["TABLE_NAME"] ?? throw new InvalidOperationException("TABLE_NAME is not configured");
    }

    public async Task SaveAsync(IReadOnlyList<PageWindow> windows, CancellationToken cancellationToken = default)
    {
        var expiresAt = DateTimeOffset.UtcNow.Add(RetainFor).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        foreach (var chunk in windows.Chunk(MaxBatchWriteItems))
        {
            var pending = new Dictionary<string, List<WriteRequest>>
            {
                [_tableName] = chunk.Select(w => new WriteRequest
                {
                    PutRequest = new PutRequest
                    {
                        Item = new Dictionary<string, AttributeValue>
                        {
                            ["PageId"] = new AttributeValue { S = w.PageId },
                            ["WindowKey"] = new AttributeValue { S = w.WindowKey },
                            ["SiteId"] = new AttributeValue { S = w.SiteId },
                            ["Views"] = new AttributeValue { N = w.Views.ToString(CultureInfo.InvariantCulture) },
                            ["UniqueSessions"] = new AttributeValue { N = w.UniqueSessions.ToString(CultureInfo.InvariantCulture) },
                            ["ExpiresAt"] = new AttributeValue { N = expiresAt },
                        },
                    },
                }).ToList(),
            };

            for (var attempt = 1; pending.Count > 0; attempt++)
            {
                var response = await _dynamo.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending }, cancellationToken);
                pending = response.UnprocessedItems ?? new Dictionary<string, List<WriteRequest>>();

                if (pending.Count > 0)
                {
                    if (attempt == MaxBatchAttempts)
                    {
                        throw new InvalidOperationException($"{pending.Values.Sum(v => v.Count)} aggregates left unprocessed");
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(100 * Math.Pow(2, attempt)), cancellationToken);
                }
            }
        }
    }

    public async Task<IReadOnlyList<PageWindow>> QuerySiteDayAsync(string siteId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var results = new List<PageWindow>();
        Dictionary<string, AttributeValue>? startKey = null;

        do
        {
            var response = await _dynamo.QueryAsync(new QueryRequest
            {
                TableName = _tableName,
                IndexName = SiteIndex,
                KeyConditionExpression = "SiteId = :site AND begins_with(WindowKey, :day)",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":site"] = new AttributeValue { S = siteId },
                    [":day"] = new AttributeValue { S = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                },
                ExclusiveStartKey = startKey,
            }, cancellationToken);

            foreach (var item in response.Items ?? new List<Dictionary<string, AttributeValue>>())
            {
                results.Add(new PageWindow(
                    siteId,
                    item["PageId"].S,
                    item["WindowKey"].S,
                    long.Parse(item["Views"].N, CultureInfo.InvariantCulture),
                    long.Parse(item["UniqueSessions"].N, CultureInfo.InvariantCulture)));
            }

            startKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (startKey is not null);

        return results;
    }
}
