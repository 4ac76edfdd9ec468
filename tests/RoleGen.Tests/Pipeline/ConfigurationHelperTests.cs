using FluentAssertions;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// Options bound by a helper of the project that takes the section's name (ConfigurePoco&lt;T&gt;(configuration, "Orders")):
/// each call binds its type to its section, with the helper's branches for other arguments left out.
/// </summary>
public class ConfigurationHelperTests
{
    [Theory]
    // Generic: the type is the helper's type parameter, the section its parameter; a root Bind guarded by the name being empty.
    [InlineData("""
        public static T ConfigurePoco<T>(this IServiceCollection services, IConfiguration configuration, string section = "") where T : class, new()
        {
            var config = new T();
            if (string.IsNullOrWhiteSpace(section)) configuration.Bind(config);
            else configuration.GetSection(section).Bind(config);
            services.AddSingleton(config);
            return config;
        }
        """, "services.ConfigurePoco<StoreOptions>(configuration, \"Store\"); services.ConfigurePoco<MailOptions>(configuration, \"Mail\");")]
    // Not generic: the section is the parameter.
    [InlineData("""
        public static StoreOptions LoadStore(this IServiceCollection services, IConfiguration configuration, string section)
        {
            var options = new StoreOptions();
            configuration.GetSection(section).Bind(options);
            services.AddSingleton(options);
            return options;
        }
        public static void LoadMail(this IServiceCollection services, IConfiguration configuration, string name) =>
            services.Configure<MailOptions>(configuration.GetSection(name));
        """, "services.LoadStore(configuration, \"Store\"); services.LoadMail(configuration, \"Mail\");")]
    public void Options_a_helper_binds_to_the_section_its_caller_names_take_their_values_from_it(string helper, string registrations)
    {
        var report = OneFunction.Run("""
            Orders:
              Type: AWS::DynamoDB::Table
            Mail:
              Type: AWS::SQS::Queue
            """, $$"""
            using Amazon.DynamoDBv2;
            using Amazon.SQS;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Options;
            namespace App;
            public class StoreOptions { public string Table { get; set; } = "Blog"; }
            public class MailOptions { public string QueueUrl { get; set; } }
            public static class Setup
            {
            {{helper}}
            }
            public class Store(IAmazonDynamoDB ddb, StoreOptions options)
            {
                public Task Get() => ddb.GetItemAsync(options.Table, new());
            }
            public class Mailer(IAmazonSQS sqs, IOptions<MailOptions> options)
            {
                public Task Send() => sqs.SendMessageAsync(options.Value.QueueUrl, "hi");
            }
            public class Handler
            {
                private readonly ServiceProvider _provider;
                public Handler()
                {
                    var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
                    var services = new ServiceCollection();
                    services.AddSingleton<IAmazonDynamoDB>(new AmazonDynamoDBClient());
                    services.AddSingleton<IAmazonSQS>(new AmazonSQSClient());
                    {{registrations}}
                    services.AddSingleton<Store>();
                    services.AddSingleton<Mailer>();
                    _provider = services.BuildServiceProvider();
                }
                public async Task Run()
                {
                    await _provider.GetRequiredService<Store>().Get();
                    await _provider.GetRequiredService<Mailer>().Send();
                }
            }
            """, "Store__Table: !Ref Orders\nMail__QueueUrl: !Ref Mail");

        report.Grants().Should().Equal(
            "dynamodb:GetItem arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${Orders}",
            "sqs:SendMessage ${Mail.Arn}");
        report.Findings.Should().NotContain(f => f.Severity >= Severity.Warning);
    }
}

