using FluentAssertions;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// AWS.Messaging (not restored here, as in most checkouts): the queues, topics and buses the message bus is given
/// at registration are what its publishers and pollers call with the function's role.
/// </summary>
public class AwsMessagingTests
{
    [Theory]
    [InlineData("bus.AddSQSPublisher<Order>(Environment.GetEnvironmentVariable(\"QUEUE_URL\")!);", "sqs:SendMessage ${Jobs.Arn}")]
    [InlineData("bus.AddSQSPublisher<Order>(\"https://sqs.eu-west-1.amazonaws.com/123456789012/orders\", \"order\");", "sqs:SendMessage arn:${AWS::Partition}:sqs:eu-west-1:123456789012:orders")]
    [InlineData("bus.AddSNSPublisher<Order>(Environment.GetEnvironmentVariable(\"TOPIC_ARN\")!);", "sns:Publish ${Alerts}")]
    [InlineData("bus.AddEventBridgePublisher<Order>(\"orders-bus\");", "events:PutEvents arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/orders-bus")]
    [InlineData("bus.AddSQSPoller(Environment.GetEnvironmentVariable(\"QUEUE_URL\")!, o => o.MaxNumberOfConcurrentMessages = 5);",
        "sqs:ChangeMessageVisibility ${Jobs.Arn}|sqs:DeleteMessage ${Jobs.Arn}|sqs:ReceiveMessage ${Jobs.Arn}")]
    [InlineData("bus.AddSQSPublisher<Order>(Environment.GetEnvironmentVariable(\"QUEUE_URL\")!).AddSNSPublisher<Shipped>(Environment.GetEnvironmentVariable(\"TOPIC_ARN\")!);",
        "sns:Publish ${Alerts}|sqs:SendMessage ${Jobs.Arn}")]
    public void What_the_message_bus_is_given_is_granted(string registration, string expected)
    {
        var report = OneFunction.Run("""
            Jobs:
              Type: AWS::SQS::Queue
            Alerts:
              Type: AWS::SNS::Topic
            """, $$"""
            using AWS.Messaging;
            using Microsoft.Extensions.DependencyInjection;
            namespace App;
            public record Order(string Id);
            public record Shipped(string Id);
            public class Handler
            {
                private readonly IMessagePublisher _publisher;
                public Handler()
                {
                    var services = new ServiceCollection();
                    services.AddAWSMessageBus(bus =>
                    {
                        {{registration}}
                    });
                    _publisher = services.BuildServiceProvider().GetRequiredService<IMessagePublisher>();
                }
                public Task Run(Order order) => _publisher.PublishAsync(order);
            }
            """, "QUEUE_URL: !Ref Jobs\nTOPIC_ARN: !Ref Alerts");

        string.Join("|", report.Grants()).Should().Be(expected);
        report.Findings.Should().NotContain(f => f.Code == FindingCodes.UnknownSdkCall);
    }

    /// <summary>
    /// Several functions share one startup that registers the publishers; only those that publish or send call SQS,
    /// SNS or EventBridge through them (a poller's grants stay: the registration alone makes it poll).
    /// </summary>
    [Theory]
    [InlineData("using AWS.Messaging;", "IMessagePublisher", "_publisher.PublishAsync(order)", "sns:Publish ${Alerts}|sqs:SendMessage ${Jobs.Arn}")]
    [InlineData("using AWS.Messaging.Publishers.SQS;", "ISQSPublisher", "_publisher.SendAsync(order)", "sqs:SendMessage ${Jobs.Arn}")]
    [InlineData("using AWS.Messaging.Publishers.SQS;", "ISQSPublisher", "_publisher.PublishAsync(order, null)", "sqs:SendMessage ${Jobs.Arn}")]
    [InlineData("using AWS.Messaging.Publishers.SNS;", "ISNSPublisher", "_publisher.PublishAsync(order)", "sns:Publish ${Alerts}")]
    [InlineData("using AWS.Messaging.Services;", "ICommandPublisher", "_publisher.SendAsync(order)", "sqs:SendMessage ${Jobs.Arn}")]
    [InlineData("using AWS.Messaging;", "IMessagePublisher", "Task.CompletedTask", "")]
    public void A_publisher_is_granted_only_where_the_function_publishes(string usingLine, string publisherType, string body, string expected)
    {
        var report = OneFunction.Run("""
            Jobs:
              Type: AWS::SQS::Queue
            Alerts:
              Type: AWS::SNS::Topic
            """, $$"""
            {{usingLine}}
            using Microsoft.Extensions.DependencyInjection;
            namespace App;
            public record Order(string Id);
            public static class Startup
            {
                public static IServiceProvider Build()
                {
                    var services = new ServiceCollection();
                    services.AddAWSMessageBus(bus =>
                    {
                        bus.AddSQSPublisher<Order>(Environment.GetEnvironmentVariable("QUEUE_URL")!);
                        bus.AddSNSPublisher<Order>(Environment.GetEnvironmentVariable("TOPIC_ARN")!);
                    });
                    return services.BuildServiceProvider();
                }
            }
            public class Handler
            {
                private readonly {{publisherType}} _publisher = Startup.Build().GetRequiredService<{{publisherType}}>();
                public Task Run(Order order) => {{body}};
            }
            """, "QUEUE_URL: !Ref Jobs\nTOPIC_ARN: !Ref Alerts");

        string.Join("|", report.Grants()).Should().Be(expected);
        report.Findings.Should().NotContain(f => f.Severity != Severity.Info);
    }
}
