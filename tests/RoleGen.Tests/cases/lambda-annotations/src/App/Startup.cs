using Amazon.DynamoDBv2;
using Amazon.Lambda.Annotations;
using Amazon.S3;
using Microsoft.Extensions.DependencyInjection;

namespace App;

[LambdaStartup]
public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IAmazonDynamoDB, AmazonDynamoDBClient>();
        services.AddSingleton<IAmazonS3, AmazonS3Client>();
        services.AddSingleton<IItemStore>(sp => new DynamoItemStore(sp.GetRequiredService<IAmazonDynamoDB>(), Environment.GetEnvironmentVariable("ITEMS_TABLE")!));
        services.AddSingleton<IAuditLog, S3AuditLog>();
    }
}
