using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;

namespace App;

public class Function
{
    private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();
    private readonly IAmazonS3 _s3 = new AmazonS3Client();

    public async Task Handle(string id)
    {
        // The bucket is stored in the index: known only when the function runs.
        var entry = await _dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = Environment.GetEnvironmentVariable("INDEX_TABLE"),
            Key = new() { ["Id"] = new AttributeValue(id) },
        });
        await _s3.GetObjectAsync(entry.Item["Bucket"].S, $"blobs/{id}");

        // A name computed by reflection.
        var archive = (string)typeof(Function).GetProperty("ArchiveBucket")!.GetValue(this)!;
        await _s3.DeleteObjectAsync(archive, id);

        // Not set by the template for this function.
        await _dynamo.DeleteItemAsync(Environment.GetEnvironmentVariable("SCRATCH_TABLE"), new() { ["Id"] = new AttributeValue(id) });
    }
}
