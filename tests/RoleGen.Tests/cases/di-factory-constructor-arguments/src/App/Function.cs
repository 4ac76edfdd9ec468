using Amazon.S3;
using Microsoft.Extensions.DependencyInjection;

namespace App;

public sealed record ExportSettings(string Bucket);

public sealed class Exporter(IAmazonS3 s3, ExportSettings settings, string prefix)
{
    public Task ExportAsync(string name) =>
        s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = settings.Bucket, Key = prefix + name });
}

public class Function
{
    private static readonly IServiceProvider Services = Build();

    private static IServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new ExportSettings(Environment.GetEnvironmentVariable("EXPORT_BUCKET")!));
        services.AddSingleton<IAmazonS3>(_ => new AmazonS3Client());
        services.AddSingleton(sp => new Exporter(sp.GetRequiredService<IAmazonS3>(), sp.GetRequiredService<ExportSettings>(), "exports/"));
        return services.BuildServiceProvider();
    }

    public Task Handle(string name) => Services.GetRequiredService<Exporter>().ExportAsync(name);
}
