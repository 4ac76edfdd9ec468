using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;
using OrderService.Configuration;
using OrderService.Models;

namespace OrderService.Messaging;

public interface IOrderQueue
{
    Task EnqueueAsync(Order order, CancellationToken cancellationToken = default);
}

/// <summary>Puts new orders on the order queue for <c>ProcessOrderFunction</c>.</summary>
public sealed class SqsOrderQueue : IOrderQueue
{
    private readonly IAmazonSQS _sqs;
    private readonly string _queueUrl;

    public SqsOrderQueue(IAmazonSQS sqs, OrderServiceOptions options)
    {
        _sqs = sqs;
        _queueUrl = options.QueueUrl ?? throw new InvalidOperationException("QUEUE_URL is not set");
    }

    public async Task EnqueueAsync(Order order, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.Serialize(new OrderQueuedMessage(order.OrderId, order.CustomerId));

        await _sqs.SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = _queueUrl,
            MessageBody = body,
            MessageAttributes = new Dictionary<string, MessageAttributeValue>
            {
                ["CustomerId"] = new MessageAttributeValue { DataType = "String", StringValue = order.CustomerId },
            },
        }, cancellationToken);
    }
}
