using System.Security.Cryptography;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using DocumentVault.Models;

namespace DocumentVault.Crypto;

public interface IDocumentCrypto
{
    Task<SealedDocument> SealAsync(string documentId, byte[] plaintext, CancellationToken ct = default);
    Task<byte[]> OpenAsync(string documentId, SealedDocument document, CancellationToken ct = default);
}

/// <summary>
/// Small documents are encrypted by KMS directly; larger ones with a fresh AES-256
/// data key (AES-GCM) whose KMS-wrapped copy is stored next to the ciphertext.
/// The document id is bound in as encryption context.
/// </summary>
public sealed class KmsDocumentCrypto : IDocumentCrypto
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly IAmazonKeyManagementService _kms;
    private readonly string _keyId;

    public KmsDocumentCrypto(IAmazonKeyManagementService kms, VaultSettings settings)
    {
        _kms = kms;
        _keyId = settings.KeyId;
    }

    private static Dictionary<string, string> Context(string documentId) => new() { ["documentId"] = documentId };

    public async Task<SealedDocument> SealAsync(string documentId, byte[] plaintext, CancellationToken ct = default)
    {
        if (plaintext.Length <= VaultConstants.DirectEncryptLimit)
        {
            var encrypted = await _kms.EncryptAsync(new EncryptRequest
            {
                KeyId = _keyId,
                Plaintext = new MemoryStream(plaintext),
                EncryptionContext = Context(documentId),
            }, ct);

            return new SealedDocument(encrypted.CiphertextBlob.ToArray(), SealedDocument.DirectMode, null, null, null);
        }

        var dataKey = await _kms.GenerateDataKeyAsync(new GenerateDataKeyRequest
        {
            KeyId = _keyId,
            KeySpec = DataKeySpec.AES_256,
            EncryptionContext = Context(documentId),
        }, ct);

        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[TagSize];
        using (var aes = new AesGcm(dataKey.Plaintext.ToArray(), TagSize))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag);
        }

        return new SealedDocument(ciphertext, SealedDocument.EnvelopeMode, dataKey.CiphertextBlob.ToArray(), nonce, tag);
    }

    public async Task<byte[]> OpenAsync(string documentId, SealedDocument document, CancellationToken ct = default)
    {
        var blob = document.Mode == SealedDocument.EnvelopeMode ? document.WrappedKey! : document.Ciphertext;

        var decrypted = await _kms.DecryptAsync(new DecryptRequest
        {
            KeyId = _keyId,
            CiphertextBlob = new MemoryStream(blob),
            EncryptionContext = Context(documentId),
        }, ct);

        if (document.Mode != SealedDocument.EnvelopeMode)
        {
            return decrypted.Plaintext.ToArray();
        }

        var plaintext = new byte[document.Ciphertext.Length];
        using var aes = new AesGcm(decrypted.Plaintext.ToArray(), TagSize);
        aes.Decrypt(document.Nonce!, document.Ciphertext, document.Tag!, plaintext);
        return plaintext;
    }
}
