namespace DocumentVault.Models;

public static class DocumentStatus
{
    public const string Active = "ACTIVE";
    public const string Purged = "PURGED";
}

public sealed class DocumentRecord
{
    public required string DocumentId { get; init; }
    public required string OwnerId { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long Size { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
    public string Status { get; set; } = DocumentStatus.Active;
}

/// <summary>Ciphertext plus what is needed to decrypt it, as kept in the vault bucket.</summary>
public sealed record SealedDocument(byte[] Ciphertext, string Mode, byte[]? WrappedKey, byte[]? Nonce, byte[]? Tag)
{
    public const string DirectMode = "kms-direct", EnvelopeMode = "kms-envelope";
}
