using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace App;

public class OrderStore(IAmazonDynamoDB dynamo)
{
    private readonly string _table = Environment.GetEnvironmentVariable("TABLE")!;

    public Task SaveAsync(string id) =>
        dynamo.PutItemAsync(new PutItemRequest { TableName = _table, Item = new() { ["Id"] = new AttributeValue(id) } });

    public Task<GetItemResponse> GetAsync(string id) =>
        dynamo.GetItemAsync(new GetItemRequest { TableName = _table, Key = new() { ["Id"] = new AttributeValue(id) } });
}

public class Functions
{
    private readonly OrderStore _store = new(new AmazonDynamoDBClient());

    public Task Create(string id) => _store.SaveAsync(id);

    public async Task<string> Read(string id) => (await _store.GetAsync(id)).Item["Id"].S;
}
