using FluentAssertions;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary><c>GetEnvironmentVariable("X") ?? "default"</c>: the default is granted only when the template may leave X unset.</summary>
public class EnvironmentFallbackTests
{
    private const string Table = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/";

    [Theory]
    [InlineData("TABLE: !Ref Orders", $"{Table}${{Orders}}")]
    [InlineData("", $"{Table}*")] // not set: the variable's table is unknown (its * covers the default)
    [InlineData("TABLE: !If [UseOrders, !Ref Orders, !Ref AWS::NoValue]", $"{Table}${{Orders}}|{Table}orders-local")]
    public void The_fallback_is_granted_only_when_the_variable_may_be_unset(string environment, string expected)
    {
        var report = OneFunction.Run("""
            Orders:
              Type: AWS::DynamoDB::Table
            """, """
            using Amazon.DynamoDBv2;
            namespace App;
            public class Handler
            {
                private static readonly string TableName = Environment.GetEnvironmentVariable("TABLE") ?? "orders-local";
                private readonly IAmazonDynamoDB _ddb = new AmazonDynamoDBClient();
                public Task Run() => _ddb.DescribeTableAsync(TableName);
            }
            """, environment);

        string.Join("|", report.Grants().Select(g => g["dynamodb:DescribeTable ".Length..])).Should().Be(expected);
    }

    [Theory]
    [InlineData("if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(\"TABLE\"))) _table = Environment.GetEnvironmentVariable(\"TABLE\");", "TABLE: !Ref Orders", $"{Table}${{Orders}}")]
    [InlineData("var name = Environment.GetEnvironmentVariable(\"TABLE\"); if (name != null) _table = name;", "TABLE: !Ref Orders", $"{Table}${{Orders}}")]
    [InlineData("var name = Environment.GetEnvironmentVariable(\"TABLE\"); if (name is not null) { _table = name; }", "TABLE: !Ref Orders", $"{Table}${{Orders}}")]
    [InlineData("if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(\"TABLE\"))) _table = Environment.GetEnvironmentVariable(\"TABLE\");", "TABLE: \"\"", $"{Table}Gallery")] // set to "": the default runs
    [InlineData("_table = Environment.GetEnvironmentVariable(\"TABLE\");", "TABLE: !Ref Orders", $"{Table}${{Orders}}|{Table}Gallery")] // unguarded: the initializer is kept too (RoleGen does not order a constructor's writes after initializers)
    public void A_default_replaced_only_when_the_variable_is_set_is_granted_only_when_it_may_not_be(string constructor, string environment, string expected)
    {
        var report = OneFunction.Run("""
            Orders:
              Type: AWS::DynamoDB::Table
            """, $$"""
            using Amazon.DynamoDBv2;
            namespace App;
            public class Handler
            {
                private readonly string _table = "Gallery";
                private readonly IAmazonDynamoDB _ddb = new AmazonDynamoDBClient();
                public Handler() { {{constructor}} }
                public Task Run() => _ddb.DescribeTableAsync(_table);
            }
            """, environment);

        string.Join("|", report.Grants().Select(g => g["dynamodb:DescribeTable ".Length..])).Should().Be(expected);
    }

    [Fact]
    public void An_empty_default_nothing_replaces_is_unknown_and_says_so()
    {
        var report = OneFunction.Run("", """
            using Amazon.DynamoDBv2;
            namespace App;
            public class Options { public string TableName { get; set; } = string.Empty; }
            public class Handler
            {
                private readonly Options _options = new();
                private readonly IAmazonDynamoDB _ddb = new AmazonDynamoDBClient();
                public Task Run() => _ddb.DescribeTableAsync(_options.TableName);
            }
            """);

        report.Grants().Should().Equal($"dynamodb:DescribeTable {Table}*");
        report.Findings.Should().ContainSingle(f => f.Code == RoleGen.Core.Diagnostics.FindingCodes.UnresolvedResource)
            .Which.Message.Should().Contain("the only value code gives it is an empty string");
    }

