using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;

namespace App;

[DynamoDBTable("Orders")]
public class Order
{
    [DynamoDBHashKey] public string Id { get; set; } = "";
    public decimal Total { get; set; }
}

public class Function
{
    // The same code runs in every stage: the prefix picks the stage's tables ("prod-Orders").
    private static readonly DynamoDBContextConfig Config = new()
    {
        TableNamePrefix = Environment.GetEnvironmentVariable("TABLE_PREFIX"),
        ConsistentRead = true,
    };

    private readonly IDynamoDBContext _context = new DynamoDBContext(new AmazonDynamoDBClient(), Config);

    public async Task Handle(Order order)
    {
        await _context.SaveAsync(order);
        var stored = await _context.LoadAsync<Order>(order.Id);
        // The override replaces the entity's table; the context's prefix still applies: "prod-Archive".
        await _context.SaveAsync(stored, new SaveConfig { OverrideTableName = "Archive" });
    }
}
