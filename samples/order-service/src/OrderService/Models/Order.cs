namespace OrderService.Models;

public static class OrderStatus
{
    public const string Pending = "PENDING";
    public const string Invoiced = "INVOICED";
    public const string Cancelled = "CANCELLED";
}

public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice)
{
    public decimal Total => Quantity * UnitPrice;
}

public sealed class Order
{
    public string OrderId { get; set; } = string.Empty;
    public string CustomerId { get; set; } = string.Empty;
    public string Status { get; set; } = OrderStatus.Pending;
    public DateTimeOffset CreatedAt { get; set; }
    public List<OrderLine> Lines { get; set; } = new();
    public string? InvoiceKey { get; set; }

    public decimal Total => Lines.Sum(l => l.Total);
}

/// <summary>Body of POST /orders.</summary>
public sealed class CreateOrderRequest
{
    public string? CustomerId { get; set; }
    public List<OrderLine>? Lines { get; set; }
}

/// <summary>Body of the messages put on the order queue.</summary>
public sealed record OrderQueuedMessage(string OrderId, string CustomerId);
