using FluentAssertions;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// Template-driven KMS (mappings/encryption.yaml): calls on a resource encrypted with a customer managed key also get
/// the KMS actions they imply on that key, through the resource's service only; AWS managed keys need nothing.
/// </summary>
public class EncryptionTests
{
    private const string Key = """
        Key:
          Type: AWS::KMS::Key
        """;

    private const string KeyById = "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${Key}";

    private static string Via(string service) => $" if StringEquals{{kms:ViaService={service}.${{AWS::Region}}.amazonaws.com}}";

    private static IEnumerable<string> Kms(RoleGen.Core.FunctionReport report) => report.Grants().Where(g => g.StartsWith("kms:", StringComparison.Ordinal));

    [Fact]
    public void S3_bucket_with_a_customer_key_needs_GenerateDataKey_to_write_and_Decrypt_to_read()
    {
        var report = OneFunction.Run(Key + "\n" + """
            Uploads:
              Type: AWS::S3::Bucket
              Properties:
                BucketEncryption:
                  ServerSideEncryptionConfiguration:
                    - ServerSideEncryptionByDefault:
                        SSEAlgorithm: aws:kms
                        KMSMasterKeyID: !GetAtt Key.Arn
            Plain:
              Type: AWS::S3::Bucket
              Properties:
                BucketEncryption:
                  ServerSideEncryptionConfiguration:
                    - ServerSideEncryptionByDefault:
                        SSEAlgorithm: aws:kms
            """, """
            using Amazon.S3;
            namespace App;
            public class Handler
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                public async Task Run()
                {
                    await _s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = Environment.GetEnvironmentVariable("UPLOADS"), Key = "in/x" });
                    await _s3.GetObjectAsync(Environment.GetEnvironmentVariable("UPLOADS"), "out/y");
                    await _s3.GetObjectAsync(Environment.GetEnvironmentVariable("PLAIN"), "z");
                }
            }
            """, "UPLOADS: !Ref Uploads\nPLAIN: !Ref Plain");

        Kms(report).Should().Equal(
            "kms:Decrypt ${Key.Arn}" + Via("s3"),
            "kms:GenerateDataKey ${Key.Arn}" + Via("s3"));
        var statement = report.Statements.Single(s => s.Actions.Contains("kms:GenerateDataKey"));
        statement.Reasons.Should().Contain(r => r.File == "src/App/Handler.cs" && r.Line == 8 && r.Call!.Contains("Uploads is encrypted"));
    }

    private const string EncryptedBucket = """
        Uploads:
          Type: AWS::S3::Bucket
          Properties:
            BucketEncryption:
              ServerSideEncryptionConfiguration:
                - ServerSideEncryptionByDefault:
                    SSEAlgorithm: aws:kms
                    KMSMasterKeyID: !GetAtt Key.Arn
        """;

    /// <summary>
    /// S3 user guide ("Multipart upload API and permissions"): a multipart upload with SSE-KMS needs kms:Decrypt as well
    /// as kms:GenerateDataKey, because S3 decrypts the parts to complete it. Every multipart operation is authorized as
    /// s3:PutObject, so encryption.yaml names them (operations) to add Decrypt for the bucket's default key.
    /// </summary>
    [Theory]
    [InlineData("await _s3.InitiateMultipartUploadAsync(Bucket, \"big/x\");")]
    [InlineData("await _s3.UploadPartAsync(new Amazon.S3.Model.UploadPartRequest { BucketName = Bucket, Key = \"big/x\" });")]
    [InlineData("await _s3.CompleteMultipartUploadAsync(new Amazon.S3.Model.CompleteMultipartUploadRequest { BucketName = Bucket, Key = \"big/x\" });")]
    [InlineData("await _s3.CopyPartAsync(new Amazon.S3.Model.CopyPartRequest { SourceBucket = \"plain-source\", SourceKey = \"a\", DestinationBucket = Bucket, DestinationKey = \"big/x\" });")]
    public void A_multipart_upload_to_a_bucket_with_a_customer_key_also_needs_Decrypt(string call)
    {
        var report = OneFunction.Run(Key + "\n" + EncryptedBucket, $$"""
            using Amazon.S3;
            namespace App;
            public class Handler
            {
                private static readonly string Bucket = Environment.GetEnvironmentVariable("UPLOADS");
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                public async Task Run()
                {
                    {{call}}
                }
            }
            """, "UPLOADS: !Ref Uploads");

        Kms(report).Should().Equal(
            "kms:Decrypt ${Key.Arn}" + Via("s3"),
            "kms:GenerateDataKey ${Key.Arn}" + Via("s3"));
    }

