using Amazon.S3;

namespace App;

/// <summary>An operator tool nothing in the function uses.</summary>
public class Janitor
{
    private readonly IAmazonS3 _s3 = new AmazonS3Client();

    public Task WipeAsync() => _s3.DeleteBucketAsync(Environment.GetEnvironmentVariable("BUCKET"));
}
