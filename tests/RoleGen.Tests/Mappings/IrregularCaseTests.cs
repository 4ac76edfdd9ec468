using FluentAssertions;
using RoleGen.Core.Mappings;
using Xunit;

namespace RoleGen.Tests.Mappings;

/// <summary>
/// The cases hand-written tools get wrong, checked on the loaded table. Each row: client type, method, then the
/// grant expected (action, on, when) with the binds it must carry ("Placeholder=Path;..."; "" for the file default).
/// </summary>
public class IrregularCaseTests
{
    public static TheoryData<string, string, string, string, string?, string?, string> Grants => new()
    {
        // client, method, action, on, if, unless, binds
        { "IAmazonS3", "ListObjectsV2", "s3:ListBucket", "bucket", null, null, "" },
        { "IAmazonS3", "ListObjects", "s3:ListBucket", "bucket", null, null, "" },
        { "IAmazonS3", "HeadBucket", "s3:ListBucket", "bucket", null, null, "" },
        { "IAmazonS3", "ListBuckets", "s3:ListAllMyBuckets", "*", null, null, "" },
        { "IAmazonS3", "GetObjectMetadata", "s3:GetObject", "object", null, "VersionId", "" },
        { "IAmazonS3", "GetObjectMetadata", "s3:GetObjectVersion", "object", "VersionId", null, "" },
        { "IAmazonS3", "GetObject", "s3:GetObjectVersion", "object", "VersionId", null, "" },
        { "IAmazonS3", "DeleteObject", "s3:DeleteObjectVersion", "object", "VersionId", null, "" },
        { "IAmazonS3", "CopyObject", "s3:GetObject", "object", null, "SourceVersionId", "BucketName=SourceBucket;ObjectName=SourceKey" },
        { "IAmazonS3", "CopyObject", "s3:GetObjectVersion", "object", "SourceVersionId", null, "BucketName=SourceBucket;ObjectName=SourceKey" },
        { "IAmazonS3", "CopyObject", "s3:GetObjectTagging", "object", "!SourceVersionId", "TaggingDirective == REPLACE", "BucketName=SourceBucket;ObjectName=SourceKey" },
        { "IAmazonS3", "CopyObject", "s3:PutObject", "object", null, null, "BucketName=DestinationBucket;ObjectName=DestinationKey" },
        { "IAmazonS3", "CopyObject", "s3:PutObjectTagging", "object", "TagSet", null, "BucketName=DestinationBucket;ObjectName=DestinationKey" },
        { "IAmazonS3", "CopyObject", "s3:PutObjectAcl", "object", "CannedACL", null, "BucketName=DestinationBucket;ObjectName=DestinationKey" },
        { "IAmazonS3", "CopyObject", "s3:PutObjectAcl", "object", "Grants", null, "BucketName=DestinationBucket;ObjectName=DestinationKey" },
        { "IAmazonS3", "CopyPart", "s3:GetObject", "object", null, "SourceVersionId", "BucketName=SourceBucket;ObjectName=SourceKey" },
        { "IAmazonS3", "CopyPart", "s3:PutObject", "object", null, null, "BucketName=DestinationBucket;ObjectName=DestinationKey" },
        { "IAmazonS3", "DeleteObjects", "s3:DeleteObject", "object", null, "Objects[].VersionId", "ObjectName=Objects[].Key" },
        { "IAmazonS3", "DeleteObjects", "s3:DeleteObjectVersion", "object", "Objects[].VersionId", null, "ObjectName=Objects[].Key" },
        { "IAmazonS3", "InitiateMultipartUpload", "s3:PutObject", "object", null, null, "" },
        { "IAmazonS3", "UploadPart", "s3:PutObject", "object", null, null, "" },
        { "IAmazonS3", "CompleteMultipartUpload", "s3:PutObject", "object", null, null, "" },
        { "IAmazonS3", "AbortMultipartUpload", "s3:AbortMultipartUpload", "object", null, null, "" },
        { "IAmazonS3", "ListParts", "s3:ListMultipartUploadParts", "object", null, null, "" },
        { "IAmazonS3", "ListMultipartUploads", "s3:ListBucketMultipartUploads", "bucket", null, null, "" },
        { "IAmazonS3", "PutObject", "kms:GenerateDataKey", "kms:key", "ServerSideEncryptionKeyManagementServiceKeyId", null, "KeyId=ServerSideEncryptionKeyManagementServiceKeyId" },
        { "IAmazonS3", "PutBucket", "s3:CreateBucket", "bucket", null, null, "" },
        { "IAmazonDynamoDB", "Query", "dynamodb:Query", "index", "IndexName", null, "" },
        { "IAmazonDynamoDB", "Query", "dynamodb:Query", "table", null, "IndexName", "" },
        { "IAmazonDynamoDB", "Scan", "dynamodb:Scan", "index", "IndexName", null, "" },
        { "IAmazonDynamoDB", "BatchGetItem", "dynamodb:BatchGetItem", "table", null, null, "TableName=RequestItems[]" },
        { "IAmazonDynamoDB", "BatchWriteItem", "dynamodb:BatchWriteItem", "table", null, null, "TableName=RequestItems[]" },
        { "IAmazonDynamoDB", "TransactGetItems", "dynamodb:GetItem", "table", null, null, "TableName=TransactItems[].Get.TableName" },
        { "IAmazonDynamoDB", "TransactWriteItems", "dynamodb:PutItem", "table", "TransactItems[].Put", null, "TableName=TransactItems[].Put.TableName" },
        { "IAmazonDynamoDB", "TransactWriteItems", "dynamodb:UpdateItem", "table", "TransactItems[].Update", null, "TableName=TransactItems[].Update.TableName" },
        { "IAmazonDynamoDB", "TransactWriteItems", "dynamodb:DeleteItem", "table", "TransactItems[].Delete", null, "TableName=TransactItems[].Delete.TableName" },
        { "IAmazonDynamoDB", "TransactWriteItems", "dynamodb:ConditionCheckItem", "table", "TransactItems[].ConditionCheck", null, "TableName=TransactItems[].ConditionCheck.TableName" },
        { "IAmazonDynamoDB", "ExecuteStatement", "dynamodb:PartiQLSelect", "table", "Statement@partiql-kind == SELECT", "Statement@partiql-index", "TableName=Statement@partiql-table" },
        { "IAmazonDynamoDB", "ExecuteStatement", "dynamodb:PartiQLInsert", "table", "Statement@partiql-kind == INSERT", null, "TableName=Statement@partiql-table" },
        { "IAmazonDynamoDB", "BatchExecuteStatement", "dynamodb:PartiQLUpdate", "table", "Statements[].Statement@partiql-kind == UPDATE", null, "TableName=Statements[].Statement@partiql-table" },
        { "IAmazonDynamoDB", "ExecuteTransaction", "dynamodb:PartiQLDelete", "table", "TransactStatements[].Statement@partiql-kind == DELETE", null, "TableName=TransactStatements[].Statement@partiql-table" },
        { "IAmazonDynamoDBStreams", "GetShardIterator", "dynamodb:GetShardIterator", "stream", null, null, "TableName=StreamArn;StreamLabel=StreamArn" },
        { "IAmazonDynamoDBStreams", "ListStreams", "dynamodb:ListStreams", "*", null, null, "" },
        { "IAmazonSQS", "DeleteMessageBatch", "sqs:DeleteMessage", "queue", null, null, "" },
        { "IAmazonSQS", "ChangeMessageVisibilityBatch", "sqs:ChangeMessageVisibility", "queue", null, null, "" },
        { "IAmazonSQS", "SendMessageBatch", "sqs:SendMessage", "queue", null, null, "" },
        { "IAmazonSQS", "GetQueueUrl", "sqs:GetQueueUrl", "queue", null, null, "QueueName=QueueName" },
        { "IAmazonSimpleNotificationService", "Publish", "sns:Publish", "topic", "TopicArn", null, "" },
        { "IAmazonSimpleNotificationService", "Publish", "sns:Publish", "topic", "TargetArn", null, "TopicName=TargetArn" },
        { "IAmazonSimpleNotificationService", "PublishBatch", "sns:Publish", "topic", null, null, "" },
        // SDK helpers of IAmazonSimpleNotificationService.Extensions.cs (aws-sdk-net): FindTopic pages ListTopics,
        // AuthorizeS3ToPublish reads the topic policy and writes it back.
        { "IAmazonSimpleNotificationService", "FindTopic", "sns:ListTopics", "*", null, null, "" },
        { "IAmazonSimpleNotificationService", "AuthorizeS3ToPublish", "sns:GetTopicAttributes", "topic", null, null, "" },
        { "IAmazonSimpleNotificationService", "AuthorizeS3ToPublish", "sns:SetTopicAttributes", "topic", null, null, "" },
        { "IAmazonKeyManagementService", "ReEncrypt", "kms:ReEncryptFrom", "key", "SourceKeyId", null, "KeyId=SourceKeyId" },
        { "IAmazonKeyManagementService", "ReEncrypt", "kms:ReEncryptTo", "key", null, null, "KeyId=DestinationKeyId" },
        { "IAmazonKeyManagementService", "GenerateDataKey", "kms:GenerateDataKey", "key", null, null, "" },
        { "IAmazonKeyManagementService", "CreateAlias", "kms:CreateAlias", "alias", null, null, "" },
        { "IAmazonKeyManagementService", "CreateAlias", "kms:CreateAlias", "key", null, null, "KeyId=TargetKeyId" },
        { "IAmazonKeyManagementService", "ListKeys", "kms:ListKeys", "*", null, null, "" },
        { "IAmazonKinesis", "PutRecord", "kinesis:PutRecord", "stream", null, "StreamARN", "" },
        { "IAmazonKinesis", "PutRecord", "kinesis:PutRecord", "stream", "StreamARN", null, "StreamName=StreamARN" },
        { "IAmazonKinesis", "SubscribeToShard", "kinesis:SubscribeToShard", "consumer", null, null,
            "StreamType=ConsumerARN;StreamName=ConsumerARN;ConsumerName=ConsumerARN;ConsumerCreationTimpstamp=ConsumerARN" },
        { "IAmazonKinesis", "RegisterStreamConsumer", "kinesis:RegisterStreamConsumer", "stream", null, null, "StreamName=StreamARN" },
    };

