using FluentAssertions;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>Calls on clients of AWS services the mapping table does not cover are errors, never silently dropped.</summary>
public class UnmappedServiceTests
{
    [Theory]
    [InlineData("private readonly IAmazonAthena _client = new AmazonAthenaClient();", "await _client.StartQueryExecutionAsync(new StartQueryExecutionRequest());", "IAmazonAthena.StartQueryExecutionAsync")]
    [InlineData("", "using var client = new AmazonGlueClient(); await client.GetTableAsync(new GetTableRequest());", "AmazonGlueClient.GetTableAsync")]
    [InlineData("private Func<string, IAmazonECS> Factory { get; } = cluster => new AmazonECSClient();",
        "var api = Factory(\"web\"); await api.RunTaskAsync(new RunTaskRequest());", "IAmazonECS.RunTaskAsync")]
    [InlineData("private readonly Amazon.Athena.IAmazonAthena _queries;", "await _queries.GetQueryExecutionAsync(new GetQueryExecutionRequest());", "IAmazonAthena.GetQueryExecutionAsync")]
    public void A_call_on_a_client_of_an_unmapped_service_is_an_error_at_its_line(string members, string statements, string display)
    {
        var report = OneFunction.Run("", $$"""
            namespace App;
            public class Handler
            {
                {{members}}
                public async Task Run()
                {
                    {{statements}}
                }
            }
            """);

        report.Findings.Should().ContainSingle(f => f.Code == FindingCodes.UnknownSdkCall)
            .Which.Should().Match<Finding>(f => f.Severity == Severity.Error && f.Line == 7 && f.Message.StartsWith(display + " is a call on ") && f.Message.Contains("does not cover"));
    }

    [Theory]
    [InlineData("IAmazonService")] // the SDK's base interface, not a client
    [InlineData("AmazonServiceClient")]
    [InlineData("AmazonishClient")] // not the SDK's naming: Amazon<Service>Client needs a capital after Amazon? No: matched by name, so it must be excluded by namespace
    public void Types_that_only_look_like_clients_are_not_reported(string type)
    {
        var declared = type == "AmazonishClient" ? "namespace Shop { public class AmazonishClient { public Task PingAsync() => Task.CompletedTask; } }" : "";
        var report = OneFunction.Run("", $$"""
            {{declared}}
            namespace App
            {
                public class Handler
                {
                    private readonly {{(type == "AmazonishClient" ? "Shop." : "")}}{{type}} _client;
                    public async Task Run() => await _client.PingAsync();
                }
            }
            """);

        report.Findings.Should().NotContain(f => f.Code == FindingCodes.UnknownSdkCall);
    }

    [Fact]
    public void Dispose_on_an_unmapped_client_needs_nothing()
    {
        var report = OneFunction.Run("", """
            namespace App;
            public class Handler
            {
                public void Run()
                {
                    var client = new AmazonAthenaClient();
                    client.Dispose();
                }
            }
            """);

        report.Findings.Should().NotContain(f => f.Code == FindingCodes.UnknownSdkCall);
    }

    [Theory]
    [InlineData("var config = new ConfigurationBuilder().AddSystemsManager(\"/app\").Build();", "AddSystemsManager", "Parameter Store")]
    [InlineData("var config = new ConfigurationBuilder().AddSecretsManager().Build();", "AddSecretsManager", "Secrets Manager")]
    [InlineData("Signer.SignAsync(new HttpRequestMessage(), null, null, DateTime.Now, \"eu-west-1\", \"osis\", null).Wait();", "Signer.SignAsync", "AwsSignatureVersion4")]
    [InlineData("var token = Amazon.RDS.Util.RDSAuthTokenGenerator.GenerateAuthToken(\"db.example\", 5432, \"app\");", "RDSAuthTokenGenerator.GenerateAuthToken", "rds-db:connect")]
    [InlineData("var token = RDSAuthTokenGenerator.GenerateAuthTokenAsync(\"db.example\", 5432, \"app\").Result;", "RDSAuthTokenGenerator.GenerateAuthTokenAsync", "rds-db:connect")]
    [InlineData("var token = DSQLAuthTokenGenerator.GenerateDbConnectAdminAuthToken(\"cluster.dsql.example\", null);", "DSQLAuthTokenGenerator.GenerateDbConnectAdminAuthToken", "dsql:DbConnectAdmin")]
    [InlineData("var logging = new LoggerFactory().AddAWSProvider(new AWSLoggerConfig(\"app-logs\"));", "AddAWSProvider", "CloudWatch Logs")]
    [InlineData("var log = new LoggerConfiguration().WriteTo.AmazonCloudWatch(new CloudWatchSinkOptions { LogGroupName = \"app\" }, new AmazonCloudWatchLogsClient()).CreateLogger();", "AmazonCloudWatch", "CloudWatch Logs")]
    public void A_library_that_calls_AWS_itself_is_an_error_at_its_line(string statement, string method, string described)
    {
        var report = OneFunction.Run("", $$"""
            namespace App;
            public record Order(string Id);
            public class Handler
            {
                public void Run()
                {
                    {{statement}}
                }
            }
            """);

        report.Findings.Should().ContainSingle(f => f.Code == FindingCodes.UnknownSdkCall)
            .Which.Should().Match<Finding>(f => f.Severity == Severity.Error && f.Line == 7 && f.Message.StartsWith(method + " makes AWS calls inside a library") && f.Message.Contains(described));
    }

    [Fact]
    public void A_common_method_name_is_a_library_call_only_on_the_type_listed_with_it()
    {
        var report = OneFunction.Run("", """
            namespace App;
            public class Handler
            {
                private readonly TokenSigner _tokens = new();
                public Task Run() => _tokens.SignAsync("claims");
            }
            public class TokenSigner { public Task SignAsync(string claims) => Task.CompletedTask; }
            """);

        report.Findings.Should().NotContain(f => f.Code == FindingCodes.UnknownSdkCall);
    }

    [Fact]
    public void A_method_of_the_project_named_like_such_a_library_method_is_followed_not_reported()
    {
        var report = OneFunction.Run("", """
            namespace App;
            public static class Setup { public static object AddSystemsManager(this object builder, string path) => builder; }
            public class Handler
            {
                public void Run() => new object().AddSystemsManager("/app");
            }
            """);

        report.Findings.Should().NotContain(f => f.Code == FindingCodes.UnknownSdkCall);
    }

    /// <summary>The Parameters and Secrets Lambda Extension, called over HTTP: what it reads with the function's role is not visible.</summary>
    [Theory]
    [InlineData("private static readonly HttpClient Http = new() { BaseAddress = new Uri(\"http://localhost:2773\") }; public Task<string> Run(string id) => Http.GetStringAsync($\"/secretsmanager/get?secretId={id}\");", true)]
    [InlineData("private const string Endpoint = \"http://127.0.0.1:2773/systemsmanager/parameters/get?name=\"; public Task<string> Run(string id) => new HttpClient().GetStringAsync(Endpoint + id);", true)]
    [InlineData("public Task<string> Run(string id) => new HttpClient().GetStringAsync(\"http://localhost:8080/\" + id);", false)]
    public void A_call_to_the_secrets_extension_is_reported(string members, bool reported)
    {
        var report = OneFunction.Run("", $$"""
            namespace App;
            public class Handler
            {
                {{members}}
            }
            """);

        report.Findings.Any(f => f.Code == FindingCodes.UnknownSdkCall && f.Severity == Severity.Error && f.Message.Contains("Parameters and Secrets Lambda Extension")).Should().Be(reported);
    }
}
