using FluentAssertions;
using RoleGen.Core;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>A handler of polled events whose event source the template does not declare: the poller's permissions are not visible.</summary>
public class UnseenEventSourceTests
{
    [Theory]
    [InlineData("SQSEvent", "", true)]
    [InlineData("KinesisEvent", "", true)]
    [InlineData("DynamoDBEvent", "", true)]
    [InlineData("SQSEvent", "      Events:\n        Jobs:\n          Type: SQS\n          Properties:\n            Queue: !GetAtt Jobs.Arn\n", false)]
    [InlineData("SQSEvent", "      Events:\n        Alerts:\n          Type: SNS\n          Properties:\n            Topic: !Ref AWS::NoValue\n            SqsSubscription: true\n", false)] // SAM's queue, subscribed to the topic
    [InlineData("S3Event", "", false)] // pushed: nothing goes on the role
    [InlineData("string", "", false)]
    public void A_polled_event_without_its_source_is_a_warning(string eventType, string events, bool warned)
    {
        using var app = new TempApp()
            .With("template.yaml", $"""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Jobs:
                    Type: AWS::SQS::Queue
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: dotnet8
                      CodeUri: ./src/App/
                      Handler: App::App.Handler::Run
                {events}
                """)
            .WithProject("src/App", "App")
            .With("src/App/Handler.cs", $"namespace App; public class Handler {{ public void Run({eventType} input) {{ }} }}");

        var function = new RoleGenerator(OneFunction.Knowledge).Generate(app.TemplatePath).Functions.Single();

        var findings = function.Findings.Where(f => f.Code == FindingCodes.UnseenEventSource).ToList();
        if (warned) findings.Should().ContainSingle().Which.Should().Match<Finding>(f => f.Severity == Severity.Warning && f.Line == 5);
        else findings.Should().BeEmpty();
    }
}
