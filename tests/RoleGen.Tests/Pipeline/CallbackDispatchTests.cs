using FluentAssertions;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// Library calls that run the project's handlers of their argument's type (mappings/sdk-clients.yaml dispatchers):
/// MediatR builds its handlers by scanning the assembly, so no code of the project constructs them.
/// </summary>
public class CallbackDispatchTests
{
    private const string Table = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/";

    [Theory]
    [InlineData("await _mediator.Send(new CreateOrder(id));", new[] { "dynamodb:PutItem Orders" }, false)]
    [InlineData("await _mediator.Send(new CreateOrder(id));", new[] { "dynamodb:PutItem Orders" }, true)]
    [InlineData("var request = new CreateOrder(id); await _mediator.Send(request);", new[] { "dynamodb:PutItem Orders" }, false)]
    [InlineData("var request = new CreateOrder(id); await _mediator.Send(request);", new[] { "dynamodb:PutItem Orders" }, true)]
    [InlineData("await _mediator.Publish(new OrderPlaced(id));", new[] { "dynamodb:UpdateItem Stats", "sqs:SendMessage" }, false)]
    [InlineData("await _mediator.Publish(new OrderPlaced(id));", new[] { "dynamodb:UpdateItem Stats", "sqs:SendMessage" }, true)]
    [InlineData("await Task.CompletedTask;", new string[0], false)]
    public void A_request_sent_through_the_mediator_runs_the_handlers_of_its_type(string send, string[] expected, bool bindAllCode)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.DynamoDBv2;
            using Amazon.SQS;
            using MediatR;
            using Microsoft.Extensions.DependencyInjection;
            namespace App;
            public record CreateOrder(string Id) : IRequest<string>;
            public record CancelOrder(string Id) : IRequest<string>;
            public record OrderPlaced(string Id) : INotification;
            public class CreateOrderHandler : IRequestHandler<CreateOrder, string>
            {
                private readonly IAmazonDynamoDB _db = new AmazonDynamoDBClient();
                public async Task<string> Handle(CreateOrder request, CancellationToken token)
                {
                    await _db.PutItemAsync("Orders", new());
                    return request.Id;
                }
            }
            public class CancelOrderHandler : IRequestHandler<CancelOrder, string>
            {
                private readonly IAmazonDynamoDB _db = new AmazonDynamoDBClient();
                public async Task<string> Handle(CancelOrder request, CancellationToken token)
                {
                    await _db.DeleteItemAsync("Orders", new());
                    return request.Id;
                }
            }
            public class CountOrders : INotificationHandler<OrderPlaced>
            {
                private readonly IAmazonDynamoDB _db = new AmazonDynamoDBClient();
                public Task Handle(OrderPlaced placed, CancellationToken token) => _db.UpdateItemAsync("Stats", new(), new());
            }
            public class AnnounceOrders : INotificationHandler<OrderPlaced>
            {
                private readonly IAmazonSQS _sqs = new AmazonSQSClient();
                public Task Handle(OrderPlaced placed, CancellationToken token) => _sqs.SendMessageAsync("https://sqs.us-east-1.amazonaws.com/123456789012/orders", placed.Id);
            }
            public class Handler
            {
                private readonly IMediator _mediator;
                public Handler()
                {
                    var services = new ServiceCollection();
                    services.AddMediatR(cfg => cfg.RegisterServicesFromAssembly(typeof(Handler).Assembly));
                    _mediator = services.BuildServiceProvider().GetRequiredService<IMediator>();
                }
                public async Task Run(string id)
                {
                    {{send}}
                }
            }
            """, bindAllCode: bindAllCode);

        report.Grants().Select(g => g.Replace(Table, "").Split(' ')[0] + (g.Contains(Table) ? " " + g.Split(' ')[1].Replace(Table, "") : ""))
            .Should().BeEquivalentTo(expected);
    }
}
