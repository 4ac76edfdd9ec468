using Amazon.Lambda.S3Events;
using Amazon.S3;

namespace App;

public class Raw
{
    private readonly IAmazonS3 _s3 = new AmazonS3Client();

    public Task Handle(S3Event evnt) =>
        Task.WhenAll(evnt.Records.Select(r => _s3.GetObjectMetadataAsync(r.S3.Bucket.Name, r.S3.Object.Key)));
}
