using FluentAssertions;
using RoleGen.Core;
using RoleGen.Core.Diagnostics;
using RoleGen.Tests.Mappings;
using RoleGen.Tests.Pipeline;
using Xunit;

namespace RoleGen.Tests.Regressions;

/// <summary>
/// Bugs found by comparing RoleGen's output on samples/ with the hand-written EXPECTED.md files.
/// Each test reproduces one bug with a minimal app; they are skipped until the bug is fixed.
/// </summary>
public class GoldenSampleRegressions
{
    private static readonly RoleGenKnowledge Knowledge = RoleGenKnowledge.Load(RealTable.Directory);

    private const string Arn = "arn:${AWS::Partition}";

    private static RoleGenReport Run(string template, string code)
    {
        using var app = new TempApp().With("template.yaml", template).WithProject("src/App", "App").With("src/App/Functions.cs", code);
        return new RoleGenerator(Knowledge).Generate(app.TemplatePath);
    }

    private static IEnumerable<(string Action, string Resource)> Grants(RoleGenReport report, string function) =>
        report.Functions.Single(f => f.LogicalId == function).Statements
            .SelectMany(s => s.Actions.SelectMany(a => s.Resources.Select(r => (a, r))));

    private const string KmsTemplate = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Key:
            Type: AWS::KMS::Key
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: ./src/App/
              Handler: App::App.Functions::Run
              Environment:
                Variables:
                  KEY_ID: !Ref Key
        """;

    // document-vault GetDocumentFunction: kms:Decrypt on key/* instead of key/${VaultKey}, with no finding.
    // `x ?? throw` resolves the throw branch to NullValue ("not set"), so GrantPredicate sees KeyId as
    // Maybe-set and keeps the `unless: KeyId` grant (bind KeyId: '*').
    [Fact]
    public void Decrypt_with_a_key_id_that_throws_when_missing_is_granted_on_that_key_only()
    {
        const string code = """
            using Amazon.KeyManagementService;
            using Amazon.KeyManagementService.Model;
            namespace App;
            public class Functions
            {
                private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient();
                private readonly string _keyId = Environment.GetEnvironmentVariable("KEY_ID") ?? throw new InvalidOperationException();
                public Task Run(MemoryStream blob) => _kms.DecryptAsync(new DecryptRequest { KeyId = _keyId, CiphertextBlob = blob });
            }
            """;
        var grants = Grants(Run(KmsTemplate, code), "Fn").Where(g => g.Action == "kms:Decrypt");
        grants.Should().Equal((Action: "kms:Decrypt", Resource: Arn + ":kms:${AWS::Region}:${AWS::AccountId}:key/${Key}"));
    }

    // clickstream-analytics CollectFunction: kinesis:PutRecords also on stream/* (RG1002 "StreamName is not set").
    // Same root cause: `unless: StreamARN` is Maybe because StreamARN is OneOf(env, NullValue-from-throw).
    [Fact]
    public void PutRecords_by_stream_arn_that_throws_when_missing_is_not_granted_on_every_stream()
    {
        const string template = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Stream:
                Type: AWS::Kinesis::Stream
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: ./src/App/
                  Handler: App::App.Functions::Run
                  Environment:
                    Variables:
                      STREAM_ARN: !GetAtt Stream.Arn
            """;
        const string code = """
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;
            namespace App;
            public class Functions
            {
                private readonly IAmazonKinesis _kinesis = new AmazonKinesisClient();
                private readonly string _arn = Environment.GetEnvironmentVariable("STREAM_ARN") ?? throw new InvalidOperationException();
                public Task Run() => _kinesis.PutRecordsAsync(new PutRecordsRequest { StreamARN = _arn, Records = new() });
            }
            """;
        var report = Run(template, code);
        Grants(report, "Fn").Where(g => g.Action == "kinesis:PutRecords").Select(g => g.Resource).Should().Equal("${Stream.Arn}");
        report.Functions.Single(f => f.LogicalId == "Fn").Findings.Should().NotContain(f => f.Code == FindingCodes.UnresolvedResource);
    }

    // order-service GetCustomerOrdersFunction: FunctionName: !Sub 'order-service-${Stage}-customer-orders'
    // gets the log group of a generated name (${AWS::StackName}-GetCustomerOrdersFunction-*), which never matches:
    // the function cannot write its logs. ImpliedPermissions.LogGroupName only handles a literal FunctionName.
    [Fact]
    public void Log_group_of_a_function_named_with_Sub_is_spelled_from_that_name()
    {
        const string template = """
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Stage:
                Type: String
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: !Sub 'svc-${Stage}-fn'
                  CodeUri: ./src/App/
                  Handler: App::App.Functions::Run
            """;
        const string code = """
            namespace App;
            public class Functions { public void Run() { } }
            """;
        var resources = Grants(Run(template, code), "Fn").Where(g => g.Action.StartsWith("logs:")).Select(g => g.Resource).Distinct();
        resources.Should().OnlyContain(r => r.Contains(":log-group:/aws/lambda/svc-${Stage}-fn:"));
    }

    // clickstream-analytics AggregateFunction: dynamodb:BatchWriteItem on table/* (RG1002). The retry loop
    // `pending = response.UnprocessedItems ?? new()` adds an unknown option to RequestItems; UnprocessedItems can
    // only name tables of the request, but the value resolver makes it fully unknown.
    [Fact]
    public void BatchWriteItem_retrying_unprocessed_items_is_granted_on_the_requested_table()
    {
        const string template = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: ./src/App/
                  Handler: App::App.Functions::Run
                  Environment:
                    Variables:
                      TABLE_NAME: !Ref Table
            """;
        const string code = """
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            namespace App;
            public class Functions
            {
                private readonly IAmazonDynamoDB _db = new AmazonDynamoDBClient();
                private readonly string _table = Environment.GetEnvironmentVariable("TABLE_NAME")!;
                public async Task Run(List<WriteRequest> writes)
                {
                    var pending = new Dictionary<string, List<WriteRequest>> { [_table] = writes };
                    while (pending.Count > 0)
                    {
                        var response = await _db.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending });
                        pending = response.UnprocessedItems ?? new Dictionary<string, List<WriteRequest>>();
                    }
                }
            }
            """;
        Grants(Run(template, code), "Fn").Where(g => g.Action == "dynamodb:BatchWriteItem").Select(g => g.Resource)
            .Should().Equal(Arn + ":dynamodb:${AWS::Region}:${AWS::AccountId}:table/${Table}");
    }

    // clickstream-analytics DailyReportFunction: s3:ListBucket on the whole bucket with no s3:prefix condition.
    // CallPermissions.Condition drops the condition when any part of Prefix is unknown, although StringLike takes
    // wildcards: Prefix = $"raw/{day:yyyy}/" should give s3:prefix "raw/*".
    [Fact]
    public void ListObjectsV2_with_a_partly_known_prefix_keeps_a_wildcard_prefix_condition()
    {
        const string template = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: ./src/App/
                  Handler: App::App.Functions::Run
                  Environment:
                    Variables:
                      BUCKET: !Ref Bucket
            """;
        const string code = """
            using Amazon.S3;
            using Amazon.S3.Model;
            namespace App;
            public class Functions
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                public Task Run(DateOnly day) => _s3.ListObjectsV2Async(new ListObjectsV2Request
                {
                    BucketName = Environment.GetEnvironmentVariable("BUCKET"),
                    Prefix = $"raw/{day:yyyy}/",
                });
            }
            """;
        var statement = Run(template, code).Functions.Single(f => f.LogicalId == "Fn").Statements.Single(s => s.Actions.Contains("s3:ListBucket"));
        statement.Condition.Should().NotBeNull("an unconditional ListBucket lists the whole bucket");
    }
}
