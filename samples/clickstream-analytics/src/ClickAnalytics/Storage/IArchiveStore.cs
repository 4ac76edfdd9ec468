namespace ClickAnalytics.Storage;

public interface IArchiveStore
{
    /// <summary>Stores the raw records of one Lambda batch as JSON lines.</summary>
    Task<string> WriteRawBatchAsync(DateOnly day, string batchId, IEnumerable<string> jsonLines, CancellationToken cancellationToken = default);

    Task<int> CountRawBatchesAsync(DateOnly day, CancellationToken cancellationToken = default);

    Task WriteReportAsync(string siteId, DateOnly day, string reportJson, CancellationToken cancellationToken = default);
}
