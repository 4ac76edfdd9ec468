using FluentAssertions;
using RoleGen.Core;
using RoleGen.Core.Permissions;
using RoleGen.Core.Templates;
using RoleGen.Tests.Mappings;
using Xunit;

namespace RoleGen.Tests.Permissions;

public class ImpliedPermissionsTests
{
    private static readonly RoleGenKnowledge Knowledge = RoleGenKnowledge.Load(RealTable.Directory);

    private const string Resources = """
          Orders:
            Type: AWS::SQS::Queue
          Dlq:
            Type: AWS::SQS::Queue
          Alerts:
            Type: AWS::SNS::Topic
          Clicks:
            Type: AWS::Kinesis::Stream
          Fanout:
            Type: AWS::Kinesis::StreamConsumer
            Properties:
              StreamARN: !GetAtt Clicks.Arn
              ConsumerName: fanout
          Table:
            Type: AWS::DynamoDB::Table
          Key:
            Type: AWS::KMS::Key
          Bus:
            Type: AWS::Events::EventBus
          Other:
            Type: AWS::Serverless::Function
            Properties: { Runtime: dotnet8, Handler: "A::B.C::D" }
        """;

    private static IEnumerable<(string Action, string Resource, string Reason)> Implied(string functionProperties)
    {
        var text = "Transform: AWS::Serverless-2016-10-31\nResources:\n" + Resources + "\n" + """
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: dotnet8
                  Handler: A::B.C::D

            """ + string.Join("\n", functionProperties.Split('\n').Select(l => "      " + l)) + "\n";
        var template = TemplateLoader.Parse("/app/template.yaml", text);
        var function = FunctionSpecReader.Read(template).Functions.Single(f => f.LogicalId == "Fn");
        var reader = new TemplateExpressionReader(template, Knowledge.Types);
        return new ImpliedPermissions(Knowledge.Implied, template, reader, Knowledge.Types).For(function)
            .Select(p => (p.Action, p.Resource, p.Reason.Template ?? p.Reason.Rule ?? ""));
    }

    [Theory]
    [InlineData("Events:\n  Q:\n    Type: SQS\n    Properties:\n      Queue: !GetAtt Orders.Arn", "sqs:ReceiveMessage", "${Orders.Arn}", "Events.Q")]
    [InlineData("Events:\n  Q:\n    Type: SQS\n    Properties:\n      Queue: !GetAtt Orders.Arn", "sqs:DeleteMessage", "${Orders.Arn}", "Events.Q")]
    [InlineData("Events:\n  Q:\n    Type: SQS\n    Properties:\n      Queue: !GetAtt Orders.Arn", "sqs:GetQueueAttributes", "${Orders.Arn}", "Events.Q")]
    [InlineData("Events:\n  S:\n    Type: Kinesis\n    Properties:\n      Stream: !GetAtt Clicks.Arn\n      StartingPosition: LATEST", "kinesis:GetRecords", "${Clicks.Arn}", "Events.S")]
    [InlineData("Events:\n  S:\n    Type: Kinesis\n    Properties:\n      Stream: !GetAtt Clicks.Arn\n      StartingPosition: LATEST", "kinesis:ListShards", "${Clicks.Arn}", "Events.S")]
    
