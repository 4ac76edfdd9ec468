using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DocumentVault.Models;

namespace DocumentVault.Data;

public sealed class DocumentRepository : IDocumentRepository
{
    private const string OwnerIndex = "ByOwner";
    private const string StatusIndex = "ByStatus";

    private readonly IAmazonDynamoDB _db;
    private readonly VaultSettings _settings;

    public DocumentRepository(IAmazonDynamoDB db, VaultSettings settings)
    {
        _db = db;
        _settings = settings;
    }

    public Task PutAsync(DocumentRecord document, CancellationToken ct = default) =>
        _db.PutItemAsync(new PutItemRequest
        {
            TableName = _settings.TableName,
            Item = new Dictionary<string, AttributeValue>
            {
                ["DocumentId"] = new AttributeValue { S = document.DocumentId },
                ["OwnerId"] = new AttributeValue { S = document.OwnerId },
                ["FileName"] = new AttributeValue { S = document.FileName },
                ["ContentType"] = new AttributeValue { S = document.ContentType },
                ["Size"] = new AttributeValue { N = document.Size.ToString(CultureInfo.InvariantCulture) },
                ["UploadedAt"] = new AttributeValue { S = document.UploadedAt.ToString("O", CultureInfo.InvariantCulture) },
                ["Status"] = new AttributeValue { S = document.Status },
            },
        }, ct);

    public async Task<DocumentRecord?> GetAsync(string documentId, CancellationToken ct = default)
    {
        var response = await _db.GetItemAsync(new GetItemRequest
        {
            TableName = _settings.TableName,
            Key = new Dictionary<string, AttributeValue> { ["DocumentId"] = new AttributeValue { S = documentId } },
        }, ct);

        return response.Item is { Count: > 0 } item ? Map(item) : null;
    }

    public async Task<IReadOnlyList<DocumentRecord>> ListByOwnerAsync(string ownerId, CancellationToken ct = default)
    {
        var response = await _db.QueryAsync(new QueryRequest
        {
            TableName = _settings.TableName,
            IndexName = OwnerIndex,
            KeyConditionExpression = "OwnerId = :owner",
            FilterExpression = "#s = :active",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#s"] = "Status" },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":owner"] = new AttributeValue { S = ownerId },
                [":active"] = new AttributeValue { S = DocumentStatus.Active },
            },
        }, ct);

        return (response.Items ?? new()).Select(Map).ToList();
    }

    public async Task<IReadOnlyList<string>> ListExpiredAsync(DateTimeOffset uploadedBefore, CancellationToken ct = default)
    {
        var ids = new List<string>();
        var request = new QueryRequest
        {
            TableName = _settings.TableName,
            IndexName = StatusIndex,
            KeyConditionExpression = "#s = :active AND UploadedAt < :cutoff",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#s"] = "Status" },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":active"] = new AttributeValue { S = DocumentStatus.Active },
                [":cutoff"] = new AttributeValue { S = uploadedBefore.ToString("O", CultureInfo.InvariantCulture) },
            },
        };

        do
        {
            var response = await _db.QueryAsync(request, ct);
            ids.AddRange((response.Items ?? new()).Select(i => i["DocumentId"].S));
            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (request.ExclusiveStartKey is not null);

        return ids;
    }

    public Task MarkPurgedAsync(string documentId, CancellationToken ct = default) =>
        _db.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = _settings.TableName,
            Key = new Dictionary<string, AttributeValue> { ["DocumentId"] = new AttributeValue { S = documentId } },
            UpdateExpression = "SET #s = :purged, PurgedAt = :now",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#s"] = "Status" },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":purged"] = new AttributeValue { S = DocumentStatus.Purged },
                [":now"] = new AttributeValue { S = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) },
            },
        }, ct);

    // GDPR erasure goes through the support console, which talks to the table directly.
    public Task DeleteAsync(string documentId, CancellationToken ct = default) =>
        _db.DeleteItemAsync(_settings.TableName, new Dictionary<string, AttributeValue> { ["DocumentId"] = new AttributeValue { S = documentId } }, ct);

    private static DocumentRecord Map(Dictionary<string, AttributeValue> item) => new()
    {
        DocumentId = item["DocumentId"].S,
        OwnerId = item["OwnerId"].S,
        FileName = item["FileName"].S,
        ContentType = item["ContentType"].S,
        Size = long.Parse(item["Size"].N, CultureInfo.InvariantCulture),
        UploadedAt = DateTimeOffset.Parse(item["UploadedAt"].S, CultureInfo.InvariantCulture),
        Status = item["Status"].S,
    };
}