    [Fact]
    public void A_single_PutObject_to_a_bucket_with_a_customer_key_needs_only_GenerateDataKey()
    {
        var report = OneFunction.Run(Key + "\n" + EncryptedBucket, """
            using Amazon.S3;
            namespace App;
            public class Handler
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                public Task Run() => _s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = Environment.GetEnvironmentVariable("UPLOADS"), Key = "x" });
            }
            """, "UPLOADS: !Ref Uploads");

        Kms(report).Should().Equal("kms:GenerateDataKey ${Key.Arn}" + Via("s3"));
    }

    [Fact]
    public void Sqs_queue_with_a_customer_key_needs_it_to_send_and_receive_and_an_AWS_managed_key_needs_nothing()
    {
        var report = OneFunction.Run(Key + "\n" + """
            Orders:
              Type: AWS::SQS::Queue
              Properties:
                KmsMasterKeyId: !Ref Key
            Managed:
              Type: AWS::SQS::Queue
              Properties:
                KmsMasterKeyId: alias/aws/sqs
            """, """
            using Amazon.SQS;
            namespace App;
            public class Handler
            {
                private readonly IAmazonSQS _sqs = new AmazonSQSClient();
                public async Task Run()
                {
                    await _sqs.SendMessageAsync(Environment.GetEnvironmentVariable("ORDERS"), "hi");
                    await _sqs.ReceiveMessageAsync(Environment.GetEnvironmentVariable("ORDERS"));
                    await _sqs.SendMessageAsync(Environment.GetEnvironmentVariable("MANAGED"), "hi");
                }
            }
            """, "ORDERS: !Ref Orders\nMANAGED: !Ref Managed");

        Kms(report).Should().Equal(
            $"kms:Decrypt {KeyById}" + Via("sqs"),
            $"kms:GenerateDataKey {KeyById}" + Via("sqs"));
        report.Grants().Should().Contain("sqs:SendMessage ${Managed.Arn}");
    }

    [Fact]
    public void Sns_topic_with_a_customer_key_needs_GenerateDataKey_and_Decrypt_to_publish()
    {
        var report = OneFunction.Run(Key + "\n" + """
            Alerts:
              Type: AWS::SNS::Topic
              Properties:
                KmsMasterKeyId: !GetAtt Key.Arn
            """, """
            using Amazon.SimpleNotificationService;
            namespace App;
            public class Handler
            {
                private readonly IAmazonSimpleNotificationService _sns = new AmazonSimpleNotificationServiceClient();
                public Task Run() => _sns.PublishAsync(Environment.GetEnvironmentVariable("TOPIC"), "alert");
            }
            """, "TOPIC: !Ref Alerts");

        Kms(report).Should().Equal(
            "kms:Decrypt ${Key.Arn}" + Via("sns"),
            "kms:GenerateDataKey ${Key.Arn}" + Via("sns"));
    }

