namespace ClickAnalytics.Aggregation;

public interface IAggregateRepository
{
    Task SaveAsync(IReadOnlyList<PageWindow> windows, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PageWindow>> QuerySiteDayAsync(string siteId, DateOnly day, CancellationToken cancellationToken = default);
}
