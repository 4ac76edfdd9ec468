using DocumentVault.Models;

namespace DocumentVault.Data;

public interface IDocumentRepository
{
    Task PutAsync(DocumentRecord document, CancellationToken ct = default);
    Task<DocumentRecord?> GetAsync(string documentId, CancellationToken ct = default);
    Task<IReadOnlyList<DocumentRecord>> ListByOwnerAsync(string ownerId, CancellationToken ct = default);
    Task<IReadOnlyList<string>> ListExpiredAsync(DateTimeOffset uploadedBefore, CancellationToken ct = default);
    Task MarkPurgedAsync(string documentId, CancellationToken ct = default);
    Task DeleteAsync(string documentId, CancellationToken ct = default);
}