    [Fact]
    public void Kinesis_stream_with_a_customer_key_needs_GenerateDataKey_to_put_and_the_AWS_managed_key_nothing()
    {
        var report = OneFunction.Run(Key + "\n" + """
            Clicks:
              Type: AWS::Kinesis::Stream
              Properties:
                StreamEncryption:
                  EncryptionType: KMS
                  KeyId: !GetAtt Key.Arn
            Views:
              Type: AWS::Kinesis::Stream
              Properties:
                StreamEncryption:
                  EncryptionType: KMS
                  KeyId: alias/aws/kinesis
            """, """
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;
            namespace App;
            public class Handler
            {
                private readonly IAmazonKinesis _kinesis = new AmazonKinesisClient();
                public async Task Run()
                {
                    await _kinesis.PutRecordAsync(new PutRecordRequest { StreamName = Environment.GetEnvironmentVariable("CLICKS"), PartitionKey = "p" });
                    await _kinesis.PutRecordAsync(new PutRecordRequest { StreamName = Environment.GetEnvironmentVariable("VIEWS"), PartitionKey = "p" });
                }
            }
            """, "CLICKS: !Ref Clicks\nVIEWS: !Ref Views");

        Kms(report).Should().Equal("kms:GenerateDataKey ${Key.Arn}" + Via("kinesis"));
    }

    [Fact]
    public void DynamoDB_table_with_a_customer_key_needs_only_Decrypt_to_read()
    {
        var report = OneFunction.Run(Key + "\n" + """
            Orders:
              Type: AWS::DynamoDB::Table
              Properties:
                SSESpecification:
                  SSEEnabled: true
                  SSEType: KMS
                  KMSMasterKeyId: !Ref Key
            """, """
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            namespace App;
            public class Handler
            {
                private readonly IAmazonDynamoDB _ddb = new AmazonDynamoDBClient();
                public async Task Run()
                {
                    await _ddb.GetItemAsync(new GetItemRequest { TableName = Environment.GetEnvironmentVariable("TABLE") });
                }
                public Task Write() => _ddb.PutItemAsync(new PutItemRequest { TableName = Environment.GetEnvironmentVariable("TABLE") });
            }
            """, "TABLE: !Ref Orders");

        Kms(report).Should().Equal(new[] { $"kms:Decrypt {KeyById}" + Via("dynamodb") }, "only the read is reachable from Run");
    }

    [Fact]
    public void DynamoDB_writes_on_a_customer_key_table_need_Encrypt_and_GenerateDataKey_too()
    {
        var report = OneFunction.Run(Key + "\n" + """
            Orders:
              Type: AWS::DynamoDB::Table
              Properties:
                SSESpecification:
                  SSEEnabled: true
                  SSEType: KMS
                  KMSMasterKeyId: !Ref Key
            """, """
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            namespace App;
            public class Handler
            {
                private readonly IAmazonDynamoDB _ddb = new AmazonDynamoDBClient();
                public Task Run() => _ddb.PutItemAsync(new PutItemRequest { TableName = Environment.GetEnvironmentVariable("TABLE") });
            }
            """, "TABLE: !Ref Orders");

        Kms(report).Should().Equal(
            $"kms:Decrypt {KeyById}" + Via("dynamodb"),
            $"kms:Encrypt {KeyById}" + Via("dynamodb"),
            $"kms:GenerateDataKey {KeyById}" + Via("dynamodb"));
    }

    [Fact]
    public void A_key_known_only_at_deploy_time_is_a_finding_not_a_silent_gap()
    {
        var report = OneFunction.Run("""
            Orders:
              Type: AWS::SQS::Queue
              Properties:
                KmsMasterKeyId: !ImportValue shared-key
            """, """
            using Amazon.SQS;
            namespace App;
            public class Handler
            {
                private readonly IAmazonSQS _sqs = new AmazonSQSClient();
                public Task Run() => _sqs.SendMessageAsync(Environment.GetEnvironmentVariable("ORDERS"), "hi");
            }
            """, "ORDERS: !Ref Orders");

        Kms(report).Should().BeEmpty();
        report.Findings.Should().ContainSingle(f => f.Message.Contains("Orders is encrypted with a KMS key known only at deploy time"))
            .Which.Should().Match<Finding>(f => f.Severity == Severity.Warning && f.Line == 6);
    }

