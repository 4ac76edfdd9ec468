using FluentAssertions;
using RoleGen.Core;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Emit;
using RoleGen.Tests.Mappings;
using Xunit;

namespace RoleGen.Tests.Pipeline;

public class PipelineTests
{
    private static readonly RoleGenKnowledge Knowledge = RoleGenKnowledge.Load(RealTable.Directory);

    private const string Template = """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: dotnet8
            CodeUri: ./src/App/
        Resources:
          Uploads:
            Type: AWS::S3::Bucket
          Queue:
            Type: AWS::SQS::Queue
          Reader:
            Type: AWS::Serverless::Function
            Properties:
              Handler: App::App.Functions::Read
              Environment:
                Variables:
                  BUCKET: !Ref Uploads
          Sender:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: order-sender
              Handler: App::App.Functions::Send
              Environment:
                Variables:
                  QUEUE_URL: !Ref Queue
          Broken:
            Type: AWS::Serverless::Function
            Properties:
              Handler: App::App.Functions::DoesNotExist
          Python:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
        """;

    private const string Code = """
        using Amazon.S3;
        using Amazon.SQS;
        namespace App;
        public class Functions
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();
            private readonly IAmazonSQS _sqs = new AmazonSQSClient();
            public async Task Read(string key, string someBucket)
            {
                await _s3.GetObjectAsync(Environment.GetEnvironmentVariable("BUCKET"), "data/" + key);
                await _s3.GetObjectAsync(someBucket, "x");
                await _s3.SelectMagicAsync("b");
            }
            public Task Send() => _sqs.SendMessageAsync(Environment.GetEnvironmentVariable("QUEUE_URL"), "hello");
        }
        """;

    private static TempApp App() => new TempApp().With("template.yaml", Template).WithProject("src/App", "App").With("src/App/Functions.cs", Code);

    [Fact]
    public void Each_function_gets_its_own_statements_in_the_templates_terms()
    {
        using var app = App();
        var report = new RoleGenerator(Knowledge).Generate(app.TemplatePath);

        report.Functions.Select(f => f.LogicalId).Should().Equal("Broken", "Reader", "Sender");
        var sender = report.Functions.Single(f => f.LogicalId == "Sender");
        sender.Statements.Should().ContainSingle(s => s.Actions.SequenceEqual(new[] { "sqs:SendMessage" }))
            .Which.Resources.Should().Equal("${Queue.Arn}");
        sender.Statements.SelectMany(s => s.Resources).Should().Contain("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/order-sender:*");
        sender.Statements.SelectMany(s => s.Actions).Should().NotContain("s3:GetObject");

        var reader = report.Functions.Single(f => f.LogicalId == "Reader");
        reader.Statements.Single(s => s.Actions.Contains("s3:GetObject")).Resources
            .Should().Equal("arn:${AWS::Partition}:s3:::${Uploads}/data/*", "arn:${AWS::Partition}:s3:::*/x");
        reader.Statements.SelectMany(s => s.Resources).Should().Contain(r => r.Contains("/aws/lambda/${Reader}:*"));
        reader.SelfStatements.Should().OnlyContain(s => s.Actions.All(a => a.StartsWith("logs:")), "only the log group names the function itself")
            .And.HaveCount(2);
        reader.RoleStatements.SelectMany(s => s.Resources).Should().NotContain(r => r.Contains("${Reader}"), "the role cannot refer to its function");
    }

    [Fact]
    public void Unknown_calls_unresolvable_names_and_missing_handlers_are_findings_with_locations()
    {
        using var app = App();
        var report = new RoleGenerator(Knowledge).Generate(app.TemplatePath);
        var reader = report.Functions.Single(f => f.LogicalId == "Reader");

        reader.Findings.Should().ContainSingle(f => f.Code == FindingCodes.UnknownSdkCall)
            .Which.Should().Match<Finding>(f => f.File == "src/App/Functions.cs" && f.Line == 12 && f.Severity == Severity.Error && f.Message.Contains("SelectMagicAsync"));
        reader.Findings.Should().ContainSingle(f => f.Code == FindingCodes.UnresolvedResource)
            .Which.Should().Match<Finding>(f => f.Line == 11 && f.Severity == Severity.Warning && f.Message.Contains("someBucket"));

        var broken = report.Functions.Single(f => f.LogicalId == "Broken");
        broken.Findings.Should().ContainSingle(f => f.Code == FindingCodes.HandlerNotFound)
            .Which.Should().Match<Finding>(f => f.File == "template.yaml" && f.Line == 26);
        broken.Statements.SelectMany(s => s.Actions).Should().OnlyContain(a => a.StartsWith("logs:"), "a broken handler still gets what its configuration implies");

        report.Findings.Should().ContainSingle(f => f.Message.Contains("Python") && f.Severity == Severity.Info);
    }

    [Fact]
    public void Output_is_byte_identical_across_runs()
    {
        using var app = App();
        var first = new RoleGenerator(Knowledge).Generate(app.TemplatePath);
        var second = new RoleGenerator(Knowledge).Generate(app.TemplatePath);
        RoleYamlWriter.Write(second).Should().Be(RoleYamlWriter.Write(first));
        ReportJsonWriter.Write(second).Should().Be(ReportJsonWriter.Write(first));
    }

    [Fact]
    public void Only_the_requested_functions_are_generated_and_an_unknown_id_is_bad_input()
    {
        using var app = App();
        new RoleGenerator(Knowledge).Generate(app.TemplatePath, ["Sender"]).Functions.Should().ContainSingle(f => f.LogicalId == "Sender");
        var act = () => new RoleGenerator(Knowledge).Generate(app.TemplatePath, ["Nope"]);
        act.Should().Throw<RoleGenInputException>().WithMessage("*Nope*");
    }

    /// <summary>Nullable reference types on and the SDK not restored (the usual checkout): a lazily made client declared IAmazonDynamoDB?.</summary>
    [Theory]
    [InlineData("private static IAmazonDynamoDB? _client; public async Task Run() { _client ??= new AmazonDynamoDBClient(); await _client.GetItemAsync(Table, Key); }")]
    [InlineData("private static IAmazonDynamoDB? _client; public async Task Run() { if (_client == null) _client = new AmazonDynamoDBClient(); await _client!.GetItemAsync(Table, Key); }")]
    [InlineData("private readonly IAmazonDynamoDB? _client = new AmazonDynamoDBClient(); public async Task Run() { await (_client?.GetItemAsync(Table, Key) ?? Task.CompletedTask); }")]
    public void A_client_declared_nullable_is_a_client(string members)
    {
        var report = OneFunction.Run("""
            Items:
              Type: AWS::DynamoDB::Table
            """, $$"""
            #nullable enable
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            namespace App;
            public class Handler
            {
                private static readonly string Table = Environment.GetEnvironmentVariable("TABLE")!;
                private static readonly Dictionary<string, AttributeValue> Key = new();
                {{members}}
            }
            """, "TABLE: !Ref Items");

        report.Grants().Should().Equal("dynamodb:GetItem arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${Items}");
    }
}