    [InlineData("Events:\n  S:\n    Type: Kinesis\n    Properties:\n      Stream: !GetAtt Fanout.ConsumerARN\n      StartingPosition: LATEST", "kinesis:SubscribeToShard", "${Fanout.ConsumerARN}", "Events.S")]
    [InlineData("Events:\n  S:\n    Type: Kinesis\n    Properties:\n      Stream: !GetAtt Fanout.ConsumerARN\n      StartingPosition: LATEST", "kinesis:GetShardIterator", "${Clicks.Arn}", "Events.S")]
    [InlineData("Events:\n  D:\n    Type: DynamoDB\n    Properties:\n      Stream: !GetAtt Table.StreamArn\n      StartingPosition: LATEST", "dynamodb:GetRecords", "${Table.StreamArn}", "Events.D")]
    [InlineData("Events:\n  D:\n    Type: DynamoDB\n    Properties:\n      Stream: !GetAtt Table.StreamArn\n      StartingPosition: LATEST\n      DestinationConfig:\n        OnFailure:\n          Destination: !GetAtt Dlq.Arn", "sqs:SendMessage", "${Dlq.Arn}", "Events.D.DestinationConfig.OnFailure")]
    [InlineData("DeadLetterQueue:\n  Type: SQS\n  TargetArn: !GetAtt Dlq.Arn", "sqs:SendMessage", "${Dlq.Arn}", "Fn.DeadLetterQueue")]
    [InlineData("DeadLetterQueue:\n  Type: SNS\n  TargetArn: !Ref Alerts", "sns:Publish", "${Alerts}", "Fn.DeadLetterQueue")]
    [InlineData("EventInvokeConfig:\n  DestinationConfig:\n    OnSuccess:\n      Type: Lambda\n      Destination: !GetAtt Other.Arn", "lambda:InvokeFunction", "${Other.Arn}", "Fn.EventInvokeConfig.DestinationConfig.OnSuccess")]
    [InlineData("EventInvokeConfig:\n  DestinationConfig:\n    OnFailure:\n      Type: EventBridge\n      Destination: !GetAtt Bus.Arn", "events:PutEvents", "${Bus.Arn}", "Fn.EventInvokeConfig.DestinationConfig.OnFailure")]
    [InlineData("EventInvokeConfig:\n  DestinationConfig:\n    OnFailure:\n      Type: SQS\n      Destination: !GetAtt Dlq.Arn", "sqs:SendMessage", "${Dlq.Arn}", "Fn.EventInvokeConfig.DestinationConfig.OnFailure")]
    [InlineData("Tracing: Active", "xray:PutTraceSegments", "*", "Fn.Tracing")]
    // SNS with SqsSubscription: SAM subscribes a queue (its own, <Function><Event>Queue, or the one given) and the function polls it.
    [InlineData("Events:\n  T:\n    Type: SNS\n    Properties:\n      Topic: !Ref Alerts\n      SqsSubscription: true", "sqs:ReceiveMessage", "${FnTQueue.Arn}", "Events.T")]
    [InlineData("Events:\n  T:\n    Type: SNS\n    Properties:\n      Topic: !Ref Alerts\n      SqsSubscription:\n        QueueArn: !GetAtt Dlq.Arn\n        QueueUrl: !Ref Dlq", "sqs:DeleteMessage", "${Dlq.Arn}", "Events.T")]
    [InlineData("Tracing: Active", "xray:PutTelemetryRecords", "*", "Fn.Tracing")]
    [InlineData("TracingConfig:\n  Mode: Active", "xray:PutTraceSegments", "*", "Fn.TracingConfig")]
    [InlineData("VpcConfig:\n  SubnetIds: [subnet-1]\n  SecurityGroupIds: [sg-1]", "ec2:CreateNetworkInterface", "*", "Fn.VpcConfig")]
    [InlineData("VpcConfig:\n  SubnetIds: [subnet-1]\n  SecurityGroupIds: [sg-1]", "ec2:DeleteNetworkInterface", "*", "Fn.VpcConfig")]
    [InlineData("KmsKeyArn: !GetAtt Key.Arn", "kms:Decrypt", "${Key.Arn}", "Fn.KmsKeyArn")]
    // The Lambda Insights extension writes to /aws/lambda-insights with the function's role.
    [InlineData("Layers:\n  - !Sub arn:aws:lambda:${AWS::Region}:580247275435:layer:LambdaInsightsExtension:38", "logs:PutLogEvents", "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda-insights:*", "Fn.Layers")]
    [InlineData("Layers:\n  - arn:aws:lambda:eu-west-1:580247275435:layer:LambdaInsightsExtension-Arm64:5", "logs:CreateLogStream", "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda-insights:*", "Fn.Layers")]
    public void Configuration_implies_permissions_with_a_template_reason(string properties, string action, string resource, string reason)
    {
        Implied(properties).Should().Contain((action, resource, reason));
    }

    /// <summary>
    /// With Type SQS or SNS and no Destination, SAM creates the queue or topic (samtranslator _validate_and_inject_resource,
    /// logical id &lt;Function&gt;EventInvokeConfig&lt;Outcome&gt;Queue/Topic, the same with AutoPublishAlias) and the role
    /// must send to it: a queue by its GetAtt Arn, a topic by its Ref.
    /// </summary>
    [Theory]
    [InlineData("OnSuccess", "SQS", "", "sqs:SendMessage", "${FnEventInvokeConfigOnSuccessQueue.Arn}")]
    [InlineData("OnFailure", "SQS", "", "sqs:SendMessage", "${FnEventInvokeConfigOnFailureQueue.Arn}")]
    [InlineData("OnSuccess", "SNS", "", "sns:Publish", "${FnEventInvokeConfigOnSuccessTopic}")]
    [InlineData("OnFailure", "SNS", "", "sns:Publish", "${FnEventInvokeConfigOnFailureTopic}")]
    [InlineData("OnFailure", "SQS", "AutoPublishAlias: live\n", "sqs:SendMessage", "${FnEventInvokeConfigOnFailureQueue.Arn}")]
    [InlineData("OnSuccess", "SNS", "AutoPublishAlias: live\n", "sns:Publish", "${FnEventInvokeConfigOnSuccessTopic}")]
    public void A_destination_without_Destination_is_granted_on_the_queue_or_topic_SAM_creates(string outcome, string type, string more, string action, string resource)
    {
        var implied = Implied(more + $"EventInvokeConfig:\n  MaximumRetryAttempts: 1\n  DestinationConfig:\n    {outcome}:\n      Type: {type}").ToList();

        implied.Should().Contain((action, resource, $"Fn.EventInvokeConfig.DestinationConfig.{outcome}"));
        implied.Where(p => p.Action is "sqs:SendMessage" or "sns:Publish").Should().ContainSingle("only the created target is sent to");
    }

