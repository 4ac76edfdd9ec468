using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using OrderService.Configuration;
using OrderService.Models;

namespace OrderService.Data;

/// <summary>
/// Orders table: partition key OrderId, global secondary index ByCustomer (CustomerId, CreatedAt).
/// </summary>
public sealed class DynamoOrderRepository : IOrderRepository
{
    private const string ByCustomerIndex = "ByCustomer";

    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _tableName;

    public DynamoOrderRepository(IAmazonDynamoDB dynamo, OrderServiceOptions options)
    {
        _dynamo = dynamo;
        _tableName = options.TableName;
    }

    public async Task SaveNewAsync(Order order, CancellationToken cancellationToken = default)
    {
        var request = new PutItemRequest
        {
            TableName = _tableName,
            Item = ToItem(order),
            // Never overwrite an existing order with the same id.
            ConditionExpression = "attribute_not_exists(OrderId)",
        };

        await _dynamo.PutItemAsync(request, cancellationToken);
    }

    public async Task<Order?> GetAsync(string orderId, CancellationToken cancellationToken = default)
    {
        var response = await _dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = _tableName,
            Key = KeyOf(orderId),
            ConsistentRead = true,
        }, cancellationToken);

        return response.Item is { Count: > 0 } item ? FromItem(item) : null;
    }

    public async Task<IReadOnlyList<Order>> ListByCustomerAsync(string customerId, int limit, CancellationToken cancellationToken = default)
    {
        var query = new QueryRequest
        {
            TableName = _tableName,
            IndexName = ByCustomerIndex,
            KeyConditionExpression = "CustomerId = :customerId",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":customerId"] = new AttributeValue { S = customerId },
            },
            ScanIndexForward = false, // newest first
            Limit = limit,
        };

        var response = await _dynamo.QueryAsync(query, cancellationToken);
        return (response.Items ?? new List<Dictionary<string, AttributeValue>>())
            .Select(FromItem)
            .ToList();
    }

    public async Task MarkInvoicedAsync(string orderId, string invoiceKey, CancellationToken cancellationToken = default)
    {
        var request = new UpdateItemRequest
        {
            TableName = _tableName,
            Key = KeyOf(orderId),
            UpdateExpression = "SET #status = :invoiced, InvoiceKey = :key, UpdatedAt = :now",
            ConditionExpression = "#status = :pending",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#status"] = "Status" },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":invoiced"] = new AttributeValue { S = OrderStatus.Invoiced },
                [":pending"] = new AttributeValue { S = OrderStatus.Pending },
                [":key"] = new AttributeValue { S = invoiceKey },
                [":now"] = new AttributeValue { S = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) },
            },
        };

        await _dynamo.UpdateItemAsync(request, cancellationToken);
    }

    // Used by the admin tooling that was never migrated to this service; no function calls it.
    public async Task DeleteAsync(string orderId, CancellationToken cancellationToken = default)
    {
        await _dynamo.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = _tableName,
            Key = KeyOf(orderId),
        }, cancellationToken);
    }

    private static Dictionary<string, AttributeValue> KeyOf(string orderId) =>
        new() { ["OrderId"] = new AttributeValue { S = orderId } };

    private static Dictionary<string, AttributeValue> ToItem(Order order)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["OrderId"] = new AttributeValue { S = order.OrderId },
            ["CustomerId"] = new AttributeValue { S = order.CustomerId },
            ["Status"] = new AttributeValue { S = order.Status },
            ["CreatedAt"] = new AttributeValue { S = order.CreatedAt.ToString("O", CultureInfo.InvariantCulture) },
            ["Total"] = new AttributeValue { N = order.Total.ToString(CultureInfo.InvariantCulture) },
            ["Lines"] = new AttributeValue { S = JsonSerializer.Serialize(order.Lines) },
        };

        if (order.InvoiceKey is not null)
        {
            item["InvoiceKey"] = new AttributeValue { S = order.InvoiceKey };
        }

        return item;
    }

    private static Order FromItem(Dictionary<string, AttributeValue> item)
    {
        return new Order
        {
            OrderId = item["OrderId"].S,
            CustomerId = item["CustomerId"].S,
            Status = item["Status"].S,
            CreatedAt = DateTimeOffset.Parse(item["CreatedAt"].S, CultureInfo.InvariantCulture),
            Lines = JsonSerializer.Deserialize<List<OrderLine>>(item["Lines"].S) ?? new(),
            InvoiceKey = item.TryGetValue("InvoiceKey", out var key) ? key.S : null,
        };
    }
}
