using Amazon.S3;
using Amazon.S3.Model;
using DocumentVault.Models;

namespace DocumentVault.Storage;

public interface IVaultStore
{
    Task StoreAsync(string documentId, SealedDocument document, CancellationToken ct = default);
    Task<SealedDocument> LoadAsync(string documentId, CancellationToken ct = default);
    Task DeleteAsync(string documentId, CancellationToken ct = default);
    Task CopyToLegalHoldAsync(string documentId, string caseId, CancellationToken ct = default);
}

/// <summary>Vault bucket layout: documents/{documentId}.bin, crypto parameters in object metadata.</summary>
public sealed class S3VaultStore : IVaultStore
{
    private readonly IAmazonS3 _s3;
    private readonly string _bucket;

    public S3VaultStore(IAmazonS3 s3, VaultSettings settings)
    {
        _s3 = s3;
        _bucket = settings.VaultBucket;
    }

    private static string KeyOf(string documentId) => $"{VaultConstants.DocumentPrefix}{documentId}.bin";

    public async Task StoreAsync(string documentId, SealedDocument document, CancellationToken ct = default)
    {
        var request = new PutObjectRequest
        {
            BucketName = _bucket,
            Key = KeyOf(documentId),
            InputStream = new MemoryStream(document.Ciphertext),
            ContentType = "application/octet-stream",
        };
        request.Metadata.Add("mode", document.Mode);
        if (document.WrappedKey is not null)
        {
            request.Metadata.Add("wrapped-key", Convert.ToBase64String(document.WrappedKey));
            request.Metadata.Add("nonce", Convert.ToBase64String(document.Nonce!));
            request.Metadata.Add("tag", Convert.ToBase64String(document.Tag!));
        }

        await _s3.PutObjectAsync(request, ct);
    }

    public async Task<SealedDocument> LoadAsync(string documentId, CancellationToken ct = default)
    {
        using var response = await _s3.GetObjectAsync(new GetObjectRequest
        {
            BucketName = _bucket,
            Key = KeyOf(documentId),
        }, ct);

        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer, ct);

        var mode = response.Metadata["mode"];
        return mode == SealedDocument.EnvelopeMode
            ? new SealedDocument(buffer.ToArray(), mode,
                Convert.FromBase64String(response.Metadata["wrapped-key"]),
                Convert.FromBase64String(response.Metadata["nonce"]),
                Convert.FromBase64String(response.Metadata["tag"]))
            : new SealedDocument(buffer.ToArray(), mode, null, null, null);
    }

    public Task DeleteAsync(string documentId, CancellationToken ct = default) =>
        _s3.DeleteObjectAsync(_bucket, KeyOf(documentId), ct);

    // Planned for litigation holds; no handler calls it yet.
    public Task CopyToLegalHoldAsync(string documentId, string caseId, CancellationToken ct = default) =>
        _s3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = _bucket,
            SourceKey = KeyOf(documentId),
            DestinationBucket = _bucket,
            DestinationKey = $"legal-hold/{caseId}/{documentId}.bin",
        }, ct);
}
