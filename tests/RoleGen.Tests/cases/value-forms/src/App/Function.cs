using Amazon.DynamoDBv2;
using Amazon.S3;

namespace App;

public sealed class Locations
{
    public required string Bucket { get; init; }
}

public sealed record Ledger(string Table);

public class Function
{
    private const string Root = "assets";
    private const string Images = $"{Root}/images";
    private static readonly string ThumbnailsPrefix;
    private static string? _bucket;

    private readonly IAmazonS3 _s3 = new AmazonS3Client();
    private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();
    private readonly Locations _locations = new() { Bucket = Environment.GetEnvironmentVariable("ASSETS_BUCKET")! };
    private readonly Ledger _ledger = new(Environment.GetEnvironmentVariable("LEDGER_TABLE")!);

    static Function()
    {
        ThumbnailsPrefix = string.Join("/", new[] { Root, "thumbnails" });
    }

    private static string Bucket() => _bucket ??= Environment.GetEnvironmentVariable("ASSETS_BUCKET")!;

    public async Task Handle(string id)
    {
        await _s3.GetObjectAsync(Bucket(), $"{Images}/{id}.png");
        await _s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = _locations.Bucket, Key = $"{ThumbnailsPrefix}/{id}.png" });
        await _dynamo.DescribeTableAsync(_ledger.Table);
    }
}