/// <summary>AddEnvironmentVariables("MYAPP_") reads key A:B from variable MYAPP_A__B, over appsettings.json's value.</summary>
public class EnvironmentPrefixTests
{
    [Theory]
    [InlineData(".AddEnvironmentVariables(prefix: \"MYAPP_\")", "MYAPP_Storage__BucketName: !Ref Files", "${Files}")]
    [InlineData(".AddEnvironmentVariables(\"MYAPP_\")", "MYAPP_Storage__BucketName: !Ref Files", "${Files}")]
    // The variable without the prefix is not read: appsettings.json's value stays.
    [InlineData(".AddEnvironmentVariables(\"MYAPP_\")", "Storage__BucketName: !Ref Files", "local-bucket")]
    [InlineData(".AddEnvironmentVariables()", "Storage__BucketName: !Ref Files", "${Files}")]
    // Both providers: the variable the template sets is the value, not the configuration file's under the other.
    [InlineData(".AddEnvironmentVariables().AddEnvironmentVariables(\"MYAPP_\")", "Storage__BucketName: !Ref Files", "${Files}")]
    [InlineData(".AddEnvironmentVariables().AddEnvironmentVariables(\"MYAPP_\")", "MYAPP_Storage__BucketName: !Ref Files", "${Files}")]
    public void A_prefixed_provider_reads_the_prefixed_variable(string provider, string variable, string bucket)
    {
        var report = OneFunction.Run("""
            Files:
              Type: AWS::S3::Bucket
            """, $$"""
            using Amazon.S3;
            using Microsoft.Extensions.Configuration;
            namespace App;
            public class Handler
            {
                private readonly IConfiguration _config = new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true){{provider}}.Build();
                public Task Run() => new AmazonS3Client().PutObjectAsync(new() { BucketName = _config["Storage:BucketName"], Key = "k" });
            }
            """, variable, files: new Dictionary<string, string> { ["src/App/appsettings.json"] = """{ "Storage": { "BucketName": "local-bucket" } }""" });

        report.Grants().Should().Equal($"s3:PutObject arn:${{AWS::Partition}}:s3:::{bucket}/k");
        report.Findings.Should().NotContain(f => f.Code == FindingCodes.UnboundEnvironmentVariable);
    }
}

/// <summary>How nullable projects and GetValue's default read configuration.</summary>
public class ConfigurationReadTests
{
    [Theory]
    // The null-forgiving ! after Get<T>() or on the local keeps the binding.
    [InlineData("var opts = Config.GetSection(\"Storage\").Get<StorageOptions>()!; return Ddb.DeleteItemAsync(opts.TableName, new());", "Storage__TableName: !Ref Items", "table/${Items}")]
    [InlineData("var opts = Config.GetSection(\"Storage\").Get<StorageOptions>(); return Ddb.DeleteItemAsync(opts!.TableName, new());", "Storage__TableName: !Ref Items", "table/${Items}")]
    // GetValue's default is what the key gives where nothing sets it: dead where the template always sets the key.
    [InlineData("return Ddb.DeleteItemAsync(Config.GetValue<string>(\"Storage:TableName\", \"fallback\")!, new());", "Storage__TableName: !Ref Items", "table/${Items}")]
    [InlineData("return Ddb.DeleteItemAsync(Config.GetValue(\"Storage:TableName\", defaultValue: \"fallback\")!, new());", "Storage__TableName: !If [UseItems, !Ref Items, !Ref AWS::NoValue]", "table/${Items}|table/fallback")]
    public void The_key_read_is_the_one_the_template_sets(string body, string variable, string table)
    {
        var report = OneFunction.Run("""
            Items:
              Type: AWS::DynamoDB::Table
            """, $$"""
            #nullable enable
            using Amazon.DynamoDBv2;
            using Microsoft.Extensions.Configuration;
            namespace App;
            public class StorageOptions { public string TableName { get; set; } = ""; }
            public class Handler
            {
                private static readonly IConfiguration Config = new ConfigurationBuilder().AddEnvironmentVariables().Build();
                private static readonly IAmazonDynamoDB Ddb = new AmazonDynamoDBClient();
                public Task Run() { {{body}} }
            }
            """, variable);

        report.Grants().Should().Equal(table.Split('|').Select(t => $"dynamodb:DeleteItem arn:${{AWS::Partition}}:dynamodb:${{AWS::Region}}:${{AWS::AccountId}}:{t}"));
    }
}
