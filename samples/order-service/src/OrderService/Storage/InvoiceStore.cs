using System.Globalization;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using OrderService.Configuration;
using OrderService.Models;

namespace OrderService.Storage;

public interface IInvoiceStore
{
    /// <summary>Renders and uploads the invoice; returns its object key.</summary>
    Task<string> SaveInvoiceAsync(Order order, CancellationToken cancellationToken = default);

    Task<Stream> OpenInvoiceAsync(string orderId, CancellationToken cancellationToken = default);
}

public sealed class S3InvoiceStore : IInvoiceStore
{
    private const string InvoicePrefix = "invoices";

    private readonly IAmazonS3 _s3;
    private readonly string _bucket;

    public S3InvoiceStore(IAmazonS3 s3, OrderServiceOptions options)
    {
        _s3 = s3;
        _bucket = options.InvoiceBucket ?? throw new InvalidOperationException("INVOICE_BUCKET is not set");
    }

    public static string KeyFor(string orderId) => $"{InvoicePrefix}/{orderId}.pdf";

    public async Task<string> SaveInvoiceAsync(Order order, CancellationToken cancellationToken = default)
    {
        var key = KeyFor(order.OrderId);
        using var content = new MemoryStream(InvoiceRenderer.Render(order));

        await _s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket,
            Key = key,
            InputStream = content,
            ContentType = "application/pdf",
        }, cancellationToken);

        return key;
    }

    // Only the (not yet written) GET /orders/{id}/invoice endpoint would call this.
    public async Task<Stream> OpenInvoiceAsync(string orderId, CancellationToken cancellationToken = default)
    {
        var response = await _s3.GetObjectAsync(_bucket, KeyFor(orderId), cancellationToken);
        return response.ResponseStream;
    }
}

/// <summary>Very small stand-in for the real PDF renderer.</summary>
internal static class InvoiceRenderer
{
    public static byte[] Render(Order order)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"INVOICE {order.OrderId}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Customer: {order.CustomerId}");
        foreach (var line in order.Lines)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{line.Sku,-12} {line.Quantity,4} x {line.UnitPrice,8:0.00} = {line.Total,10:0.00}");
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"TOTAL {order.Total:0.00}");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
