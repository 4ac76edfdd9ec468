using System.Net;
using System.Text.Json;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;
using Microsoft.Extensions.DependencyInjection;
using OrderService.Data;
using OrderService.Messaging;
using OrderService.Models;

namespace OrderService.Functions;

/// <summary>POST /orders</summary>
public class CreateOrderFunction
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IOrderRepository _orders;
    private readonly IOrderQueue _queue;

    public CreateOrderFunction()
    {
        var provider = Startup.BuildServiceProvider();
        _orders = provider.GetRequiredService<IOrderRepository>();
        _queue = provider.GetRequiredService<IOrderQueue>();
    }

    public CreateOrderFunction(IOrderRepository orders, IOrderQueue queue)
    {
        _orders = orders;
        _queue = queue;
    }

    public async Task<APIGatewayProxyResponse> HandleAsync(APIGatewayProxyRequest request, ILambdaContext context)
    {
        CreateOrderRequest? body;
        try
        {
            body = JsonSerializer.Deserialize<CreateOrderRequest>(request.Body ?? string.Empty, Json);
        }
        catch (JsonException)
        {
            return Error(HttpStatusCode.BadRequest, "Body is not valid JSON.");
        }

        if (string.IsNullOrWhiteSpace(body?.CustomerId) || body.Lines is not { Count: > 0 })
        {
            return Error(HttpStatusCode.BadRequest, "customerId and at least one line are required.");
        }

        var order = new Order
        {
            OrderId = Guid.NewGuid().ToString("N"),
            CustomerId = body.CustomerId,
            CreatedAt = DateTimeOffset.UtcNow,
            Lines = body.Lines,
        };

        await _orders.SaveNewAsync(order);
        await _queue.EnqueueAsync(order);

        context.Logger.LogInformation($"Created order {order.OrderId} for {order.CustomerId}");

        return new APIGatewayProxyResponse
        {
            StatusCode = (int)HttpStatusCode.Created,
            Headers = new Dictionary<string, string>
            {
                ["Content-Type"] = "application/json",
                ["Location"] = $"/orders/{order.OrderId}",
            },
            Body = JsonSerializer.Serialize(new { order.OrderId, order.Status, order.Total }, Json),
        };
    }

    private static APIGatewayProxyResponse Error(HttpStatusCode status, string message) => new()
    {
        StatusCode = (int)status,
        Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
        Body = JsonSerializer.Serialize(new { message }, Json),
    };
}
