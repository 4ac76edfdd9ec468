using Amazon.SimpleNotificationService;
using Amazon.SQS;

namespace App;

public interface INotifier
{
    Task NotifyAsync(string message);
}

public sealed class QueueNotifier(IAmazonSQS sqs) : INotifier
{
    public Task NotifyAsync(string message) => sqs.SendMessageAsync(Environment.GetEnvironmentVariable("OUTBOX_URL"), message);
}

/// <summary>Not registered: its Publish must not be in the role.</summary>
public sealed class TopicNotifier(IAmazonSimpleNotificationService sns) : INotifier
{
    public Task NotifyAsync(string message) => sns.PublishAsync(Environment.GetEnvironmentVariable("TOPIC_ARN"), message);
}
