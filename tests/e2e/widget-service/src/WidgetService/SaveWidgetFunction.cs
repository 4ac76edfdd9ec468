using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.SQS;

namespace WidgetService;

public class SaveWidgetFunction
{
    private readonly IAmazonDynamoDB _dynamo = new AmazonDynamoDBClient();
    private readonly IAmazonSQS _sqs = new AmazonSQSClient();
    private readonly string _table = Environment.GetEnvironmentVariable("TABLE_NAME")!;
    private readonly string _queueUrl = Environment.GetEnvironmentVariable("QUEUE_URL")!;

    public async Task HandleAsync(string widgetId)
    {
        await _dynamo.PutItemAsync(new PutItemRequest
        {
            TableName = _table,
            Item = new Dictionary<string, AttributeValue> { ["Id"] = new AttributeValue { S = widgetId } },
        });
        await _sqs.SendMessageAsync(_queueUrl, widgetId);
    }
}
