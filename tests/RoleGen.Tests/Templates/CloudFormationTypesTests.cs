using FluentAssertions;
using Newtonsoft.Json.Linq;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Mappings;
using RoleGen.Core.Templates;
using Xunit;
using static RoleGen.Tests.Templates.TemplateText;

namespace RoleGen.Tests.Templates;

public class CloudFormationTypesTests
{
    private static readonly CloudFormationTypes Types = RepositoryTypes();

    [Theory]
    [InlineData("AWS::SQS::Queue", "url", "sqs:queue")]
    [InlineData("AWS::SNS::Topic", "arn", "sns:topic")]
    [InlineData("AWS::KMS::Key", "id", "kms:key")]
    [InlineData("AWS::KMS::Alias", "name", "kms:alias")]
    [InlineData("AWS::Kinesis::Stream", "name", "kinesis:stream")]
    [InlineData("AWS::Kinesis::StreamConsumer", "arn", "kinesis:consumer")]
    [InlineData("AWS::S3::Bucket", "name", "s3:bucket")]
    [InlineData("AWS::DynamoDB::Table", "name", "dynamodb:table")]
    [InlineData("AWS::DynamoDB::GlobalTable", "name", "dynamodb:table")]
    [InlineData("AWS::Serverless::SimpleTable", "name", "dynamodb:table")]
    [InlineData("AWS::Serverless::Function", "name", "lambda:function")]
    [InlineData("AWS::Lambda::Function", "name", "lambda:function")]
    [InlineData("AWS::Logs::LogGroup", "name", "logs:log-group")]
    [InlineData("AWS::Events::EventBus", "name", "events:event-bus")]
    [InlineData("AWS::StepFunctions::StateMachine", "arn", "states:statemachine")]
    [InlineData("AWS::Serverless::StateMachine", "arn", "states:statemachine")]
    [InlineData("AWS::SecretsManager::Secret", "arn", "secretsmanager:Secret")]
    [InlineData("AWS::SSM::Parameter", "name", "ssm:parameter")]
    public void Ref_returns_what_cloudformation_documents(string type, string refKind, string iam)
    {
        var entry = Types.Find(type);

        entry.Should().NotBeNull();
        entry!.Ref.Should().Be(refKind);
        entry.Iam.Should().Be(iam);
    }

    [Theory]
    [InlineData("AWS::SQS::Queue", "Arn", "arn")]
    [InlineData("AWS::SQS::Queue", "QueueName", "name")]
    [InlineData("AWS::SQS::Queue", "QueueUrl", "url")]
    [InlineData("AWS::DynamoDB::Table", "Arn", "arn")]
    [InlineData("AWS::DynamoDB::Table", "StreamArn", "stream-arn")]
    [InlineData("AWS::Kinesis::Stream", "Arn", "arn")]
    [InlineData("AWS::KMS::Key", "Arn", "arn")]
    [InlineData("AWS::KMS::Key", "KeyId", "id")]
    [InlineData("AWS::SNS::Topic", "TopicArn", "arn")]
    [InlineData("AWS::SNS::Topic", "TopicName", "name")]
    [InlineData("AWS::SecretsManager::Secret", "Id", "arn")]
    public void GetAtt_attributes_return_what_cloudformation_documents(string type, string attribute, string kind)
    {
        Types.KindOf(new TemplateResourceRef("X", type, attribute)).Should().Be(kind);
    }

    [Theory]
    [InlineData("AWS::S3::Bucket", "BucketName")]
    [InlineData("AWS::DynamoDB::Table", "TableName")]
    [InlineData("AWS::SQS::Queue", "QueueName")]
    [InlineData("AWS::SNS::Topic", "TopicName")]
    [InlineData("AWS::Kinesis::Stream", "Name")]
    [InlineData("AWS::KMS::Alias", "AliasName")]
    [InlineData("AWS::Lambda::Function", "FunctionName")]
    [InlineData("AWS::Logs::LogGroup", "LogGroupName")]
    [InlineData("AWS::StepFunctions::StateMachine", "StateMachineName")]
    [InlineData("AWS::KMS::Key", null)]
    public void Name_property_is_the_one_that_sets_a_literal_name(string type, string? nameProperty)
    {
        Types.Find(type)!.NameProperty.Should().Be(nameProperty);
    }

