using System.Net;
using System.Text.Json;
using Amazon.Kinesis;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace ClickCollector;

/// <summary>POST /events (one event) and POST /events/batch (an array of events).</summary>
public class CollectHandler
{
    private readonly IClickPublisher _publisher;

    public CollectHandler()
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .Build();

        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddSingleton<IAmazonKinesis>(_ => new AmazonKinesisClient());
        services.AddSingleton<IClickPublisher, KinesisClickPublisher>();

        _publisher = services.BuildServiceProvider().GetRequiredService<IClickPublisher>();
    }

    public CollectHandler(IClickPublisher publisher) => _publisher = publisher;

    public async Task<APIGatewayProxyResponse> FunctionHandler(APIGatewayProxyRequest request, ILambdaContext context)
    {
        var isBatch = request.Resource == "/events/batch";

        try
        {
            return isBatch
                ? await CollectBatchAsync(request.Body, context)
                : await CollectOneAsync(request.Body);
        }
        catch (JsonException ex)
        {
            context.Logger.LogWarning($"Rejected malformed body: {ex.Message}");
            return Respond(HttpStatusCode.BadRequest, new { error = "malformed JSON" });
        }
    }

    private async Task<APIGatewayProxyResponse> CollectOneAsync(string? body)
    {
        var click = JsonSerializer.Deserialize<ClickEvent>(body ?? "null");
        if (click is null)
        {
            return Respond(HttpStatusCode.BadRequest, new { error = "empty body" });
        }

        if (!click.IsValid(out var problem))
        {
            return Respond(HttpStatusCode.BadRequest, new { error = problem });
        }

        click.Timestamp ??= DateTimeOffset.UtcNow;
        await _publisher.PublishAsync(click);
        return Respond(HttpStatusCode.Accepted, new { accepted = 1 });
    }

    private async Task<APIGatewayProxyResponse> CollectBatchAsync(string? body, ILambdaContext context)
    {
        var clicks = JsonSerializer.Deserialize<List<ClickEvent>>(body ?? "[]") ?? new List<ClickEvent>();
        if (clicks.Count > Limits.MaxEventsPerRequest)
        {
            return Respond(HttpStatusCode.RequestEntityTooLarge, new { error = $"at most {Limits.MaxEventsPerRequest} events" });
        }

        var valid = clicks.Where(c => c.IsValid(out _)).ToList();
        var now = DateTimeOffset.UtcNow;
        valid.ForEach(c => c.Timestamp ??= now);

        var failed = await _publisher.PublishBatchAsync(valid);
        if (failed > 0)
        {
            context.Logger.LogWarning($"{failed} of {valid.Count} records were throttled by Kinesis");
        }

        return Respond(HttpStatusCode.Accepted, new
        {
            accepted = valid.Count - failed,
            rejected = clicks.Count - valid.Count,
            throttled = failed,
        });
    }

    private static APIGatewayProxyResponse Respond(HttpStatusCode status, object body) => new()
    {
        StatusCode = (int)status,
        Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
        Body = JsonSerializer.Serialize(body),
    };
}
