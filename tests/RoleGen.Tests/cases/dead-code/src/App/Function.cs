using Amazon.S3;

namespace App;

public class Function
{
    private readonly Reader _reader = new(new AmazonS3Client());

    public Task Handle(string name) => _reader.ReadAsync($"data/{name}.json");
}

public class Reader(IAmazonS3 s3)
{
    private readonly string _bucket = Environment.GetEnvironmentVariable("BUCKET")!;

    public Task ReadAsync(string key) => s3.GetObjectAsync(_bucket, key);

    /// <summary>Never called.</summary>
    public Task DeleteAsync(string key) => s3.DeleteObjectAsync(_bucket, key);
}
