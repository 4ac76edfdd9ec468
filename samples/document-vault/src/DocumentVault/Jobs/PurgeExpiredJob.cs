using Amazon.Lambda.CloudWatchEvents.ScheduledEvents;
using Amazon.Lambda.Core;
using DocumentVault.Data;
using DocumentVault.Notifications;
using DocumentVault.Storage;

namespace DocumentVault.Jobs;

/// <summary>Nightly: removes documents older than RETENTION_DAYS from the vault.</summary>
public class PurgeExpiredJob : FunctionBase
{
    public async Task RunAsync(ScheduledEvent scheduledEvent, ILambdaContext context)
    {
        var settings = Resolve<VaultSettings>();
        var documents = Resolve<IDocumentRepository>();
        var vault = Resolve<IVaultStore>();
        var notifier = Resolve<IVaultNotifier>();

        var cutoff = DateTimeOffset.UtcNow.AddDays(-settings.RetentionDays);
        var expired = await documents.ListExpiredAsync(cutoff);
        context.Logger.LogInformation($"{expired.Count} documents uploaded before {cutoff:O} to purge");

        var purged = new List<string>();
        foreach (var documentId in expired)
        {
            await vault.DeleteAsync(documentId);
            await documents.MarkPurgedAsync(documentId);
            purged.Add(documentId);
        }

        if (purged.Count > 0)
        {
            await notifier.DocumentsPurgedAsync(purged);
        }
    }
}
