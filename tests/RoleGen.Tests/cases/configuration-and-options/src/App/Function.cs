using Amazon.S3;
using Amazon.SQS;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace App;

public class MessagingOptions
{
    public string QueueUrl { get; set; } = "";
}

public class ReportWriter(IAmazonS3 s3, IAmazonSQS sqs, IConfiguration configuration, IOptions<MessagingOptions> messaging)
{
    public async Task WriteAsync(string name)
    {
        await s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest
        {
            BucketName = configuration["Storage:Bucket"],
            Key = $"reports/{name}.csv",
        });
        await sqs.SendMessageAsync(messaging.Value.QueueUrl, name);
    }
}

public class Function
{
    private readonly ReportWriter _writer;

    public Function()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.Configure<MessagingOptions>(configuration.GetSection("Messaging"));
        services.AddSingleton<IAmazonS3, AmazonS3Client>();
        services.AddSingleton<IAmazonSQS, AmazonSQSClient>();
        services.AddSingleton<ReportWriter>();
        _writer = services.BuildServiceProvider().GetRequiredService<ReportWriter>();
    }

    public Task Handle(string name) => _writer.WriteAsync(name);
}
