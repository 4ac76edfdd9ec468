using Amazon.DynamoDBv2;
using Amazon.KeyManagementService;
using Amazon.S3;
using Amazon.SQS;
using DocumentVault.Crypto;
using DocumentVault.Data;
using DocumentVault.Notifications;
using DocumentVault.Storage;
using Microsoft.Extensions.DependencyInjection;

[assembly: Amazon.Lambda.Core.LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace DocumentVault;

public static class Startup
{
    public static void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(VaultSettings.FromEnvironment());

        services.AddSingleton<IAmazonS3>(_ => new AmazonS3Client());
        services.AddSingleton<IAmazonDynamoDB>(_ => new AmazonDynamoDBClient());
        services.AddSingleton<IAmazonKeyManagementService>(_ => new AmazonKeyManagementServiceClient());
        services.AddSingleton<IAmazonSQS>(_ => new AmazonSQSClient());

        services.AddSingleton<IDocumentRepository, DocumentRepository>();
        services.AddSingleton<IUploadInbox, S3UploadInbox>();
        services.AddSingleton<IVaultStore, S3VaultStore>();
        services.AddSingleton<IDocumentCrypto, KmsDocumentCrypto>();
        services.AddSingleton<IVaultNotifier, SqsVaultNotifier>();
    }
}

/// <summary>Base of the Lambda entry classes: builds the container once per execution environment.</summary>
public abstract class FunctionBase
{
    protected FunctionBase()
    {
        var services = new ServiceCollection();
        Startup.ConfigureServices(services);
        Services = services.BuildServiceProvider();
    }

    protected IServiceProvider Services { get; }

    protected T Resolve<T>() where T : notnull => Services.GetRequiredService<T>();
}
