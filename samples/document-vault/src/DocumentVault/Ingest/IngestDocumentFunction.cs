using System.Net;
using Amazon.Lambda.Core;
using Amazon.Lambda.S3Events;
using DocumentVault.Crypto;
using DocumentVault.Data;
using DocumentVault.Models;
using DocumentVault.Notifications;
using DocumentVault.Storage;

namespace DocumentVault.Ingest;

/// <summary>
/// S3 trigger on incoming/ of the uploads bucket. Keys look like incoming/{ownerId}/{fileName}.
/// </summary>
public class IngestDocumentFunction : FunctionBase
{
    private readonly VaultSettings _settings;
    private readonly IUploadInbox _inbox;
    private readonly IDocumentCrypto _crypto;
    private readonly IVaultStore _vault;
    private readonly IDocumentRepository _documents;
    private readonly IVaultNotifier _notifier;

    public IngestDocumentFunction()
    {
        _settings = Resolve<VaultSettings>();
        _inbox = Resolve<IUploadInbox>();
        _crypto = Resolve<IDocumentCrypto>();
        _vault = Resolve<IVaultStore>();
        _documents = Resolve<IDocumentRepository>();
        _notifier = Resolve<IVaultNotifier>();
    }

    public async Task HandleAsync(S3Event s3Event, ILambdaContext context)
    {
        foreach (var record in s3Event.Records)
        {
            var bucket = record.S3.Bucket.Name;
            // Keys in S3 notifications are URL-encoded ("my+file.pdf").
            var key = WebUtility.UrlDecode(record.S3.Object.Key);
            var parts = key[VaultConstants.IncomingPrefix.Length..].Split('/', 2);
            var (ownerId, fileName) = parts.Length == 2 ? (parts[0], parts[1]) : ("unknown", parts[0]);

            if (record.S3.Object.Size > _settings.MaxDocumentBytes)
            {
                context.Logger.LogWarning($"{key} is {record.S3.Object.Size} bytes; rejecting.");
                await _inbox.MoveAsync(bucket, key, $"{VaultConstants.RejectedPrefix}{ownerId}/{fileName}");
                continue;
            }

            var documentId = Guid.NewGuid().ToString("N");
            var (content, contentType) = await _inbox.ReadAsync(bucket, key);

            var sealedDocument = await _crypto.SealAsync(documentId, content);
            await _vault.StoreAsync(documentId, sealedDocument);

            await _documents.PutAsync(new DocumentRecord
            {
                DocumentId = documentId,
                OwnerId = ownerId,
                FileName = fileName,
                ContentType = contentType,
                Size = content.LongLength,
                UploadedAt = DateTimeOffset.UtcNow,
            });

            await _inbox.MoveAsync(bucket, key, $"{VaultConstants.ArchivePrefix}{documentId}/{fileName}");
            await _notifier.DocumentStoredAsync(documentId, ownerId);

            context.Logger.LogInformation($"Vaulted {key} as {documentId} ({sealedDocument.Mode})");
        }
    }
}
