using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;

namespace WidgetService;

public class ExportWidgetsFunction
{
    private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();
    private readonly IAmazonS3 _s3 = new AmazonS3Client();

    public async Task HandleAsync(string bucketName)
    {
        var table = Environment.GetEnvironmentVariable("TABLE_NAME");
        var widgets = await _dynamo.ScanAsync(new ScanRequest { TableName = table });
        // The template does not set EXPORT_BUCKET for this function: RG2004.
        var bucket = Environment.GetEnvironmentVariable("EXPORT_BUCKET");
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = $"exports/{DateTime.UtcNow:yyyyMMdd}.json", ContentBody = widgets.Count.ToString() });
        // A bucket named by the caller: RG1002.
        await _s3.DeleteObjectAsync(bucketName, "exports/latest.json");
    }
}
