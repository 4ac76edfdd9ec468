using FluentAssertions;
using RoleGen.Core;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// Amazon CloudWatch metrics, alarms and dashboards through the real mapping table: metric calls are authorized on "*"
/// (PutMetricData narrowed to its namespace by the cloudwatch:namespace condition when the namespace is known), alarms
/// and dashboards on the names the request gives.
/// </summary>
public class CloudWatchTests
{
    private const string Alarm = "arn:${AWS::Partition}:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:";
    private const string Dashboard = "arn:${AWS::Partition}:cloudwatch::${AWS::AccountId}:dashboard/";

    private static FunctionReport Run(string call, string resources = "", string environment = "", string parameters = "") =>
        OneFunction.Run(resources, $$"""
            using Amazon.CloudWatch;
            using Amazon.CloudWatch.Model;
            namespace App;
            public class Handler
            {
                private readonly IAmazonCloudWatch _cw = new AmazonCloudWatchClient();
                private static string Env(string name) => Environment.GetEnvironmentVariable(name)!;
                public async Task Run(string fromEvent)
                {
                    {{call}};
                }
            }
            """, environment, parameters: parameters);

    [Theory]
    [InlineData("await _cw.PutMetricDataAsync(new PutMetricDataRequest { Namespace = \"Shop/Orders\", MetricData = new List<MetricDatum> { new MetricDatum { MetricName = \"Placed\", Value = 1 } } })",
        "cloudwatch:PutMetricData * if StringEquals{cloudwatch:namespace=Shop/Orders}")]
    [InlineData("await _cw.PutMetricDataAsync(new PutMetricDataRequest { Namespace = Env(\"METRICS_NAMESPACE\") })",
        "cloudwatch:PutMetricData * if StringEquals{cloudwatch:namespace=${MetricsNamespace}}")]
    [InlineData("await _cw.GetMetricDataAsync(new GetMetricDataRequest { StartTimeUtc = DateTime.UtcNow.AddHours(-1), EndTimeUtc = DateTime.UtcNow })",
        "cloudwatch:GetMetricData *")]
    [InlineData("await _cw.GetMetricStatisticsAsync(new GetMetricStatisticsRequest { Namespace = \"AWS/Lambda\", MetricName = \"Errors\" })",
        "cloudwatch:GetMetricStatistics *")]
    [InlineData("await _cw.ListMetricsAsync()", "cloudwatch:ListMetrics *")]
    [InlineData("await _cw.ListMetricsAsync(new ListMetricsRequest { Namespace = \"Shop/Orders\" })", "cloudwatch:ListMetrics *")]
    [InlineData("await _cw.PutMetricAlarmAsync(new PutMetricAlarmRequest { AlarmName = \"orders-backlog\", Namespace = \"Shop/Orders\", MetricName = \"Backlog\" })",
        "cloudwatch:PutMetricAlarm " + Alarm + "orders-backlog")]
    [InlineData("await _cw.DescribeAlarmsAsync(new DescribeAlarmsRequest { AlarmNames = new List<string> { \"orders-backlog\", \"orders-errors\" } })",
        "cloudwatch:DescribeAlarms " + Alarm + "orders-backlog|cloudwatch:DescribeAlarms " + Alarm + "orders-errors")]
    [InlineData("await _cw.DescribeAlarmsAsync(new DescribeAlarmsRequest { AlarmNames = new List<string> { \"orders-backlog\" }, AlarmTypes = new List<string> { \"MetricAlarm\" } })",
        "cloudwatch:DescribeAlarms " + Alarm + "orders-backlog")]
    [InlineData("await _cw.DeleteAlarmsAsync(new DeleteAlarmsRequest { AlarmNames = new List<string> { \"old-1\", \"old-2\" } })",
        "cloudwatch:DeleteAlarms " + Alarm + "old-1|cloudwatch:DeleteAlarms " + Alarm + "old-2")]
    [InlineData("await _cw.SetAlarmStateAsync(new SetAlarmStateRequest { AlarmName = Env(\"ALARM_NAME\"), StateValue = StateValue.ALARM, StateReason = \"test\" })",
        "cloudwatch:SetAlarmState " + Alarm + "${BacklogAlarm}")]
    [InlineData("await _cw.PutDashboardAsync(new PutDashboardRequest { DashboardName = \"ops\", DashboardBody = \"{}\" })", "cloudwatch:PutDashboard " + Dashboard + "ops")]
    [InlineData("await _cw.GetDashboardAsync(new GetDashboardRequest { DashboardName = \"ops\" })", "cloudwatch:GetDashboard " + Dashboard + "ops")]
    [InlineData("await _cw.ListDashboardsAsync(new ListDashboardsRequest())", "cloudwatch:ListDashboards *")]
    public void Each_call_is_granted_on_what_it_names(string call, string expected)
    {
        var report = Run(call,
            resources: "BacklogAlarm:\n  Type: AWS::CloudWatch::Alarm\n  Properties:\n    Namespace: Shop/Orders\n    MetricName: Backlog",
            environment: "METRICS_NAMESPACE: !Ref MetricsNamespace\nALARM_NAME: !Ref BacklogAlarm",
            parameters: "MetricsNamespace:\n  Type: String");

        report.Findings.Should().NotContain(f => f.Severity >= Severity.Warning);
        report.Grants().Should().Equal(expected.Split('|'));
    }

    [Theory]
    [InlineData("await _cw.DescribeAlarmsAsync()")]
    [InlineData("await _cw.DescribeAlarmsAsync(new DescribeAlarmsRequest { AlarmNamePrefix = \"orders-\" })")]
    [InlineData("await _cw.DescribeAlarmsAsync(new DescribeAlarmsRequest { StateValue = StateValue.ALARM })")]
    [InlineData("await _cw.DescribeAlarmsAsync(new DescribeAlarmsRequest { AlarmNames = new List<string> { \"orders-health\" }, AlarmTypes = new List<string> { \"CompositeAlarm\" } })")]
    [InlineData("await _cw.DescribeAlarmsAsync(new DescribeAlarmsRequest { ChildrenOfAlarmName = \"orders-health\" })")]
    public void Describing_alarms_not_named_one_by_one_is_every_alarm_with_a_finding(string call)
    {
        // A listing (no AlarmNames) and composite alarms (which CloudWatch returns only to a permission scoped to *).
        var report = Run(call);

        report.Grants().Should().Equal("cloudwatch:DescribeAlarms " + Alarm + "*");
        report.Findings.Should().ContainSingle(f => f.Severity >= Severity.Warning).Which.Code.Should().Be(FindingCodes.UnresolvedResource);
    }

    [Fact]
    public void A_namespace_known_only_at_run_time_leaves_PutMetricData_unconditional()
    {
        var report = Run("await _cw.PutMetricDataAsync(new PutMetricDataRequest { Namespace = fromEvent })");

        report.Grants().Should().Equal("cloudwatch:PutMetricData *");
    }

    [Fact]
    public void Two_namespaces_are_two_conditions_never_one_wider_grant()
    {
        var report = Run(
            "await _cw.PutMetricDataAsync(new PutMetricDataRequest { Namespace = \"Shop/Orders\" }); " +
            "await _cw.PutMetricDataAsync(new PutMetricDataRequest { Namespace = \"Shop/Payments\" })");

        report.Grants().Should().OnlyContain(g => g.StartsWith("cloudwatch:PutMetricData * if StringEquals{cloudwatch:namespace=", StringComparison.Ordinal));
        report.Grants().Should().Contain(g => g.Contains("Shop/Orders")).And.Contain(g => g.Contains("Shop/Payments"));
    }
}
