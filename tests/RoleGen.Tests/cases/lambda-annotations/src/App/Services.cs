using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;

namespace App;

public interface IItemStore
{
    Task PutAsync(string id);
}

public sealed class DynamoItemStore(IAmazonDynamoDB dynamo, string table) : IItemStore
{
    public Task PutAsync(string id) =>
        dynamo.PutItemAsync(new PutItemRequest { TableName = table, Item = new() { ["Id"] = new AttributeValue(id) } });
}

/// <summary>Not registered: a test double.</summary>
public sealed class InMemoryItemStore(IAmazonDynamoDB dynamo) : IItemStore
{
    public Task PutAsync(string id) => dynamo.DeleteTableAsync("scratch");
}

public interface IAuditLog
{
    Task WriteAsync(string id);
}

public sealed class S3AuditLog(IAmazonS3 s3) : IAuditLog
{
    public Task WriteAsync(string id) =>
        s3.PutObjectAsync(new PutObjectRequest { BucketName = Environment.GetEnvironmentVariable("AUDIT_BUCKET"), Key = $"audit/{id}" });
}
