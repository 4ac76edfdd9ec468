using Amazon.Lambda.SNSEvents;
using Amazon.SimpleNotificationService;

namespace App;

public class Ack
{
    private readonly IAmazonSimpleNotificationService _sns = new AmazonSimpleNotificationServiceClient();

    public Task Handle(SNSEvent evnt) => _sns.PublishAsync(evnt.Records.First().Sns?.TopicArn, "ack");
}
