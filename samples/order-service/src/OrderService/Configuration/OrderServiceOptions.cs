namespace OrderService.Configuration;

/// <summary>
/// Settings of the order service, read once per execution environment from the
/// Lambda function's environment variables (see template.yaml).
/// </summary>
public sealed class OrderServiceOptions
{
    public const string TableNameVariable = "TABLE_NAME";

    public string TableName { get; init; } = string.Empty;

    /// <summary>URL of the order queue (<c>!Ref OrderQueue</c>); only set on CreateOrderFunction.</summary>
    public string? QueueUrl { get; init; }

    /// <summary>ARN of the order topic (<c>!Ref OrderTopic</c>); only set on ProcessOrderFunction.</summary>
    public string? TopicArn { get; init; }

    /// <summary>Name of the invoice bucket; only set on ProcessOrderFunction.</summary>
    public string? InvoiceBucket { get; init; }

    public string Stage { get; init; } = "dev";

    public static OrderServiceOptions FromEnvironment()
    {
        return new OrderServiceOptions
        {
            TableName = Environment.GetEnvironmentVariable(TableNameVariable)
                ?? throw new InvalidOperationException($"{TableNameVariable} is not set"),
            QueueUrl = Environment.GetEnvironmentVariable("QUEUE_URL"),
            TopicArn = Environment.GetEnvironmentVariable("TOPIC_ARN"),
            InvoiceBucket = Environment.GetEnvironmentVariable("INVOICE_BUCKET"),
            Stage = Environment.GetEnvironmentVariable("STAGE") ?? "dev",
        };
    }
}
