using FluentAssertions;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// Amazon RDS through the real mapping table: starting, stopping and rebooting an instance or an Aurora cluster is
/// authorized on db:identifier or cluster:identifier; a Describe naming one is on it, one listing all on *; a snapshot
/// is created on the instance and the new snapshot (tags: rds:AddTagsToResource on it).
/// </summary>
public class RdsTests
{
    private const string Rds = "arn:${AWS::Partition}:rds:${AWS::Region}:${AWS::AccountId}:";

    [Theory]
    [InlineData("_rds.StartDBInstanceAsync(new StartDBInstanceRequest { DBInstanceIdentifier = \"reporting\" })", "rds:StartDBInstance R:db:reporting")]
    [InlineData("_rds.StopDBInstanceAsync(new StopDBInstanceRequest { DBInstanceIdentifier = \"reporting\" })", "rds:StopDBInstance R:db:reporting")]
    // Stopping with a snapshot also creates it.
    [InlineData("_rds.StopDBInstanceAsync(new StopDBInstanceRequest { DBInstanceIdentifier = \"reporting\", DBSnapshotIdentifier = \"reporting-\" + day })",
        "rds:CreateDBSnapshot R:db:reporting|rds:CreateDBSnapshot R:snapshot:reporting-*|rds:StopDBInstance R:db:reporting|rds:StopDBInstance R:snapshot:reporting-*")]
    [InlineData("_rds.RebootDBInstanceAsync(new RebootDBInstanceRequest { DBInstanceIdentifier = \"reporting\", ForceFailover = false })", "rds:RebootDBInstance R:db:reporting")]
    [InlineData("_rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { DBInstanceIdentifier = \"reporting\" })", "rds:DescribeDBInstances R:db:reporting")]
    [InlineData("_rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { DBInstanceIdentifier = \"arn:aws:rds:eu-west-1:111122223333:db:reporting\" })",
        "rds:DescribeDBInstances arn:aws:rds:eu-west-1:111122223333:db:reporting")]
    [InlineData("_rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest())", "rds:DescribeDBInstances *")]
    [InlineData("_rds.DescribeDBInstancesAsync()", "rds:DescribeDBInstances *")]
    [InlineData("_rds.StartDBClusterAsync(new StartDBClusterRequest { DBClusterIdentifier = \"analytics\" })", "rds:StartDBCluster R:cluster:analytics")]
    [InlineData("_rds.StopDBClusterAsync(new StopDBClusterRequest { DBClusterIdentifier = \"analytics\" })", "rds:StopDBCluster R:cluster:analytics")]
    [InlineData("_rds.DescribeDBClustersAsync(new DescribeDBClustersRequest { DBClusterIdentifier = \"analytics\" })", "rds:DescribeDBClusters R:cluster:analytics")]
    [InlineData("_rds.DescribeDBClustersAsync(new DescribeDBClustersRequest { MaxRecords = 20 })", "rds:DescribeDBClusters *")]
    [InlineData("_rds.CreateDBSnapshotAsync(new CreateDBSnapshotRequest { DBInstanceIdentifier = \"reporting\", DBSnapshotIdentifier = \"reporting-\" + day })",
        "rds:CreateDBSnapshot R:db:reporting|rds:CreateDBSnapshot R:snapshot:reporting-*")]
    [InlineData("_rds.CreateDBSnapshotAsync(new CreateDBSnapshotRequest { DBInstanceIdentifier = \"reporting\", DBSnapshotIdentifier = \"before-upgrade\", Tags = new List<Tag> { new Tag { Key = \"reason\", Value = \"upgrade\" } } })",
        "rds:AddTagsToResource R:snapshot:before-upgrade|rds:CreateDBSnapshot R:db:reporting|rds:CreateDBSnapshot R:snapshot:before-upgrade")]
    public void Each_call_is_granted_on_the_instance_cluster_or_snapshot_it_names(string call, string expected)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.RDS;
            using Amazon.RDS.Model;
            namespace App;
            public class Handler
            {
                private readonly IAmazonRDS _rds = new AmazonRDSClient();
                public Task Run(string day) => {{call}};
            }
            """);

        report.Findings.Should().NotContain(f => f.Severity >= Severity.Error);
        report.Grants().Select(g => g.Replace(Rds, "R:")).Should().Equal(expected.Split('|'));
    }

    [Fact]
    public void A_database_the_template_makes_is_named_by_its_Ref()
    {
        var report = OneFunction.Run("""
            Reporting:
              Type: AWS::RDS::DBInstance
              Properties:
                Engine: postgres
                DBInstanceClass: db.t4g.micro
            Analytics:
              Type: AWS::RDS::DBCluster
              Properties:
                Engine: aurora-postgresql
            """, """
            using Amazon.RDS;
            using Amazon.RDS.Model;
            namespace App;
            public class Handler
            {
                private readonly IAmazonRDS _rds = new AmazonRDSClient();
                private static string Env(string name) => Environment.GetEnvironmentVariable(name)!;
                public async Task Run(bool start)
                {
                    var status = await _rds.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { DBInstanceIdentifier = Env("DB") });
                    if (start) await _rds.StartDBInstanceAsync(new StartDBInstanceRequest { DBInstanceIdentifier = Env("DB") });
                    else await _rds.StopDBInstanceAsync(new StopDBInstanceRequest { DBInstanceIdentifier = Env("DB") });
                    await _rds.StopDBClusterAsync(new StopDBClusterRequest { DBClusterIdentifier = Env("CLUSTER") });
                    await _rds.DescribeDBClustersAsync(new DescribeDBClustersRequest { DBClusterIdentifier = Env("CLUSTER_ARN") });
                }
            }
            """, "DB: !Ref Reporting\nCLUSTER: !Ref Analytics\nCLUSTER_ARN: !GetAtt Analytics.DBClusterArn");

        report.Findings.Should().NotContain(f => f.Severity >= Severity.Warning);
        report.Grants().Should().Equal(
            "rds:DescribeDBClusters ${Analytics.DBClusterArn}",
            $"rds:DescribeDBInstances {Rds}db:${{Reporting}}",
            $"rds:StartDBInstance {Rds}db:${{Reporting}}",
            $"rds:StopDBCluster {Rds}cluster:${{Analytics}}",
            $"rds:StopDBInstance {Rds}db:${{Reporting}}");
    }

    [Fact]
    public void The_real_project_toggles_a_database_a_rule_and_a_queue_trigger_with_no_RG1001()
    {
        var report = OneFunction.Run("""
            Reporting:
              Type: AWS::RDS::DBInstance
              Properties:
                Engine: postgres
                DBInstanceClass: db.t4g.micro
            NightlyLoad:
              Type: AWS::Events::Rule
              Properties:
                ScheduleExpression: cron(0 2 * * ? *)
            Jobs:
              Type: AWS::SQS::Queue
            JobsTrigger:
              Type: AWS::Lambda::EventSourceMapping
              Properties:
                EventSourceArn: !GetAtt Jobs.Arn
                FunctionName: job-runner
            """, """
            using Amazon.EventBridge;
            using Amazon.EventBridge.Model;
            using Amazon.Lambda;
            using Amazon.Lambda.Model;
            using Amazon.RDS;
            using Amazon.RDS.Model;
            namespace App;
            public class Handler
            {
                private readonly IAmazonRDS _rds = new AmazonRDSClient();
                private readonly IAmazonEventBridge _events = new AmazonEventBridgeClient();
                private readonly IAmazonLambda _lambda = new AmazonLambdaClient();
                private static string Env(string name) => Environment.GetEnvironmentVariable(name)!;
                public async Task Run(bool on)
                {
                    if (on)
                    {
                        await _rds.StartDBInstanceAsync(new StartDBInstanceRequest { DBInstanceIdentifier = Env("DB") });
                        await _events.EnableRuleAsync(new EnableRuleRequest { Name = Env("RULE") });
                    }
                    else
                    {
                        await _events.DisableRuleAsync(new DisableRuleRequest { Name = Env("RULE") });
                        await _rds.StopDBInstanceAsync(new StopDBInstanceRequest { DBInstanceIdentifier = Env("DB") });
                    }
                    await _lambda.UpdateEventSourceMappingAsync(new UpdateEventSourceMappingRequest { UUID = Env("TRIGGER"), Enabled = on });
                }
            }
            """, "DB: !Ref Reporting\nRULE: !Ref NightlyLoad\nTRIGGER: !Ref JobsTrigger");

        report.Findings.Should().NotContain(f => f.Code == FindingCodes.UnknownSdkCall);
        report.Findings.Should().NotContain(f => f.Severity >= Severity.Warning);
        report.Grants().Should().Equal(
            "events:DisableRule arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/${NightlyLoad}",
            "events:EnableRule arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/${NightlyLoad}",
            "lambda:UpdateEventSourceMapping arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:event-source-mapping:${JobsTrigger}",
            $"rds:StartDBInstance {Rds}db:${{Reporting}}",
            $"rds:StopDBInstance {Rds}db:${{Reporting}}");
    }
}