    [Theory]
    [InlineData("Replication__Table: !Ref Orders", $"{Table}${{Orders}}")]
    [InlineData("", $"{Table}*")] // the key may be unset: the default counts, under the unknown
    public void An_options_default_is_granted_only_when_configuration_may_leave_it(string environment, string expected)
    {
        var report = OneFunction.Run("""
            Orders:
              Type: AWS::DynamoDB::Table
            """, """
            using Amazon.DynamoDBv2;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Options;
            namespace App;
            public class ReplicationOptions { public string Table { get; set; } = "replica-local"; }
            public class Replicator(IAmazonDynamoDB ddb, IOptions<ReplicationOptions> options)
            {
                public Task Run() => ddb.DescribeTableAsync(options.Value.Table);
            }
            public class Handler
            {
                private readonly Replicator _replicator;
                public Handler()
                {
                    var config = new ConfigurationBuilder().AddEnvironmentVariables().Build();
                    var services = new ServiceCollection();
                    services.AddSingleton<IAmazonDynamoDB>(new AmazonDynamoDBClient());
                    services.Configure<ReplicationOptions>(config.GetSection("Replication"));
                    services.AddSingleton<Replicator>();
                    _replicator = services.BuildServiceProvider().GetRequiredService<Replicator>();
                }
                public Task Run() => _replicator.Run();
            }
            """, environment);

        string.Join("|", report.Grants().Select(g => g["dynamodb:DescribeTable ".Length..])).Should().Be(expected);
    }

    [Theory]
    [InlineData("", "sqs:SendMessage arn:${AWS::Partition}:sqs:us-east-1:123456789012:orders", false)]
    [InlineData("Queue__Url: !Ref Jobs", "sqs:SendMessage ${Jobs.Arn}", false)]
    public void A_configuration_key_takes_its_value_from_appsettings_unless_the_template_sets_its_variable(string environment, string expected, bool warned)
    {
        var report = OneFunction.Run("Jobs:\n  Type: AWS::SQS::Queue", """
                using Amazon.SQS;
                using Microsoft.Extensions.Configuration;
                namespace App;
                public class Handler
                {
                    private static readonly IConfiguration Config = new ConfigurationBuilder().AddJsonFile("appsettings.json").AddEnvironmentVariables().Build();
                    private readonly IAmazonSQS _sqs = new AmazonSQSClient();
                    public Task Run() => _sqs.SendMessageAsync(Config["Queue:Url"], "m");
                }
                """, environment, files: new Dictionary<string, string>
        {
            ["src/App/appsettings.json"] = """{ "Queue": { "Url": "https://sqs.us-east-1.amazonaws.com/123456789012/orders" } }""",
        });

        report.Grants().Should().Equal(expected);
        report.Findings.Any(f => f.Code == RoleGen.Core.Diagnostics.FindingCodes.UnboundEnvironmentVariable).Should().Be(warned);
    }

    [Theory]
    [InlineData("appsettings.json", "s3:PutObject arn:${AWS::Partition}:s3:::${Files}/uploads/*")]
    // Only one environment's file sets it: the options class's default stays possible elsewhere.
    [InlineData("appsettings.Development.json", "s3:PutObject arn:${AWS::Partition}:s3:::${Files}/none/*|s3:PutObject arn:${AWS::Partition}:s3:::${Files}/uploads/*")]
    public void An_options_default_that_appsettings_json_always_replaces_is_not_granted(string file, string expected)
    {
        var report = OneFunction.Run("Files:\n  Type: AWS::S3::Bucket", """
            using Amazon.S3;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Options;
            namespace App;
            public class StorageOptions { public string Bucket { get; set; } = ""; public string KeyPrefix { get; set; } = "none"; }
            public class Store(IAmazonS3 s3, IOptions<StorageOptions> options)
            {
                public Task Put(string name) => s3.PutObjectAsync(new() { BucketName = options.Value.Bucket, Key = options.Value.KeyPrefix + "/" + name });
            }
            public class Handler
            {
                private readonly Store _store;
                public Handler()
                {
                    var configuration = new ConfigurationBuilder().AddJsonFile("appsettings.json").AddEnvironmentVariables().Build();
                    var services = new ServiceCollection();
                    services.AddSingleton<IAmazonS3>(new AmazonS3Client());
                    services.Configure<StorageOptions>(configuration.GetSection("Storage"));
                    services.AddSingleton<Store>();
                    _store = services.BuildServiceProvider().GetRequiredService<Store>();
                }
                public Task Run(string name) => _store.Put(name);
            }
            """, "Storage__Bucket: !Ref Files", files: new Dictionary<string, string>
        {
            [$"src/App/{file}"] = """{ "Storage": { "KeyPrefix": "uploads" } }""",
        });

        report.Grants().Should().Equal(expected.Split('|'));
    }

