using FluentAssertions;
using RoleGen.Core;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Mappings;
using Xunit;

namespace RoleGen.Tests.Mappings;

/// <summary>
/// A copy of the real mappings folder with one entry broken: loading it at run time (RoleGenKnowledge.Load, what the CLI
/// does) must stop with an error naming the file, line and entry. Also the schema added for the high-level APIs
/// (returns/carries, ^paths, like groups, typed signature parameters) and mappings/encryption.yaml.
/// </summary>
public sealed class CatalogueCheckTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("rolegen-catalogue-").FullName;

    public CatalogueCheckTests()
    {
        foreach (var file in Directory.EnumerateFiles(RealTable.Directory, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dir, Path.GetRelativePath(RealTable.Directory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private RoleGenInputException LoadFailsAfter(string file, string find, string replace)
    {
        var path = Path.Combine(dir, file);
        var text = File.ReadAllText(path);
        text.Should().Contain(find, "the test must break a real entry");
        File.WriteAllText(path, text.Replace(find, replace));
        var act = () => RoleGenKnowledge.Load(dir);
        return act.Should().Throw<RoleGenInputException>().Which;
    }

    private int LineOf(string file, string text) =>
        File.ReadAllLines(Path.Combine(dir, file)).Select((l, i) => (l, i)).First(p => p.l.Contains(text)).i + 1;

    [Fact]
    public void The_unbroken_copy_loads()
    {
        var knowledge = RoleGenKnowledge.Load(dir);
        knowledge.Table.ClientsByType.Should().ContainKeys("DynamoDBContext", "Table", "TransferUtility", "AmazonS3Util", "IS3PaginatorFactory");
        knowledge.Encryption.Resources.Should().ContainKeys("AWS::S3::Bucket", "AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::Kinesis::Stream", "AWS::DynamoDB::Table");
    }

    [Fact]
    public void Loading_when_needed_reports_a_broken_table_at_its_first_use()
    {
        var path = Path.Combine(dir, "sqs.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("{ action: sqs:ReceiveMessage, on: queue }", "{ action: sqs:ReceiveMesage, on: queue }"));

        var knowledge = RoleGenKnowledge.LoadWhenNeeded(dir);

        knowledge.Types.Find("AWS::SQS::Queue").Should().NotBeNull();
        var first = () => knowledge.Table;
        first.Should().Throw<RoleGenInputException>().WithMessage("mappings/sqs.yaml:*sqs:ReceiveMesage*");
        var encryption = () => knowledge.Encryption; // reads the table's catalogue
        encryption.Should().Throw<RoleGenInputException>();
    }

    [Fact]
    public void A_misspelt_action_in_a_real_entry_names_file_line_and_entry()
    {
        var e = LoadFailsAfter("sqs.yaml", "{ action: sqs:ReceiveMessage, on: queue }", "{ action: sqs:ReceiveMesage, on: queue }");
        e.Message.Should().Be($"mappings/sqs.yaml:{LineOf("sqs.yaml", "sqs:ReceiveMesage")}: ReceiveMessage: unknown action 'sqs:ReceiveMesage' (not in mappings/catalog)");
    }

    [Fact]
    public void An_on_that_does_not_fit_a_high_level_entry_names_it()
    {
        var e = LoadFailsAfter("dynamodb.yaml", "{ action: dynamodb:PutItem, on: table, bind: { TableName: ^TableName } }", "{ action: dynamodb:PutItem, on: stream, bind: { TableName: ^TableName } }");
        e.Message.Should().StartWith("mappings/dynamodb.yaml:").And.Contain(": PutItem: 'stream' is not a resource type of dynamodb:PutItem");
    }

    [Fact]
    public void A_carried_value_no_maker_carries_is_rejected()
    {
        var e = LoadFailsAfter("dynamodb.yaml", "{ action: dynamodb:GetItem, on: table, bind: { TableName: ^TableName } }", "{ action: dynamodb:GetItem, on: table, bind: { TableName: ^Name } }");
        e.Message.Should().StartWith("mappings/dynamodb.yaml:").And.Contain(": ^Name: not every operation that returns Table/ITable carries Name");
    }

    [Fact]
    public void Returns_of_an_unmapped_type_is_rejected()
    {
        var e = LoadFailsAfter("s3.yaml", "returns: IS3PaginatorFactory", "returns: IS3Paginators");
        e.Message.Should().Be($"mappings/s3.yaml:{LineOf("s3.yaml", "      Paginators:")}: Paginators: returns IS3Paginators, which no client group lists in types");
    }

    [Theory]
    [InlineData("onlyWith: [IMessagePublisher.Publish, IEventPublisher.Publish, ISNSPublisher.Publish]", "onlyWith: [IMessagePublisher.Publish, IEventPublisher.Publish, ISNSPublisher.Publsh]", ": AddSNSPublisher: onlyWith ISNSPublisher.Publsh: no mapping file maps Publsh on ISNSPublisher")]
    [InlineData("onlyWith: [IMessagePublisher.Publish, IEventPublisher.Publish, ISNSPublisher.Publish]", "onlyWith: [IMessagePublisher.Publish, IEventPublisher.Publish, Publish]", ": AddSNSPublisher: onlyWith lists calls as Type.Method")]
    public void An_only_with_call_that_is_not_mapped_is_rejected(string entry, string broken, string problem)
    {
        var e = LoadFailsAfter("sqs.yaml", entry, broken);
        e.Message.Should().StartWith("mappings/sqs.yaml:").And.Contain(problem);
    }

    [Fact]
    public void Narrow_on_a_grant_whose_request_names_the_resource_is_rejected()
    {
        var e = LoadFailsAfter("kms.yaml", "{ action: kms:Decrypt, on: key, if: KeyId }", "{ action: kms:Decrypt, on: key, if: KeyId, narrow: set it }");
        e.Message.Should().StartWith("mappings/kms.yaml:").And.Contain(": Decrypt: narrow advises on a grant that binds a placeholder to \"*\"");
    }

    [Fact]
    public void A_paginator_method_that_is_not_an_operation_is_rejected()
    {
        var e = LoadFailsAfter("sqs.yaml", "methods: [ListDeadLetterSourceQueues, ListQueues]", "methods: [ListDeadLetterSourceQueues, ListQueus]");
        e.Message.Should().StartWith("mappings/sqs.yaml:").And.EndWith("Amazon.SQS.Model: methods: ListQueus is not an operation of IAmazonSQS");
    }

    [Fact]
    public void Carries_without_returns_is_rejected()
    {
        var e = LoadFailsAfter("dynamodb.yaml", "        returns: Table\n        carries: { TableName: \"TableName ?? Config.TableName\" }", "        carries: { TableName: TableName }");
        e.Message.Should().Contain(": LoadTable: carries needs returns");
    }

    [Fact]
    public void A_bad_typed_signature_parameter_is_rejected()
    {
        var e = LoadFailsAfter("dynamodb.yaml", "- [HashKey, \"Config:*Config\"]", "- [HashKey, \"Con fig:*Config\"]");
        e.Message.Should().Contain(": Load: signature parameter 'Con fig' is not a request property path");
    }

    [Fact]
    public void Encryption_rules_with_an_unknown_kms_action_name_the_file_and_line()
    {
        var e = LoadFailsAfter("encryption.yaml", "sns:Publish: [kms:GenerateDataKey, kms:Decrypt]", "sns:Publish: [kms:GenerateDatakey, kms:Decrypt]");
        e.Message.Should().Be($"mappings/encryption.yaml:{LineOf("encryption.yaml", "sns:Publish")}: AWS::SNS::Topic: sns:Publish: 'kms:GenerateDatakey' is not a kms: action of the catalogue");
    }

    [Fact]
    public void Encryption_rules_with_an_unknown_resource_action_are_rejected()
    {
        var e = LoadFailsAfter("encryption.yaml", "      sqs:ReceiveMessage: [kms:Decrypt]", "      sqs:Receive: [kms:Decrypt]");
        e.Message.Should().Be($"mappings/encryption.yaml:{LineOf("encryption.yaml", "sqs:Receive:")}: AWS::SQS::Queue: unknown action 'sqs:Receive' (not in mappings/catalog)");
    }
}
