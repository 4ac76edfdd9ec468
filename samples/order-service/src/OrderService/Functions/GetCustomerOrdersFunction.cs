using System.Net;
using System.Text.Json;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;
using Microsoft.Extensions.DependencyInjection;
using OrderService.Data;

namespace OrderService.Functions;

/// <summary>GET /customers/{customerId}/orders?limit=N</summary>
public class GetCustomerOrdersFunction
{
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IOrderRepository _orders;

    public GetCustomerOrdersFunction()
    {
        _orders = Startup.BuildServiceProvider().GetRequiredService<IOrderRepository>();
    }

    public GetCustomerOrdersFunction(IOrderRepository orders) => _orders = orders;

    public async Task<APIGatewayProxyResponse> HandleAsync(APIGatewayProxyRequest request, ILambdaContext context)
    {
        if (request.PathParameters is null
            || !request.PathParameters.TryGetValue("customerId", out var customerId)
            || string.IsNullOrWhiteSpace(customerId))
        {
            return new APIGatewayProxyResponse { StatusCode = (int)HttpStatusCode.BadRequest };
        }

        var limit = DefaultPageSize;
        if (request.QueryStringParameters?.TryGetValue("limit", out var raw) == true && int.TryParse(raw, out var parsed))
        {
            limit = Math.Clamp(parsed, 1, MaxPageSize);
        }

        var orders = await _orders.ListByCustomerAsync(customerId, limit);

        return new APIGatewayProxyResponse
        {
            StatusCode = (int)HttpStatusCode.OK,
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            Body = JsonSerializer.Serialize(orders.Select(o => new
            {
                o.OrderId,
                o.Status,
                o.CreatedAt,
                o.Total,
                Invoice = o.InvoiceKey is null ? null : $"/orders/{o.OrderId}/invoice",
            }), Json),
        };
    }
}