    [Theory]
    [InlineData("var configuration = new ConfigurationBuilder().AddJsonFile(\"appsettings.json\").AddEnvironmentVariables().Build();")]
    [InlineData("var builder = new ConfigurationBuilder().AddJsonFile(\"appsettings.json\").AddEnvironmentVariables(); var configuration = builder.Build();")]
    public void Configuration_built_in_one_or_two_steps_reads_appsettings(string build)
    {
        var report = OneFunction.Run("", $$"""
                using Amazon.DynamoDBv2;
                using Microsoft.Extensions.Configuration;
                namespace App;
                public class Handler
                {
                    private readonly IAmazonDynamoDB _ddb = new AmazonDynamoDBClient();
                    public Task Run()
                    {
                        {{build}}
                        var section = configuration.GetSection("DynamoDb");
                        return _ddb.GetItemAsync(section["TableNamePrefix"] + "Usage", new());
                    }
                }
                """, files: new Dictionary<string, string>
        {
            ["src/App/appsettings.json"] = """{ "DynamoDb": { "TableNamePrefix": "tu-test-" } }""",
        });

        report.Grants().Should().Equal("dynamodb:GetItem arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/tu-test-Usage");
    }

    [Theory]
    [InlineData("$\"uploads-{Environment.GetEnvironmentVariable(\"AWS_REGION\")}\"", "s3:GetObject arn:${AWS::Partition}:s3:::uploads-${AWS::Region}/k")]
    [InlineData("$\"{Environment.GetEnvironmentVariable(\"AWS_LAMBDA_FUNCTION_NAME\")}-state\"", "s3:GetObject arn:${AWS::Partition}:s3:::${Fn}-state/k")]
    [InlineData("Environment.GetEnvironmentVariable(\"_HANDLER\")", "s3:GetObject arn:${AWS::Partition}:s3:::*/k")]
    public void Variables_the_Lambda_runtime_sets_are_not_the_templates_to_set(string bucket, string expected)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.S3;
            namespace App;
            public class Handler
            {
                public Task Run() => new AmazonS3Client().GetObjectAsync({{bucket}}, "k");
            }
            """);

        report.Grants().Should().Equal(expected);
        report.Findings.Should().NotContain(f => f.Code == RoleGen.Core.Diagnostics.FindingCodes.UnboundEnvironmentVariable);
    }

    /// <summary>The mirror shape: a member read with an empty default, then filled only while it is empty.</summary>
    [Theory]
    [InlineData("TABLE: !Ref Orders", "${Orders}")]
    [InlineData("TABLE: !If [UseOrders, !Ref Orders, !Ref AWS::NoValue]", "${Orders}|orders-local")]
    public void A_default_set_only_while_the_member_is_empty_is_granted_only_when_the_variable_may_be_unset(string environment, string expected)
    {
        var report = OneFunction.Run("""
            Orders:
              Type: AWS::DynamoDB::Table
            """, """
            using Amazon.DynamoDBv2;
            namespace App;
            public class Handler
            {
                private readonly string _table;
                private readonly IAmazonDynamoDB _ddb = new AmazonDynamoDBClient();
                public Handler()
                {
                    _table = Environment.GetEnvironmentVariable("TABLE") ?? string.Empty;
                    if (string.IsNullOrEmpty(_table)) _table = "orders-local";
                }
                public Task Run() => _ddb.DescribeTableAsync(_table);
            }
            """, environment);

        string.Join("|", report.Grants().Select(g => g["dynamodb:DescribeTable ".Length..][Table.Length..])).Should().Be(expected);
    }
}
