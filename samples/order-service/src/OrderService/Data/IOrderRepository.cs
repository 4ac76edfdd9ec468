using OrderService.Models;

namespace OrderService.Data;

public interface IOrderRepository
{
    Task SaveNewAsync(Order order, CancellationToken cancellationToken = default);

    Task<Order?> GetAsync(string orderId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Order>> ListByCustomerAsync(string customerId, int limit, CancellationToken cancellationToken = default);

    Task MarkInvoicedAsync(string orderId, string invoiceKey, CancellationToken cancellationToken = default);

    Task DeleteAsync(string orderId, CancellationToken cancellationToken = default);
}
