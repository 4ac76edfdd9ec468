using FluentAssertions;
using RoleGen.Core;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// CloudWatch Logs called directly (IAmazonCloudWatchLogs) through the real mapping table: log-group actions on the
/// group's ARN with the trailing ":*" CloudWatch Logs authorizes them on, stream actions on the stream, and Logs
/// Insights queries on the groups they name. The log group every function writes (mappings/implied.yaml) is unchanged.
/// </summary>
public class CloudWatchLogsTests
{
    private const string Logs = "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:";

    private static FunctionReport Run(string call, string resources = "", string environment = "", string parameters = "") =>
        OneFunction.Run(resources, $$"""
            using Amazon.CloudWatchLogs;
            using Amazon.CloudWatchLogs.Model;
            namespace App;
            public class Handler
            {
                private readonly IAmazonCloudWatchLogs _logs = new AmazonCloudWatchLogsClient();
                private static string Env(string name) => Environment.GetEnvironmentVariable(name)!;
                public async Task Run(string fromEvent)
                {
                    {{call}};
                }
            }
            """, environment, parameters: parameters);

    /// <summary>The logs grants the code needs: every "logs:" action and resource, without the function's own log group.</summary>
    private static IReadOnlyList<string> CodeGrants(FunctionReport report) =>
        report.Statements
            .SelectMany(s => s.Actions.SelectMany(a => s.Resources.Select(r => $"{a} {r}")))
            .Where(g => g.StartsWith("logs:", StringComparison.Ordinal) && !g.Contains(":log-group:/aws/lambda/${Fn}:", StringComparison.Ordinal))
            .Select(g => g.Replace(Logs, "", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Theory]
    [InlineData("await _logs.CreateLogGroupAsync(new CreateLogGroupRequest { LogGroupName = \"/app/audit\" })", "logs:CreateLogGroup log-group:/app/audit:*")]
    [InlineData("await _logs.CreateLogStreamAsync(new CreateLogStreamRequest { LogGroupName = \"/app/audit\", LogStreamName = \"2026/12/05\" })",
        "logs:CreateLogStream log-group:/app/audit:log-stream:2026/12/05")]
    [InlineData("await _logs.PutLogEventsAsync(new PutLogEventsRequest { LogGroupName = \"/app/audit\", LogStreamName = \"2026/12/05\", LogEvents = new List<InputLogEvent>() })",
        "logs:PutLogEvents log-group:/app/audit:log-stream:2026/12/05")]
    [InlineData("await _logs.PutLogEventsAsync(new PutLogEventsRequest { LogGroupName = Env(\"AUDIT_LOG_GROUP\"), LogStreamName = \"audit\" })",
        "logs:PutLogEvents log-group:${AuditLogs}:log-stream:audit")]
    [InlineData("await _logs.PutRetentionPolicyAsync(new PutRetentionPolicyRequest { LogGroupName = Env(\"AUDIT_LOG_GROUP\"), RetentionInDays = 30 })",
        "logs:PutRetentionPolicy log-group:${AuditLogs}:*")]
    [InlineData("await _logs.DescribeLogGroupsAsync()", "logs:DescribeLogGroups *")]
    [InlineData("await _logs.DescribeLogGroupsAsync(new DescribeLogGroupsRequest { LogGroupNamePrefix = \"/app/\" })", "logs:DescribeLogGroups *")]
    [InlineData("await _logs.DescribeLogStreamsAsync(new DescribeLogStreamsRequest { LogGroupName = \"/app/audit\", LogStreamNamePrefix = \"2026\" })",
        "logs:DescribeLogStreams log-group:/app/audit:*")]
    [InlineData("await _logs.GetLogEventsAsync(new GetLogEventsRequest { LogGroupName = \"/app/audit\", LogStreamName = \"2026/12/05\" })",
        "logs:GetLogEvents log-group:/app/audit:log-stream:2026/12/05")]
    [InlineData("await _logs.FilterLogEventsAsync(new FilterLogEventsRequest { LogGroupName = Env(\"AUDIT_LOG_GROUP\"), FilterPattern = \"ERROR\" })",
        "logs:FilterLogEvents log-group:${AuditLogs}:*")]
    [InlineData("await _logs.StartQueryAsync(new StartQueryRequest { LogGroupName = \"/app/audit\", QueryString = \"fields @message\" })",
        "logs:StartQuery log-group:/app/audit:*")]
    [InlineData("await _logs.StartQueryAsync(new StartQueryRequest { LogGroupNames = new List<string> { \"/app/audit\", \"/app/orders\" }, QueryString = \"fields @message\" })",
        "logs:StartQuery log-group:/app/audit:*|logs:StartQuery log-group:/app/orders:*")]
    [InlineData("var started = await _logs.StartQueryAsync(new StartQueryRequest { LogGroupName = \"/app/audit\", QueryString = \"fields @message\" }); " +
                "await _logs.GetQueryResultsAsync(new GetQueryResultsRequest { QueryId = started.QueryId })",
        "logs:GetQueryResults log-group:/app/audit:*|logs:StartQuery log-group:/app/audit:*")]
    [InlineData("await _logs.StopQueryAsync(new StopQueryRequest { QueryId = fromEvent })", "logs:StopQuery *")]
    public void Each_call_is_granted_on_the_log_group_or_stream_it_names(string call, string expected)
    {
        var report = Run(call,
            resources: "AuditLogs:\n  Type: AWS::Logs::LogGroup\n  Properties:\n    RetentionInDays: 7",
            environment: "AUDIT_LOG_GROUP: !Ref AuditLogs");

        report.Findings.Should().NotContain(f => f.Severity >= Severity.Warning);
        CodeGrants(report).Should().Equal(expected.Split('|'));
    }

    [Theory]
    [InlineData("await _logs.DescribeLogStreamsAsync(new DescribeLogStreamsRequest { LogGroupIdentifier = \"arn:aws:logs:eu-west-1:111122223333:log-group:/app/audit\" })",
        "logs:DescribeLogStreams log-group:*")]
    [InlineData("await _logs.FilterLogEventsAsync(new FilterLogEventsRequest { LogGroupIdentifier = \"/app/audit\" })", "logs:FilterLogEvents log-group:*")]
    [InlineData("await _logs.GetLogEventsAsync(new GetLogEventsRequest { LogGroupIdentifier = \"/app/audit\", LogStreamName = \"s\" })", "logs:GetLogEvents log-group:*:log-stream:s")]
    [InlineData("await _logs.StartQueryAsync(new StartQueryRequest { LogGroupIdentifiers = new List<string> { \"/app/audit\" }, QueryString = \"fields @message\" })", "logs:StartQuery log-group:*")]
    [InlineData("await _logs.StartQueryAsync(new StartQueryRequest { QueryString = \"SOURCE '/app/audit' | fields @message\" })", "logs:StartQuery log-group:*")]
    [InlineData("await _logs.GetQueryResultsAsync(new GetQueryResultsRequest { QueryId = fromEvent })", "logs:GetQueryResults log-group:*:*")]
    public void A_log_group_the_request_does_not_name_by_name_is_every_group_with_a_finding(string call, string expected)
    {
        var report = Run(call);

        CodeGrants(report).Should().Equal(expected);
        report.Findings.Should().Contain(f => f.Code == FindingCodes.UnresolvedResource || f.Code == FindingCodes.PartiallyResolvedResource);
    }

    [Fact]
    public void Writing_to_its_own_log_group_adds_nothing_to_the_rule_every_function_gets()
    {
        var without = Run("await Task.CompletedTask");
        var with = Run("await _logs.PutLogEventsAsync(new PutLogEventsRequest { LogGroupName = \"/aws/lambda/\" + Env(\"AWS_LAMBDA_FUNCTION_NAME\"), LogStreamName = \"custom\" })");

        with.Statements.SelectMany(s => s.Actions.SelectMany(a => s.Resources.Select(r => $"{a} {r}")))
            .Should().Equal(without.Statements.SelectMany(s => s.Actions.SelectMany(a => s.Resources.Select(r => $"{a} {r}"))));
        without.Statements.Should().Contain(s => s.Actions.Contains("logs:PutLogEvents") && s.Reasons.Any(r => r.Rule == "logs"));
    }
}