    [Theory]
    // A topic encrypted through an alias the template declares: the alias's key, which every request reaches.
    [InlineData("KmsMasterKeyId: !Ref KeyAlias", "new Amazon.SimpleNotificationService.AmazonSimpleNotificationServiceClient().PublishAsync(Environment.GetEnvironmentVariable(\"TOPIC\"), \"m\")",
        "kms:Decrypt ${Key.Arn}|kms:GenerateDataKey ${Key.Arn}")]
    // Code that names the alias itself: the same key.
    [InlineData("", "new Amazon.KeyManagementService.AmazonKeyManagementServiceClient().EncryptAsync(new Amazon.KeyManagementService.Model.EncryptRequest { KeyId = \"alias/orders\" })",
        "kms:Encrypt ${Key.Arn}")]
    // An alias the template does not declare stays a condition on the alias.
    [InlineData("", "new Amazon.KeyManagementService.AmazonKeyManagementServiceClient().EncryptAsync(new Amazon.KeyManagementService.Model.EncryptRequest { KeyId = \"alias/elsewhere\" })",
        "kms:Encrypt arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/* if StringEquals{kms:RequestAlias=alias/elsewhere}")]
    public void A_KMS_alias_the_template_declares_is_granted_as_its_key(string topicEncryption, string call, string expected)
    {
        var report = OneFunction.Run(Key + "\n" + $$"""
            KeyAlias:
              Type: AWS::KMS::Alias
              Properties:
                AliasName: alias/orders
                TargetKeyId: !Ref Key
            Topic:
              Type: AWS::SNS::Topic
            {{(topicEncryption.Length == 0 ? "" : "  Properties:\n    " + topicEncryption)}}
            """, $$"""
            namespace App;
            public class Handler
            {
                public Task Run() => {{call}};
            }
            """, "TOPIC: !Ref Topic");

        Kms(report).Select(g => g.Split(" if ")[0] + (g.Contains("kms:RequestAlias") ? " if " + g.Split(" if ")[1] : "")).Should().BeEquivalentTo(expected.Split('|'));
    }
}

/// <summary>The S3 client-side encryption client: its S3 calls map as an S3 client's; KMS materials name the key it encrypts and decrypts data keys with.</summary>
public class ClientSideEncryptionTests
{
    [Theory]
    [InlineData("new EncryptionMaterialsV2(Environment.GetEnvironmentVariable(\"KEY\"), KmsType.KmsContext, new Dictionary<string, string>())",
        "kms:Decrypt ${Key.Arn}|kms:GenerateDataKey ${Key.Arn}|s3:GetObject arn:${AWS::Partition}:s3:::${Files}/in/*|s3:PutObject arn:${AWS::Partition}:s3:::${Files}/out/*")]
    [InlineData("new EncryptionMaterialsV2(RSA.Create(), AsymmetricAlgorithmType.RsaOaepSha1)",
        "s3:GetObject arn:${AWS::Partition}:s3:::${Files}/in/*|s3:PutObject arn:${AWS::Partition}:s3:::${Files}/out/*")]
    public void The_encryption_client_is_an_s3_client_that_uses_its_kms_key(string materials, string expected)
    {
        var report = OneFunction.Run("""
            Files:
              Type: AWS::S3::Bucket
            Key:
              Type: AWS::KMS::Key
            """, $$"""
            using System.Security.Cryptography;
            using Amazon.S3;
            using Amazon.S3.Model;
            using Amazon.Extensions.S3.Encryption;
            using Amazon.Extensions.S3.Encryption.Primitives;
            namespace App;
            public class Handler
            {
                private static readonly string Bucket = Environment.GetEnvironmentVariable("BUCKET")!;
                private readonly AmazonS3EncryptionClientV2 _s3 = new(new AmazonS3CryptoConfigurationV2(SecurityProfile.V2), {{materials}});
                public async Task Run(string name)
                {
                    var read = await _s3.GetObjectAsync(Bucket, "in/" + name);
                    await _s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "out/" + name, InputStream = read.ResponseStream });
                }
            }
            """, "BUCKET: !Ref Files\nKEY: !GetAtt Key.Arn");

        report.Grants().Should().Equal(expected.Split('|'));
        report.Findings.Should().NotContain(f => f.Severity != Severity.Info);
    }
}

