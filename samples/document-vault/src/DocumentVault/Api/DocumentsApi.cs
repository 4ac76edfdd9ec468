using System.Net;
using System.Text.Json;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;
using DocumentVault.Crypto;
using DocumentVault.Data;
using DocumentVault.Models;
using DocumentVault.Storage;

namespace DocumentVault.Api;

/// <summary>
/// Entry class of two functions: GetDocumentFunction (GetDocumentAsync) and
/// ListDocumentsFunction (ListDocumentsAsync).
/// </summary>
public class DocumentsApi : FunctionBase
{
    private readonly IDocumentRepository _documents;
    private readonly IVaultStore _vault;
    private readonly IDocumentCrypto _crypto;

    public DocumentsApi()
    {
        _documents = Resolve<IDocumentRepository>();
        _vault = Resolve<IVaultStore>();
        _crypto = Resolve<IDocumentCrypto>();
    }

    /// <summary>GET /documents/{documentId}: the decrypted document.</summary>
    public async Task<APIGatewayProxyResponse> GetDocumentAsync(APIGatewayProxyRequest request, ILambdaContext context)
    {
        var documentId = request.PathParameters?["documentId"];
        if (string.IsNullOrEmpty(documentId))
        {
            return Status(HttpStatusCode.BadRequest);
        }

        var record = await _documents.GetAsync(documentId);
        if (record is null)
        {
            return Status(HttpStatusCode.NotFound);
        }
        if (record.Status == DocumentStatus.Purged)
        {
            return Status(HttpStatusCode.Gone);
        }

        var sealedDocument = await _vault.LoadAsync(documentId);
        var content = await _crypto.OpenAsync(documentId, sealedDocument);

        return new APIGatewayProxyResponse
        {
            StatusCode = (int)HttpStatusCode.OK,
            IsBase64Encoded = true,
            Body = Convert.ToBase64String(content),
            Headers = new Dictionary<string, string>
            {
                ["Content-Type"] = record.ContentType,
                ["Content-Disposition"] = $"attachment; filename=\"{record.FileName}\"",
            },
        };
    }

    /// <summary>GET /owners/{ownerId}/documents: metadata of the owner's active documents.</summary>
    public async Task<APIGatewayProxyResponse> ListDocumentsAsync(APIGatewayProxyRequest request, ILambdaContext context)
    {
        if (request.PathParameters is null || !request.PathParameters.TryGetValue("ownerId", out var ownerId))
        {
            return Status(HttpStatusCode.BadRequest);
        }

        var documents = await _documents.ListByOwnerAsync(ownerId);

        return new APIGatewayProxyResponse
        {
            StatusCode = (int)HttpStatusCode.OK,
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            Body = JsonSerializer.Serialize(documents, new JsonSerializerOptions(JsonSerializerDefaults.Web)),
        };
    }

    private static APIGatewayProxyResponse Status(HttpStatusCode code) => new() { StatusCode = (int)code };
}
