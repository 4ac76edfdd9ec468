using FluentAssertions;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Mappings;
using RoleGen.Tests.Mappings;
using Xunit;

namespace RoleGen.Tests.Check;

public class PolicyLibraryTests
{
    private static readonly PolicyLibrary Library = PolicyLibraryLoader.Load(RealTable.Directory);

    /// <summary>Names SAM's policy templates use that are not IAM actions (the batch calls authorise as the single action).</summary>
    private static readonly HashSet<string> SamLegacyNames = new(StringComparer.Ordinal) { "sqs:ChangeMessageVisibilityBatch", "sqs:DeleteMessageBatch" };

    /// <summary>Prefixes whose catalogue file is a subset of the service's actions (source.note starts with "subset").</summary>
    private static readonly HashSet<string> Subsets = Directory.GetFiles(Path.Combine(RealTable.Directory, "catalog"), "*.json")
        .Select(f => Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(f)))
        .Where(j => ((string?)j["source"]?["note"])?.StartsWith("subset", StringComparison.Ordinal) == true)
        .Select(j => (string)j["prefix"]!)
        .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Every_action_of_a_service_the_catalogue_carries_in_full_exists()
    {
        var catalog = RealTable.Value.Catalog;
        var statements = Library.Managed.Values.SelectMany(p => p.Statements.Select(s => (Owner: p.Name, s.Actions)))
            .Concat(Library.SamTemplates.Values.SelectMany(t => t.Statements.Select(s => (Owner: t.Name, s.Actions))))
            .Concat(Library.SamRole.SendTo.SelectMany(c => c.Value.Select(p => (Owner: $"sam-role sendTo {c.Key}.{p.Key}", Actions: p.Value))));
        var unknown = new List<string>();
        var checkedCount = 0;
        foreach (var (owner, actions) in statements)
        foreach (var action in actions.Where(a => a != "*" && !SamLegacyNames.Contains(a)))
        {
            var service = action[..action.IndexOf(':')];
            // ec2 is in the catalogue only for the network-interface actions RoleGen grants; a hand-transcribed subset
            // (its source note says "subset": rekognition, iam) holds only the actions a mapping file uses.
            if (service == "ec2" || Subsets.Contains(service) || !catalog.Services.TryGetValue(service, out var known)) continue;
            checkedCount++;
            if (!known.Actions.Keys.Any(a => IamGlob.Matches(action[(action.IndexOf(':') + 1)..], a))) unknown.Add($"{owner}: {action}");
        }
        checkedCount.Should().BeGreaterThan(100);
        unknown.Should().BeEmpty();
    }

    [Fact]
    public void The_policies_the_brief_names_are_all_there()
    {
        Library.Managed.Keys.Should().Contain(new[]
        {
            "AmazonS3FullAccess", "AmazonS3ReadOnlyAccess", "AmazonDynamoDBFullAccess", "AmazonDynamoDBReadOnlyAccess",
            "AmazonSQSFullAccess", "AmazonSNSFullAccess", "AmazonKinesisFullAccess", "AWSLambdaBasicExecutionRole",
            "AWSLambdaSQSQueueExecutionRole", "AWSLambdaKinesisExecutionRole", "AWSLambdaDynamoDBExecutionRole",
            "AWSLambdaVPCAccessExecutionRole", "AWSXRayDaemonWriteAccess", "AdministratorAccess", "PowerUserAccess",
        });
        Library.SamTemplates.Keys.Should().Contain(new[]
        {
            "S3CrudPolicy", "S3ReadPolicy", "S3WritePolicy", "DynamoDBCrudPolicy", "DynamoDBReadPolicy", "DynamoDBWritePolicy",
            "SQSSendMessagePolicy", "SQSPollerPolicy", "SNSPublishMessagePolicy", "KMSDecryptPolicy", "KMSEncryptPolicy",
            "KinesisCrudPolicy", "KinesisStreamReadPolicy", "AWSSecretsManagerGetSecretValuePolicy", "SSMParameterReadPolicy",
            "SSMParameterWithSlashPrefixReadPolicy", "StepFunctionsExecutionPolicy", "EventBridgePutEventsPolicy",
        });
        Library.SamTemplates["S3CrudPolicy"].Statements.Single().Resources.Should().Equal(
            "arn:${AWS::Partition}:s3:::${BucketName}", "arn:${AWS::Partition}:s3:::${BucketName}/*");
        Library.SamRole.Always.Should().Equal("AWSLambdaBasicExecutionRole");
    }

    /// <summary>
    /// samtranslator: DeadLetterQueue accepts SQS/SNS (dead_letter_queue_policy_actions), a pull event's OnFailure
    /// SQS/SNS (pull.py), EventInvokeConfig SQS/SNS/EventBridge/Lambda (_add_event_invoke_managed_policy).
    /// </summary>
    [Theory]
    [InlineData("DeadLetterQueue", "SQS", "sqs:SendMessage")]
    [InlineData("DeadLetterQueue", "SNS", "sns:Publish")]
    [InlineData("DeadLetterQueue", "Lambda", "")]
    [InlineData("DeadLetterQueue", "EventBridge", "")]
    [InlineData("EventOnFailure", "SQS", "sqs:SendMessage")]
    [InlineData("EventOnFailure", "SNS", "sns:Publish")]
    [InlineData("EventOnFailure", "Lambda", "")]
    [InlineData("EventOnFailure", "EventBridge", "")]
    [InlineData("EventInvokeConfig", "SQS", "sqs:SendMessage")]
    [InlineData("EventInvokeConfig", "SNS", "sns:Publish")]
    [InlineData("EventInvokeConfig", "Lambda", "lambda:InvokeFunction")]
    [InlineData("EventInvokeConfig", "EventBridge", "events:PutEvents")]
    public void SAM_grants_on_a_target_by_where_it_is_declared_and_its_Type(string context, string type, string actions)
    {
        string.Join(",", Library.SamRole.SendToActions(context, type)).Should().Be(actions);
    }

    /// <summary>
    /// samtranslator _validate_and_inject_resource: an EventInvokeConfig destination of Type SQS or SNS without a
    /// Destination makes SAM create &lt;Function&gt;EventInvokeConfig&lt;Outcome&gt;Queue (granted on its GetAtt Arn) or
    /// ...Topic (its Ref); for the other types and the other contexts it creates nothing.
    /// </summary>
    [Theory]
    [InlineData("EventInvokeConfig", "SQS", "OnSuccess", "${FnEventInvokeConfigOnSuccessQueue.Arn}")]
    [InlineData("EventInvokeConfig", "SQS", "OnFailure", "${FnEventInvokeConfigOnFailureQueue.Arn}")]
    [InlineData("EventInvokeConfig", "SNS", "OnSuccess", "${FnEventInvokeConfigOnSuccessTopic}")]
    [InlineData("EventInvokeConfig", "SNS", "OnFailure", "${FnEventInvokeConfigOnFailureTopic}")]
    [InlineData("EventInvokeConfig", "Lambda", "OnSuccess", null)]
    [InlineData("EventInvokeConfig", "EventBridge", "OnFailure", null)]
    [InlineData("DeadLetterQueue", "SQS", "OnFailure", null)]
    [InlineData("EventOnFailure", "SQS", "OnFailure", null)]
    public void SAM_creates_a_target_for_an_EventInvokeConfig_destination_without_one(string context, string type, string outcome, string? arn)
    {
        Library.SamRole.CreatedTarget(context, type, "Fn", outcome).Should().Be(arn);
    }

    /// <summary>generate (implied.yaml) and check (sam-role.yaml) must name the same created target and the same actions on it.</summary>
    [Fact]
    public void The_targets_SAM_creates_are_the_same_in_implied_yaml_and_sam_role_yaml()
    {
        var implied = ImpliedRules.Load(Path.Combine(RealTable.Directory, "implied.yaml"));
        implied.CreatedDestinations.Keys.Should().BeEquivalentTo(Library.SamRole.Created[SamRoleData.EventInvokeConfig].Keys);
        foreach (var created in implied.CreatedDestinations.Values)
        foreach (var outcome in new[] { "OnSuccess", "OnFailure" })
        {
            Library.SamRole.CreatedTarget(SamRoleData.EventInvokeConfig, created.Type, "Fn", outcome).Should().Be(created.TargetFor("Fn", outcome));
            implied.Rules[created.Rule].Grants.SelectMany(g => g.Actions).Select(a => a.ToLowerInvariant())
                .Should().BeEquivalentTo(Library.SamRole.SendToActions(SamRoleData.EventInvokeConfig, created.Type).Select(a => a.ToLowerInvariant()));
        }
    }

    /// <summary>samtranslator pull.py get_policy_arn: the managed policy each pull event type attaches (none for MQ, SelfManagedKafka, DocumentDB).</summary>
    [Theory]
    [InlineData("SQS", "AWSLambdaSQSQueueExecutionRole")]
    [InlineData("Kinesis", "AWSLambdaKinesisExecutionRole")]
    [InlineData("DynamoDB", "AWSLambdaDynamoDBExecutionRole")]
    [InlineData("MSK", "AWSLambdaMSKExecutionRole")]
    [InlineData("MQ", null)]
    [InlineData("SelfManagedKafka", null)]
    [InlineData("DocumentDB", null)]
    public void Each_pull_event_type_attaches_SAMs_managed_policy(string eventType, string? policy)
    {
        Library.SamRole.EventSources.GetValueOrDefault(eventType).Should().Be(policy);
        if (policy is not null) Library.FindManaged(policy).Should().NotBeNull();
    }

    /// <summary>The AWS Managed Policy Reference (docs.aws.amazon.com/aws-managed-policy/latest/reference/), default versions.</summary>
    [Theory]
    [InlineData("AWSLambdaBasicExecutionRole", "v1", "logs:CreateLogGroup,logs:CreateLogStream,logs:PutLogEvents")]
    [InlineData("AWSLambdaKinesisExecutionRole", "v2", "kinesis:DescribeStream,kinesis:DescribeStreamSummary,kinesis:GetRecords,kinesis:GetShardIterator,kinesis:ListShards,kinesis:ListStreams,kinesis:SubscribeToShard,logs:CreateLogGroup,logs:CreateLogStream,logs:PutLogEvents")]
    [InlineData("AWSLambdaDynamoDBExecutionRole", "v1", "dynamodb:DescribeStream,dynamodb:GetRecords,dynamodb:GetShardIterator,dynamodb:ListStreams,logs:CreateLogGroup,logs:CreateLogStream,logs:PutLogEvents")]
    [InlineData("AWSLambdaVPCAccessExecutionRole", "v3", "logs:CreateLogGroup,logs:CreateLogStream,logs:PutLogEvents,ec2:CreateNetworkInterface,ec2:DescribeNetworkInterfaces,ec2:DescribeSubnets,ec2:DeleteNetworkInterface,ec2:AssignPrivateIpAddresses,ec2:UnassignPrivateIpAddresses")]
    [InlineData("AWSLambdaMSKExecutionRole", "v2", "kafka:DescribeCluster,kafka:DescribeClusterV2,kafka:GetBootstrapBrokers,ec2:CreateNetworkInterface,ec2:DescribeNetworkInterfaces,ec2:DescribeVpcs,ec2:DeleteNetworkInterface,ec2:DescribeSubnets,ec2:DescribeSecurityGroups,logs:CreateLogGroup,logs:CreateLogStream,logs:PutLogEvents")]
    [InlineData("AWSXrayWriteOnlyAccess", "v2", "xray:PutTraceSegments,xray:PutTelemetryRecords,xray:GetSamplingRules,xray:GetSamplingTargets,xray:GetSamplingStatisticSummaries")]
    [InlineData("AWSXRayDaemonWriteAccess", "v2", "xray:PutTraceSegments,xray:PutTelemetryRecords,xray:GetSamplingRules,xray:GetSamplingTargets,xray:GetSamplingStatisticSummaries")]
    [InlineData("AmazonSQSReadOnlyAccess", "v4", "sqs:GetQueueAttributes,sqs:GetQueueUrl,sqs:ListDeadLetterSourceQueues,sqs:ListQueues,sqs:ListMessageMoveTasks,sqs:ListQueueTags")]
    public void Managed_policies_match_the_AWS_reference(string name, string version, string actions)
    {
        var policy = Library.FindManaged(name)!;
        policy.Version.Should().Be(version);
        var statement = policy.Statements.Should().ContainSingle().Subject;
        statement.Actions.Should().BeEquivalentTo(actions.Split(','));
        statement.Resources.Should().Equal("*");
        statement.Condition.Should().BeNull();
    }

    [Theory]
    [InlineData("AmazonS3FullAccess", "AmazonS3FullAccess")]
    [InlineData("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", "AWSLambdaBasicExecutionRole")]
    [InlineData("arn:aws-cn:iam::aws:policy/AmazonSQSFullAccess", "AmazonSQSFullAccess")]
    public void Managed_policies_are_found_by_name_or_ARN(string text, string name)
    {
        Library.FindByNameOrArn(text, out var read).Should().NotBeNull();
        read.Should().Be(name);
    }

    [Fact]
    public void A_customer_policy_of_the_same_name_is_not_the_AWS_one()
    {
        Library.FindByNameOrArn("arn:aws:iam::123456789012:policy/AmazonS3FullAccess", out var name).Should().BeNull();
        name.Should().Be("AmazonS3FullAccess");
    }

    [Fact]
    public void A_broken_policy_file_stops_the_run_with_its_line()
    {
        var directory = Directory.CreateTempSubdirectory("rolegen-policies-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(directory, PolicyLibrary.Folder));
            foreach (var file in new[] { PolicyLibraryLoader.ManagedFile, PolicyLibraryLoader.SamTemplatesFile, PolicyLibraryLoader.SamRoleFile })
                File.Copy(Path.Combine(RealTable.Directory, PolicyLibrary.Folder, file), Path.Combine(directory, PolicyLibrary.Folder, file));
            File.WriteAllText(Path.Combine(directory, PolicyLibrary.Folder, PolicyLibraryLoader.SamTemplatesFile), """
                templates:
                  Broken:
                    parameters: [BucketName]
                    statements:
                      - actions: [s3:GetObject]
                        resources: ["arn:${AWS::Partition}:s3:::${Bucket}"]
                """);
            var act = () => PolicyLibraryLoader.Load(directory);
            act.Should().Throw<RoleGenInputException>().WithMessage("mappings/policies/sam-policy-templates.yaml:5: 'Broken': *${Bucket}*");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
