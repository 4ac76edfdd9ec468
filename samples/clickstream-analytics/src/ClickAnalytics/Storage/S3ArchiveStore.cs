using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Configuration;

namespace ClickAnalytics.Storage;

/// <summary>
/// Layout of the archive bucket:
///   raw/yyyy/MM/dd/{batchId}.jsonl        - raw clicks, expired by a lifecycle rule
///   {REPORT_PREFIX}/{site}/yyyy-MM-dd.json - daily reports
/// </summary>
public sealed class S3ArchiveStore : IArchiveStore
{
    public const string RawPrefix = "raw/";

    private readonly IAmazonS3 _s3;
    private readonly IConfiguration _config;
    private readonly string _bucket;

    public S3ArchiveStore(IAmazonS3 s3, IConfiguration config)
    {
        _s3 = s3;
        _config = config;
        _bucket = config["ARCHIVE_BUCKET"] ?? throw new InvalidOperationException("ARCHIVE_BUCKET is not configured");
    }

    public static string DayPrefix(DateOnly day) => $"{RawPrefix}{day:yyyy}/{day:MM}/{day:dd}/";

    public async Task<string> WriteRawBatchAsync(DateOnly day, string batchId, IEnumerable<string> jsonLines, CancellationToken cancellationToken = default)
    {
        var key = $"{DayPrefix(day)}{batchId}.jsonl";

        var request = new PutObjectRequest
        {
            BucketName = _bucket,
            Key = key,
            ContentBody = string.Join('\n', jsonLines),
            ContentType = "application/x-ndjson",
        };
        await _s3.PutObjectAsync(request, cancellationToken);

        return key;
    }

    public async Task<int> CountRawBatchesAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var request = new ListObjectsV2Request
        {
            BucketName = _bucket,
            Prefix = DayPrefix(day),
        };

        var count = 0;
        ListObjectsV2Response response;
        do
        {
            response = await _s3.ListObjectsV2Async(request, cancellationToken);
            count += response.S3Objects?.Count ?? 0;
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);

        return count;
    }

    public async Task WriteReportAsync(string siteId, DateOnly day, string reportJson, CancellationToken cancellationToken = default)
    {
        // Only the report function has REPORT_PREFIX; read it when needed.
        var prefix = _config["REPORT_PREFIX"] ?? throw new InvalidOperationException("REPORT_PREFIX is not configured");

        await _s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket,
            Key = $"{prefix}/{siteId}/{day:yyyy-MM-dd}.json",
            InputStream = new MemoryStream(Encoding.UTF8.GetBytes(reportJson)),
            ContentType = "application/json",
        }, cancellationToken);
    }
}
