using System.Text.Json;
using Amazon.Lambda.Core;
using Amazon.Lambda.SQSEvents;
using Microsoft.Extensions.DependencyInjection;
using OrderService.Data;
using OrderService.Messaging;
using OrderService.Models;
using OrderService.Storage;

namespace OrderService.Functions;

/// <summary>
/// Triggered by the order queue. Renders the invoice, marks the order invoiced and
/// announces it. Failed messages are reported individually (ReportBatchItemFailures).
/// </summary>
public class ProcessOrderFunction
{
    private readonly IOrderRepository _orders;
    private readonly IInvoiceStore _invoices;
    private readonly IOrderNotifier _notifier;

    public ProcessOrderFunction()
        : this(Startup.BuildServiceProvider())
    {
    }

    private ProcessOrderFunction(IServiceProvider provider)
        : this(
            provider.GetRequiredService<IOrderRepository>(),
            provider.GetRequiredService<IInvoiceStore>(),
            provider.GetRequiredService<IOrderNotifier>())
    {
    }

    public ProcessOrderFunction(IOrderRepository orders, IInvoiceStore invoices, IOrderNotifier notifier)
    {
        _orders = orders;
        _invoices = invoices;
        _notifier = notifier;
    }

    public async Task<SQSBatchResponse> HandleAsync(SQSEvent sqsEvent, ILambdaContext context)
    {
        var failures = new List<SQSBatchResponse.BatchItemFailure>();

        foreach (var message in sqsEvent.Records)
        {
            try
            {
                await ProcessMessageAsync(message, context);
            }
            catch (Exception ex)
            {
                context.Logger.LogError($"Message {message.MessageId} failed: {ex}");
                failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
            }
        }

        return new SQSBatchResponse { BatchItemFailures = failures };
    }

    private async Task ProcessMessageAsync(SQSEvent.SQSMessage message, ILambdaContext context)
    {
        var queued = JsonSerializer.Deserialize<OrderQueuedMessage>(message.Body)
            ?? throw new InvalidOperationException("Empty message body");

        var order = await _orders.GetAsync(queued.OrderId);
        if (order is null)
        {
            context.Logger.LogWarning($"Order {queued.OrderId} no longer exists; dropping message.");
            return;
        }

        if (order.Status != OrderStatus.Pending)
        {
            // Redelivery after a partial failure: the work is already done.
            return;
        }

        var invoiceKey = await _invoices.SaveInvoiceAsync(order);
        await _orders.MarkInvoicedAsync(order.OrderId, invoiceKey);

        order.Status = OrderStatus.Invoiced;
        order.InvoiceKey = invoiceKey;
        await _notifier.OrderInvoicedAsync(order);
    }
}
