using Amazon.Lambda.SQSEvents;
using Amazon.SQS;

namespace App;

/// <summary>Puts failed messages back on the queue they came from.</summary>
public class Retry
{
    private readonly IAmazonSQS _sqs = new AmazonSQSClient();

    public async Task Handle(SQSEvent evnt)
    {
        foreach (var message in evnt.Records)
            await Requeue(message);
    }

    private Task Requeue(SQSEvent.SQSMessage message) => _sqs.SendMessageAsync(message.EventSourceArn, message.Body);
}
