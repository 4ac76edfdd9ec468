using System.Text.Json;
using Amazon.Lambda.CloudWatchEvents.ScheduledEvents;
using Amazon.Lambda.Core;
using ClickAnalytics.Aggregation;
using ClickAnalytics.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClickAnalytics.Functions;

/// <summary>Nightly: one JSON report per tracked site for the previous UTC day.</summary>
public class DailyReportFunction
{
    private readonly IAggregateRepository _aggregates;
    private readonly IArchiveStore _archive;
    private readonly string[] _siteIds;

    public DailyReportFunction()
    {
        var services = Startup.Services;
        _aggregates = services.GetRequiredService<IAggregateRepository>();
        _archive = services.GetRequiredService<IArchiveStore>();

        var config = services.GetRequiredService<IConfiguration>();
        _siteIds = (config["SITE_IDS"] ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public async Task HandleAsync(ScheduledEvent scheduledEvent, ILambdaContext context)
    {
        var day = DateOnly.FromDateTime(scheduledEvent.Time.ToUniversalTime()).AddDays(-1);
        var rawBatches = await _archive.CountRawBatchesAsync(day);

        foreach (var siteId in _siteIds)
        {
            var windows = await _aggregates.QuerySiteDayAsync(siteId, day);

            var report = new
            {
                site = siteId,
                day = day.ToString("yyyy-MM-dd"),
                views = windows.Sum(w => w.Views),
                pages = windows
                    .GroupBy(w => w.PageId)
                    .Select(g => new { page = g.Key, views = g.Sum(w => w.Views) })
                    .OrderByDescending(p => p.views)
                    .Take(50),
                rawBatches,
            };

            await _archive.WriteReportAsync(siteId, day, JsonSerializer.Serialize(report));
            context.Logger.LogInformation($"Report for {siteId} on {day:yyyy-MM-dd}: {report.views} views");
        }
    }
}