    [Theory]
    [InlineData("AWS::SQS::Queue", "name", "${R.QueueName}")]
    [InlineData("AWS::SQS::Queue", "arn", "${R.Arn}")]
    [InlineData("AWS::SQS::Queue", "url", "${R}")]
    [InlineData("AWS::DynamoDB::Table", "name", "${R}")]
    [InlineData("AWS::DynamoDB::Table", "arn", "${R.Arn}")]
    [InlineData("AWS::DynamoDB::Table", "stream-arn", "${R.StreamArn}")]
    [InlineData("AWS::SNS::Topic", "arn", "${R}")]
    [InlineData("AWS::SNS::Topic", "name", "${R.TopicName}")]
    [InlineData("AWS::KMS::Key", "id", "${R}")]
    [InlineData("AWS::KMS::Key", "arn", "${R.Arn}")]
    [InlineData("AWS::KMS::Key", "name", null)]
    [InlineData("AWS::KMS::Alias", "arn", null)]
    [InlineData("AWS::Kinesis::Stream", "name", "${R}")]
    [InlineData("AWS::S3::Bucket", "url", null)]
    [InlineData("AWS::Made::Up", "name", null)]
    public void ExpressionFor_spells_the_wanted_kind_in_sub_syntax(string type, string kind, string? expected)
    {
        Types.ExpressionFor(new TemplateResourceRef("R", type, null), kind).Should().Be(expected);
    }

    [Fact]
    public void Every_iam_type_exists_in_the_iam_catalogue_when_the_service_is_catalogued()
    {
        foreach (var type in Types.Types.Values)
        {
            var catalogue = RepositoryFile("mappings", "catalog", type.IamService + ".json");
            if (!File.Exists(catalogue)) continue;
            var resourceTypes = (JObject)JObject.Parse(File.ReadAllText(catalogue))["resource_types"]!;
            resourceTypes.Properties().Select(p => p.Name).Should().Contain(type.IamResourceType, $"{type.Type} says iam: {type.Iam}");
        }
    }

    [Fact]
    public void Loading_records_the_line_of_each_type()
    {
        var types = CloudFormationTypesLoader.Parse("cf.yaml", "# header\ntypes:\n  AWS::SQS::Queue:\n    iam: sqs:queue\n    ref: url\n");

        types.Find("AWS::SQS::Queue")!.Line.Should().Be(3);
        types.Find("AWS::SQS::Queue")!.Attributes.Should().BeEmpty();
    }

    [Theory]
    [InlineData("types:\n  AWS::SQS::Queue:\n    iam: sqs:queue\n    ref: address\n", 4, "unknown kind 'address'")]
    [InlineData("types:\n  AWS::SQS::Queue:\n    iam: sqs:queue\n", 3, "'ref' is required")]
    [InlineData("types:\n  AWS::SQS::Queue:\n    iam: sqs:queue\n    ref: url\n    attributes:\n      Arn: aarn\n", 6, "AWS::SQS::Queue.Arn")]
    [InlineData("types:\n  AWS::SQS::Queue:\n    iam: sqs:queue\n    ref: url\n    nameProprety: QueueName\n", 5, "unknown key 'nameProprety'")]
    [InlineData("types:\n  AWS::SQS::Queue:\n    iam: queue\n    ref: url\n", 3, "'service:resource-type'")]
    [InlineData("types:\n  SQS Queue:\n    iam: sqs:queue\n    ref: url\n", 2, "not a CloudFormation type name")]
    [InlineData("types:\n  AWS::SQS::Queue: [\n", 3, "YAML:")]
    [InlineData("kinds: {}\n", 1, "unknown key 'kinds'")]
    public void A_broken_file_is_rejected_naming_file_and_line(string yaml, int line, string messageFragment)
    {
        var act = () => CloudFormationTypesLoader.Parse("mappings/cloudformation.yaml", yaml);

        var error = act.Should().Throw<RoleGenInputException>().Which;
        error.Message.Should().Contain(messageFragment);
        error.Location.Should().NotBeNull();
        error.Location!.File.Should().Be("mappings/cloudformation.yaml");
        error.Location.Line.Should().Be(line);
    }

    [Fact]
    public void The_file_ships_beside_the_binary()
    {
        File.Exists(CloudFormationTypesLoader.DefaultPath).Should().BeTrue();
        CloudFormationTypesLoader.LoadDefault().Types.Should().HaveCount(Types.Types.Count);
    }
}
