using System.Net;
using Amazon.Lambda.S3Events;
using Amazon.S3;
using Amazon.S3.Model;

namespace App;

public class Ingest
{
    private readonly IAmazonS3 _s3 = new AmazonS3Client();
    private readonly string _archive = Environment.GetEnvironmentVariable("ARCHIVE_BUCKET")!;

    public async Task Handle(S3Event evnt)
    {
        foreach (var record in evnt.Records)
        {
            var bucket = record.S3.Bucket.Name;
            var key = WebUtility.UrlDecode(record.S3.Object.Key);
            using var response = await _s3.GetObjectAsync(bucket, key);
            await _s3.PutObjectAsync(new PutObjectRequest { BucketName = _archive, Key = $"archived/{key}", InputStream = response.ResponseStream });
            await _s3.DeleteObjectAsync(bucket, key);
        }
    }
}
