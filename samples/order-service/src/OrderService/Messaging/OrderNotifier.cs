using System.Globalization;
using Amazon.SimpleNotificationService;
using Amazon.SimpleNotificationService.Model;
using OrderService.Configuration;
using OrderService.Models;

namespace OrderService.Messaging;

public interface IOrderNotifier
{
    Task OrderInvoicedAsync(Order order, CancellationToken cancellationToken = default);

    Task OrderCancelledAsync(string orderId, string reason, CancellationToken cancellationToken = default);
}

public sealed class SnsOrderNotifier : IOrderNotifier
{
    private readonly IAmazonSimpleNotificationService _sns;
    private readonly OrderServiceOptions _options;

    public SnsOrderNotifier(IAmazonSimpleNotificationService sns, OrderServiceOptions options)
    {
        _sns = sns;
        _options = options;
    }

    private string TopicArn => _options.TopicArn ?? throw new InvalidOperationException("TOPIC_ARN is not set");

    public async Task OrderInvoicedAsync(Order order, CancellationToken cancellationToken = default)
    {
        var request = new PublishRequest
        {
            TopicArn = TopicArn,
            Subject = $"Order {order.OrderId} confirmed",
            Message = string.Create(CultureInfo.InvariantCulture,
                $"Order {order.OrderId} for customer {order.CustomerId} was invoiced: {order.Total:0.00} EUR."),
            MessageAttributes = new Dictionary<string, MessageAttributeValue>
            {
                ["eventType"] = new MessageAttributeValue { DataType = "String", StringValue = "OrderInvoiced" },
                ["stage"] = new MessageAttributeValue { DataType = "String", StringValue = _options.Stage },
            },
        };

        await _sns.PublishAsync(request, cancellationToken);
    }

    // Cancellation is not implemented yet in the API; kept for the upcoming DELETE /orders/{id}.
    public async Task OrderCancelledAsync(string orderId, string reason, CancellationToken cancellationToken = default)
    {
        await _sns.PublishAsync(TopicArn, $"Order {orderId} was cancelled: {reason}", cancellationToken);
    }
}
