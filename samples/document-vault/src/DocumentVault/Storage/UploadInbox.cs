using Amazon.S3;
using Amazon.S3.Model;

namespace DocumentVault.Storage;

/// <summary>The uploads bucket, as seen by the ingest function.</summary>
public interface IUploadInbox
{
    Task<(byte[] Content, string ContentType)> ReadAsync(string bucket, string key, CancellationToken ct = default);

    /// <summary>Moves an upload to another key of the uploads bucket (copy, then delete).</summary>
    Task MoveAsync(string bucket, string sourceKey, string destinationKey, CancellationToken ct = default);
}

public sealed class S3UploadInbox : IUploadInbox
{
    private readonly IAmazonS3 _s3;
    private readonly VaultSettings _settings;

    public S3UploadInbox(IAmazonS3 s3, VaultSettings settings)
    {
        _s3 = s3;
        _settings = settings;
    }

    public async Task<(byte[] Content, string ContentType)> ReadAsync(string bucket, string key, CancellationToken ct = default)
    {
        using var response = await _s3.GetObjectAsync(bucket, key, ct);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer, ct);
        return (buffer.ToArray(), response.Headers.ContentType ?? "application/octet-stream");
    }

    public async Task MoveAsync(string bucket, string sourceKey, string destinationKey, CancellationToken ct = default)
    {
        await _s3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = bucket,
            SourceKey = sourceKey,
            DestinationBucket = _settings.UploadsBucket,
            DestinationKey = destinationKey,
        }, ct);

        await _s3.DeleteObjectAsync(new DeleteObjectRequest
        {
            BucketName = bucket,
            Key = sourceKey,
        }, ct);
    }
}
