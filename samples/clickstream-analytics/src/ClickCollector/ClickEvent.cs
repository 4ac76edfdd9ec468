using System.Text.Json.Serialization;

namespace ClickCollector;

/// <summary>A page view as sent by the browser snippet.</summary>
public sealed class ClickEvent
{
    [JsonPropertyName("site")] public string? SiteId { get; set; }
    [JsonPropertyName("page")] public string? PageId { get; set; }
    [JsonPropertyName("session")] public string? SessionId { get; set; }
    [JsonPropertyName("referrer")] public string? Referrer { get; set; }
    [JsonPropertyName("ts")] public DateTimeOffset? Timestamp { get; set; }

    public bool IsValid(out string? problem)
    {
        problem = SiteId is null ? "site is required"
            : PageId is null ? "page is required"
            : SessionId is null ? "session is required"
            : null;
        return problem is null;
    }
}

internal static class Limits
{
    /// <summary>Kinesis accepts at most 500 records per PutRecords call.</summary>
    public const int MaxRecordsPerPut = 500;

    /// <summary>The API refuses batches larger than this outright.</summary>
    public const int MaxEventsPerRequest = 2000;
}

public interface IClickPublisher
{
    Task PublishAsync(ClickEvent click, CancellationToken cancellationToken = default);

    /// <summary>Publishes the events; returns how many Kinesis rejected.</summary>
    Task<int> PublishBatchAsync(IReadOnlyList<ClickEvent> clicks, CancellationToken cancellationToken = default);
}
