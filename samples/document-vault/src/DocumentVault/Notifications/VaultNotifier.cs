using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace DocumentVault.Notifications;

public interface IVaultNotifier
{
    Task DocumentStoredAsync(string documentId, string ownerId, CancellationToken ct = default);
    Task DocumentsPurgedAsync(IReadOnlyCollection<string> documentIds, CancellationToken ct = default);
}

/// <summary>Events for the downstream notification service, sent to the notification queue.</summary>
public sealed class SqsVaultNotifier : IVaultNotifier
{
    private const int MaxBatchEntries = 10;

    private readonly IAmazonSQS _sqs;
    private readonly string _queueUrl;

    public SqsVaultNotifier(IAmazonSQS sqs, VaultSettings settings)
    {
        _sqs = sqs;
        _queueUrl = settings.QueueUrl ?? throw new InvalidOperationException("QUEUE_URL is not set");
    }

    public async Task DocumentStoredAsync(string documentId, string ownerId, CancellationToken ct = default)
    {
        var body = JsonSerializer.Serialize(new { type = "DocumentStored", documentId, ownerId });
        await _sqs.SendMessageAsync(_queueUrl, body, ct);
    }

    public async Task DocumentsPurgedAsync(IReadOnlyCollection<string> documentIds, CancellationToken ct = default)
    {
        foreach (var chunk in documentIds.Chunk(MaxBatchEntries))
        {
            var request = new SendMessageBatchRequest
            {
                QueueUrl = _queueUrl,
                Entries = chunk
                    .Select((id, i) => new SendMessageBatchRequestEntry(
                        $"m{i}", JsonSerializer.Serialize(new { type = "DocumentPurged", documentId = id })))
                    .ToList(),
            };

            var response = await _sqs.SendMessageBatchAsync(request, ct);
            if (response.Failed is { Count: > 0 } failed)
            {
                throw new InvalidOperationException($"{failed.Count} purge notifications were not sent: {failed[0].Message}");
            }
        }
    }
}
