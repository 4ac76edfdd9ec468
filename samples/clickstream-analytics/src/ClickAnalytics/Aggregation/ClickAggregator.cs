using System.Text.Json.Serialization;

namespace ClickAnalytics.Aggregation;

/// <summary>A click as the collector wrote it to the stream.</summary>
public sealed class ClickRecord
{
    [JsonPropertyName("site")] public string SiteId { get; set; } = string.Empty;
    [JsonPropertyName("page")] public string PageId { get; set; } = string.Empty;
    [JsonPropertyName("session")] public string SessionId { get; set; } = string.Empty;
    [JsonPropertyName("ts")] public DateTimeOffset Timestamp { get; set; }
}

/// <summary>Views of one page in one minute, as seen in one Lambda batch.</summary>
public sealed record PageWindow(string SiteId, string PageId, string WindowKey, long Views, long UniqueSessions);

public sealed class ClickAggregator
{
    public const string WindowFormat = "yyyy-MM-dd'T'HH:mm";

    /// <param name="batchId">Makes the window key unique per batch so retries overwrite, not double count.</param>
    public IReadOnlyList<PageWindow> Aggregate(IEnumerable<ClickRecord> clicks, string batchId)
    {
        return clicks
            .GroupBy(c => (c.SiteId, c.PageId, Minute: Truncate(c.Timestamp)))
            .Select(g => new PageWindow(
                g.Key.SiteId,
                g.Key.PageId,
                $"{g.Key.Minute.ToString(WindowFormat, System.Globalization.CultureInfo.InvariantCulture)}#{batchId}",
                g.LongCount(),
                g.Select(c => c.SessionId).Distinct().LongCount()))
            .ToList();
    }

    private static DateTimeOffset Truncate(DateTimeOffset t) =>
        new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, TimeSpan.Zero);
}
