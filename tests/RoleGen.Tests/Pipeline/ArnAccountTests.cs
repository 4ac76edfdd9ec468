using FluentAssertions;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>An ARN whose account is a placeholder (account_id) matches nothing: said at the line that names it.</summary>
public class ArnAccountTests
{
    [Theory]
    [InlineData("https://sqs.us-east-1.amazonaws.com/account_id/orders", "account_id")]
    [InlineData("arn:aws:sqs:us-east-1:ACCOUNT:orders", "ACCOUNT")]
    [InlineData("https://sqs.us-east-1.amazonaws.com/123456789012/orders", null)]
    [InlineData("orders", null)]
    public void A_placeholder_account_is_reported(string queue, string? account)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.SQS;
            namespace App;
            public class Handler
            {
                private readonly IAmazonSQS _sqs = new AmazonSQSClient();
                public Task Run() => _sqs.PurgeQueueAsync("{{queue}}");
            }
            """);

        var findings = report.Findings.Where(f => f.Code == FindingCodes.MalformedArn).ToList();
        if (account is null)
        {
            findings.Should().BeEmpty();
            return;
        }
        findings.Should().ContainSingle().Which.Should().Match<Finding>(f =>
            f.Severity == Severity.Warning && f.Line == 6 && f.Message.Contains($"names account '{account}', which is no AWS account id"));
    }

    [Theory]
    [InlineData("\"<SNS_TOPIC_ARN>\"", "<SNS_TOPIC_ARN>")]
    [InlineData("\"arn:aws:sns:us-east-1:123456789012:{topic}\"", "{topic}")]
    [InlineData("Environment.GetEnvironmentVariable(\"TOPIC\")", null)]
    [InlineData("\"arn:aws:sns:us-east-1:123456789012:alerts\"", null)]
    public void A_placeholder_in_a_resource_is_reported(string topic, string? placeholder)
    {
        var report = OneFunction.Run("Alerts:\n  Type: AWS::SNS::Topic", $$"""
            using Amazon.SimpleNotificationService;
            namespace App;
            public class Handler
            {
                private readonly IAmazonSimpleNotificationService _sns = new AmazonSimpleNotificationServiceClient();
                public Task Run() => _sns.PublishAsync({{topic}}, "m");
            }
            """, "TOPIC: !Ref Alerts");

        var findings = report.Findings.Where(f => f.Code == FindingCodes.MalformedArn).ToList();
        if (placeholder is null)
        {
            findings.Should().BeEmpty();
            return;
        }
        findings.Should().ContainSingle().Which.Should().Match<Finding>(f =>
            f.Severity == Severity.Warning && f.Line == 6 && f.Message.Contains($"holds '{placeholder}', a placeholder"));
    }
}
