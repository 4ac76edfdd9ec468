using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.SimpleNotificationService;
using Amazon.SQS;
using Microsoft.Extensions.DependencyInjection;
using OrderService.Configuration;
using OrderService.Data;
using OrderService.Messaging;
using OrderService.Storage;

[assembly: Amazon.Lambda.Core.LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace OrderService;

/// <summary>
/// Composition root shared by all functions of this assembly. Every function gets the
/// same registrations; each one only resolves what it uses.
/// </summary>
public static class Startup
{
    public static ServiceProvider BuildServiceProvider()
    {
        var services = new ServiceCollection();
        ConfigureServices(services);
        return services.BuildServiceProvider();
    }

    public static void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(_ => OrderServiceOptions.FromEnvironment());

        // AWS clients pick up region and credentials from the Lambda environment.
        services.AddSingleton<IAmazonDynamoDB, AmazonDynamoDBClient>();
        services.AddSingleton<IAmazonS3, AmazonS3Client>();
        services.AddSingleton<IAmazonSQS, AmazonSQSClient>();
        services.AddSingleton<IAmazonSimpleNotificationService, AmazonSimpleNotificationServiceClient>();

        services.AddSingleton<IOrderRepository, DynamoOrderRepository>();
        services.AddSingleton<IOrderQueue, SqsOrderQueue>();
        services.AddSingleton<IOrderNotifier, SnsOrderNotifier>();
        services.AddSingleton<IInvoiceStore, S3InvoiceStore>();
    }
}