    [Theory]
    [InlineData("SQS", "!GetAtt Dlq.Arn", "sqs:SendMessage", "${Dlq.Arn}")]
    [InlineData("SNS", "!Ref Alerts", "sns:Publish", "${Alerts}")]
    public void A_given_Destination_is_granted_as_before_and_nothing_is_created(string type, string destination, string action, string resource)
    {
        foreach (var outcome in new[] { "OnSuccess", "OnFailure" })
        {
            var implied = Implied($"EventInvokeConfig:\n  DestinationConfig:\n    {outcome}:\n      Type: {type}\n      Destination: {destination}").ToList();

            implied.Should().Contain((action, resource, $"Fn.EventInvokeConfig.DestinationConfig.{outcome}"));
            implied.Should().NotContain(p => p.Resource.Contains("EventInvokeConfig"), "SAM creates nothing when the Destination is given");
        }
    }

    [Theory]
    [InlineData("Lambda")]
    [InlineData("EventBridge")]
    public void Lambda_and_EventBridge_destinations_need_a_Destination_and_nothing_is_created(string type)
    {
        Implied($"EventInvokeConfig:\n  DestinationConfig:\n    OnFailure:\n      Type: {type}").Should()
            .NotContain(p => p.Reason.StartsWith("Fn.EventInvokeConfig", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Tracing: PassThrough", "xray:")]
    [InlineData("TracingConfig:\n  Mode: PassThrough", "xray:")]
    [InlineData("Events:\n  Up:\n    Type: S3\n    Properties:\n      Bucket: !Ref B\n      Events: s3:ObjectCreated:*", "s3:")]
    [InlineData("Events:\n  T:\n    Type: SNS\n    Properties:\n      Topic: !Ref Alerts", "sns:")]
    public void Push_sources_and_inactive_features_imply_nothing(string properties, string forbiddenPrefix)
    {
        Implied(properties).Should().NotContain(p => p.Action.StartsWith(forbiddenPrefix));
    }

    [Fact]
    public void A_layer_that_is_no_known_extension_implies_nothing() =>
        Implied("Layers:\n  - arn:aws:lambda:eu-west-1:123456789012:layer:SharedCode:3\n  - !Ref DependenciesLayer").Should().NotContain(p => p.Reason == "Fn.Layers");

    [Fact]
    public void Every_function_gets_its_own_log_group_and_a_declared_one_is_not_created()
    {
        Implied("FunctionName: orders-fn").Should().Contain(("logs:CreateLogGroup", "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/orders-fn:*", "logs"));
        // A generated name (stack-logicalid-suffix, shortened past 64 characters) is named exactly by the function's Ref.
        Implied("").Should().Contain(("logs:PutLogEvents", "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/${Fn}:*:*", "logs"));
        Implied("LoggingConfig:\n  LogGroup: /custom/orders").Should().Contain(p => p.Resource.Contains("log-group:/custom/orders:*"));
    }

    [Fact]
    public void An_event_source_mapping_resource_is_recognised_by_the_service_of_its_source()
    {
        var text = "Resources:\n" + Resources + "\n" + """
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: dotnet8
                  Handler: A::B.C::D
                  Code: { S3Bucket: b, S3Key: k }
              Mapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties:
                  FunctionName: !Ref Fn
                  EventSourceArn: !GetAtt Orders.Arn
            """;
        var template = TemplateLoader.Parse("/app/template.yaml", text);
        var function = FunctionSpecReader.Read(template).Functions.Single(f => f.LogicalId == "Fn");
        var permissions = new ImpliedPermissions(Knowledge.Implied, template, new TemplateExpressionReader(template, Knowledge.Types), Knowledge.Types).For(function);
        permissions.Should().Contain(p => p.Action == "sqs:ReceiveMessage" && p.Resource == "${Orders.Arn}" && p.Reason.Template == "Events.Mapping");
    }
}