    [Theory]
    [MemberData(nameof(Grants))]
    public void Operation_has_the_expected_grant(string client, string method, string action, string on, string? when, string? unless, string binds)
    {
        var expectedBind = binds.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(b => b.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var grants = RealTable.Operation(client, method).Grants;
        grants.Should().Contain(g => g.Action == action && g.On == on && g.If == when && g.Unless == unless
                                     && g.Bind.Count == expectedBind.Count
                                     && expectedBind.All(b => g.Bind.ContainsKey(b.Key) && g.Bind[b.Key] == b.Value),
            $"{method} should grant {action} on {on} (if {when}, unless {unless}, bind {binds}); it has: " +
            string.Join(" | ", grants.Select(g => $"{g.Action} {g.On} if={g.If} unless={g.Unless} bind={string.Join(",", g.Bind)}")));
    }

    [Theory]
    [InlineData("IAmazonSQS", "DeleteMessageBatch", "sqs:DeleteMessageBatch")]
    [InlineData("IAmazonSQS", "ChangeMessageVisibilityBatch", "sqs:ChangeMessageVisibilityBatch")]
    [InlineData("IAmazonDynamoDB", "BatchWriteItem", "dynamodb:PutItem")]
    [InlineData("IAmazonDynamoDB", "BatchWriteItem", "dynamodb:DeleteItem")]
    [InlineData("IAmazonS3", "CopyObject", "s3:ListBucket")]
    [InlineData("IAmazonS3", "ListObjectsV2", "s3:ListObjects")]
    [InlineData("IAmazonS3", "DeleteBucketReplication", "iam:PassRole")]
    public void Operation_does_not_grant(string client, string method, string action)
    {
        RealTable.Operation(client, method).Grants.Select(g => g.Action).Should().NotContain(action);
    }

    [Fact]
    public void ListObjectsV2_limits_the_prefix()
    {
        var grant = RealTable.Operation("IAmazonS3", "ListObjectsV2").Grants.Single();
        grant.Condition.Should().NotBeNull();
        grant.Condition!["StringLike"]["s3:prefix"].Should().Be("${Prefix}*");
    }

    [Theory]
    [InlineData("IAmazonS3", "GetObject", "BucketName,Key", "BucketName,Key,VersionId")]
    [InlineData("IAmazonS3", "CopyObject", "SourceBucket,SourceKey,DestinationBucket,DestinationKey", "SourceBucket,SourceKey,SourceVersionId,DestinationBucket,DestinationKey")]
    [InlineData("IAmazonS3", "PutBucket", "BucketName", null)]
    [InlineData("IAmazonS3", "ListObjects", "BucketName", "BucketName,Prefix")]
    [InlineData("IAmazonSQS", "SendMessage", "QueueUrl,MessageBody", null)]
    [InlineData("IAmazonSQS", "ChangeMessageVisibility", "QueueUrl,ReceiptHandle,VisibilityTimeout", null)]
    [InlineData("IAmazonSimpleNotificationService", "Publish", "TopicArn,Message", "TopicArn,Message,Subject")]
    [InlineData("IAmazonSimpleNotificationService", "Subscribe", "TopicArn,Protocol,Endpoint", null)]
    [InlineData("IAmazonSimpleNotificationService", "AddPermission", "TopicArn,Label,AWSAccountId,ActionName", null)]
    [InlineData("IAmazonSimpleNotificationService", "FindTopic", "TopicName", null)]
    [InlineData("IAmazonSimpleNotificationService", "AuthorizeS3ToPublish", "TopicArn,Bucket", null)]
    [InlineData("IAmazonDynamoDB", "UpdateItem", "TableName,Key,AttributeUpdates", "TableName,Key,AttributeUpdates,ReturnValues")]
    [InlineData("IAmazonDynamoDB", "DescribeTable", "TableName", null)]
    public void Positional_overloads_are_listed(string client, string method, string first, string? second)
    {
        var sigs = RealTable.Operation(client, method).Signatures.Select(s => string.Join(",", s)).ToList();
        sigs.Should().Contain(first);
        if (second is not null) sigs.Should().Contain(second);
    }

    [Fact]
    public void DescribeEndpoints_needs_no_permission_and_says_why()
    {
        var op = RealTable.Operation("IAmazonDynamoDB", "DescribeEndpoints");
        op.Grants.Should().BeEmpty();
        op.Note.Should().NotBeNullOrWhiteSpace();
    }
}
