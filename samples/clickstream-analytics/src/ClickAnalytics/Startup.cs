using Amazon.DynamoDBv2;
using Amazon.Kinesis;
using Amazon.S3;
using ClickAnalytics.Aggregation;
using ClickAnalytics.Replay;
using ClickAnalytics.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

[assembly: Amazon.Lambda.Core.LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace ClickAnalytics;

public static class Startup
{
    private static readonly Lazy<IServiceProvider> Provider = new(Build);

    /// <summary>One container per execution environment, shared by warm invocations.</summary>
    public static IServiceProvider Services => Provider.Value;

    private static IServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);

        services.AddSingleton<IAmazonDynamoDB, AmazonDynamoDBClient>();
        services.AddSingleton<IAmazonS3, AmazonS3Client>();
        services.AddSingleton<IAmazonKinesis, AmazonKinesisClient>();

        services.AddSingleton<IAggregateRepository, AggregateRepository>();
        services.AddSingleton<IArchiveStore, S3ArchiveStore>();
        services.AddSingleton<ClickAggregator>();

        // Operator tool for re-driving archived batches; run from a developer machine.
        services.AddSingleton<ReplayService>();

        return services.BuildServiceProvider();
    }
}
