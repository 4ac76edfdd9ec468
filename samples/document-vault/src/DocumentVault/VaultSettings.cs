using System.Globalization;

namespace DocumentVault;

public static class VaultConstants
{
    public const string IncomingPrefix = "incoming/";
    public const string ArchivePrefix = "archive/";
    public const string RejectedPrefix = "rejected/";
    public const string DocumentPrefix = "documents/";

    /// <summary>KMS Encrypt takes at most 4 KiB of plaintext; larger documents use a data key.</summary>
    public const int DirectEncryptLimit = 4096;
}

/// <summary>Environment of the functions, see Globals and each function in template.yaml.</summary>
public sealed class VaultSettings
{
    public required string TableName { get; init; }
    public required string VaultBucket { get; init; }
    public required string UploadsBucket { get; init; }
    public required string KeyId { get; init; }
    public string? QueueUrl { get; init; }
    public long MaxDocumentBytes { get; init; } = 10 * 1024 * 1024;
    public int RetentionDays { get; init; } = 30;

    public static VaultSettings FromEnvironment() => new()
    {
        TableName = Required("DOCUMENTS_TABLE"),
        VaultBucket = Required("VAULT_BUCKET"),
        UploadsBucket = Required("UPLOADS_BUCKET"),
        KeyId = Required("KEY_ID"),
        QueueUrl = Environment.GetEnvironmentVariable("QUEUE_URL"),
        MaxDocumentBytes = long.TryParse(Environment.GetEnvironmentVariable("MAX_DOCUMENT_BYTES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var max) ? max : 10 * 1024 * 1024,
        RetentionDays = int.TryParse(Environment.GetEnvironmentVariable("RETENTION_DAYS"), out var days) ? days : 30,
    };

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"Environment variable {name} is not set");
}
