using Amazon.SQS;
using Microsoft.Extensions.DependencyInjection;

namespace App;

public class Function
{
    private readonly INotifier _notifier;

    public Function()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IAmazonSQS, AmazonSQSClient>();
        services.AddSingleton<INotifier, QueueNotifier>();
        _notifier = services.BuildServiceProvider().GetRequiredService<INotifier>();
    }

    public Task Handle(string message) => _notifier.NotifyAsync(message);
}
