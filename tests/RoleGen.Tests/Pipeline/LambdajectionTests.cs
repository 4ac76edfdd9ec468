using FluentAssertions;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// Lambdajection: the template names Run, which a source generator adds to a [Lambda(typeof(Startup))] class; it builds
/// the class with a container the startup sets up and calls Handle. [LambdaOptions(typeof(H), "Section")] binds options.
/// </summary>
public class LambdajectionTests
{
    [Fact]
    public void The_generated_Run_is_the_Handle_method_with_the_startups_container_and_options_sections()
    {
        var report = OneFunction.Run("Notifications:\n  Type: AWS::SQS::Queue", """
            using Amazon.SQS;
            using Lambdajection.Attributes;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Options;
            namespace App;
            [LambdaOptions(typeof(Handler), "Lambda")]
            public class Settings { public string QueueUrl { get; set; } = ""; }
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.UseAwsService<IAmazonSQS>();
            }
            [Lambda(typeof(Startup))]
            public partial class Handler
            {
                private readonly IAmazonSQS _sqs;
                private readonly Settings _settings;
                public Handler(IAmazonSQS sqs, IOptions<Settings> settings) { _sqs = sqs; _settings = settings.Value; }
                public Task Handle(string request, CancellationToken token = default) => _sqs.SendMessageAsync(_settings.QueueUrl, request);
            }
            """, "Lambda__QueueUrl: !Ref Notifications");

        report.Findings.Should().NotContain(f => f.Code == FindingCodes.HandlerNotFound);
        report.Grants().Should().Equal("sqs:SendMessage ${Notifications.Arn}");
    }
}
