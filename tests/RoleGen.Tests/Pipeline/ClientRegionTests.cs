using FluentAssertions;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>A client built for a fixed region calls ARNs in that region, not the stack's.</summary>
public class ClientRegionTests
{
    [Theory]
    [InlineData("new AmazonDynamoDBClient(RegionEndpoint.USEast1)", "us-east-1")]
    [InlineData("new AmazonDynamoDBClient(RegionEndpoint.APSoutheast2)", "ap-southeast-2")]
    [InlineData("new AmazonDynamoDBClient(RegionEndpoint.USGovCloudWest1)", "us-gov-west-1")]
    [InlineData("new AmazonDynamoDBClient(Amazon.RegionEndpoint.GetBySystemName(\"eu-west-1\"))", "eu-west-1")]
    [InlineData("new AmazonDynamoDBClient(new AmazonDynamoDBConfig { RegionEndpoint = RegionEndpoint.EUCentral1 })", "eu-central-1")]
    [InlineData("new AmazonDynamoDBClient()", "${AWS::Region}")]
    // The region's name followed as any value: what the template sets, or unknown (a * and a finding, never the stack's).
    [InlineData("new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(Environment.GetEnvironmentVariable(\"DATA_REGION\")))", "eu-west-1")]
    [InlineData("new AmazonDynamoDBClient(new AmazonDynamoDBConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(Environment.GetEnvironmentVariable(\"STACK_REGION\")) })", "${AWS::Region}")]
    [InlineData("new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(Environment.GetEnvironmentVariable(\"PARAM_REGION\")))", "${DataRegion}")]
    [InlineData("new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(Environment.GetEnvironmentVariable(\"UNSET_REGION\")))", "*")]
    [InlineData("new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(Environment.GetEnvironmentVariable(\"UNSET_REGION\") ?? \"us-east-1\"))", "*")]
    // A config held in a variable: its initializer, or set up after it.
    [InlineData("new AmazonDynamoDBClient(Config); private static readonly AmazonDynamoDBConfig Config = new(); static Handler() { Config.RegionEndpoint = RegionEndpoint.EUWest1; } private const int After = 0", "eu-west-1")]
    [InlineData("new AmazonDynamoDBClient(Config); private static readonly AmazonDynamoDBConfig Config = new() { RegionEndpoint = RegionEndpoint.EUWest2 }", "eu-west-2")]
    // A region kept in a field or local, given to the client or its config.
    [InlineData("new AmazonDynamoDBClient(Home); private static readonly RegionEndpoint Home = RegionEndpoint.GetBySystemName(\"us-east-1\")", "us-east-1")]
    [InlineData("new AmazonDynamoDBClient(new AmazonDynamoDBConfig { RegionEndpoint = Home }); private static readonly RegionEndpoint Home = RegionEndpoint.SAEast1", "sa-east-1")]
    [InlineData("Make(); private static AmazonDynamoDBClient Make() { var region = RegionEndpoint.EUSouth1; return new AmazonDynamoDBClient(region); }", "eu-south-1")]
    public void The_ARN_is_in_the_region_the_client_was_built_for(string client, string region)
    {
        var report = OneFunction.Run("""
            Orders:
              Type: AWS::DynamoDB::Table
            """, $$"""
            using Amazon;
            using Amazon.DynamoDBv2;
            namespace App;
            public class Handler
            {
                private readonly IAmazonDynamoDB _ddb = {{client}};
                public Task Run() => _ddb.DescribeTableAsync(Environment.GetEnvironmentVariable("TABLE"));
            }
            """, "TABLE: !Ref Orders\nDATA_REGION: eu-west-1\nSTACK_REGION: !Ref AWS::Region\nPARAM_REGION: !Ref DataRegion", parameters: "DataRegion:\n  Type: String");

        report.Grants().Should().Equal([$"dynamodb:DescribeTable arn:${{AWS::Partition}}:dynamodb:{region}:${{AWS::AccountId}}:table/${{Orders}}"], string.Join("\n", report.Findings.Select(f => f.Message)));
        if (region == "*") report.Findings.Should().Contain(f => f.Code == FindingCodes.PartiallyResolvedResource || f.Code == FindingCodes.UnresolvedResource);
        if (client.Contains("UNSET_REGION")) report.Findings.Should().Contain(f => f.Code == FindingCodes.UnboundEnvironmentVariable && f.Message.Contains("UNSET_REGION"));
    }

    [Theory]
    [InlineData("var config = new AmazonDynamoDBConfig { RegionEndpoint = RegionEndpoint.USEast1 };", "us-east-1")]
    [InlineData("var config = new AmazonDynamoDBConfig(); config.RegionEndpoint = RegionEndpoint.EUWest1;", "eu-west-1")]
    [InlineData("var config = new AmazonDynamoDBConfig { ServiceURL = \"http://localhost:8000\" };", "${AWS::Region}")]
    public void A_client_built_in_a_method_from_a_config_in_a_local_is_in_the_configs_region(string config, string region)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon;
            using Amazon.DynamoDBv2;
            namespace App;
            public class Handler
            {
                public async Task Run()
                {
                    {{config}}
                    using var client = new AmazonDynamoDBClient(config);
                    await client.DescribeTableAsync("Orders");
                }
            }
            """);

        report.Grants().Should().Equal($"dynamodb:DescribeTable arn:${{AWS::Partition}}:dynamodb:{region}:${{AWS::AccountId}}:table/Orders");
    }

    [Theory]
    [InlineData("RegionEndpoint.GetBySystemName(Environment.GetEnvironmentVariable(\"DATA_REGION\")).SystemName", "eu-west-1")]
    [InlineData("RegionEndpoint.EUCentral1.SystemName", "eu-central-1")]
    [InlineData("Region.SystemName", "eu-west-1")]
    [InlineData("new Settings { Region = RegionEndpoint.GetBySystemName(Environment.GetEnvironmentVariable(\"DATA_REGION\")) }.Region.SystemName", "eu-west-1")]
    public void A_regions_SystemName_is_the_name_it_was_made_from(string name, string region)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon;
            using Amazon.DynamoDBv2;
            namespace App;
            public class Settings { public RegionEndpoint Region { get; set; } = null!; }
            public class Handler
            {
                private readonly IAmazonDynamoDB _ddb = new AmazonDynamoDBClient();
                public Task Run()
                {
                    var Region = RegionEndpoint.GetBySystemName(Environment.GetEnvironmentVariable("DATA_REGION"));
                    return _ddb.DescribeTableAsync("Orders-" + {{name}});
                }
            }
            """, "DATA_REGION: eu-west-1");

        report.Grants().Should().Equal($"dynamodb:DescribeTable arn:${{AWS::Partition}}:dynamodb:${{AWS::Region}}:${{AWS::AccountId}}:table/Orders-{region}");
    }

    [Theory]
    [InlineData("new Repo(new AmazonDynamoDBClient(RegionEndpoint.EUWest1))", "eu-west-1")]
    [InlineData("new Repo(new AmazonDynamoDBClient(new AmazonDynamoDBConfig { RegionEndpoint = RegionEndpoint.APSoutheast2 }))", "ap-southeast-2")]
    [InlineData("new Repo(new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(Environment.GetEnvironmentVariable(\"DATA_REGION\"))))", "eu-west-1")]
    [InlineData("new Repo(new AmazonDynamoDBClient())", "${AWS::Region}")]
    [InlineData("new Repo(Random.Shared.Next() > 0 ? new AmazonDynamoDBClient(RegionEndpoint.EUWest1) : new AmazonDynamoDBClient())", "${AWS::Region}")] // not every one pins it
    public void A_client_handed_to_a_constructor_keeps_the_region_it_was_built_for(string repo, string region)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon;
            using Amazon.DynamoDBv2;
            namespace App;
            public class Repo
            {
                private readonly IAmazonDynamoDB _db;
                public Repo(IAmazonDynamoDB db) { _db = db; }
                public Task Describe() => _db.DescribeTableAsync("Orders");
            }
            public class Handler
            {
                private readonly Repo _repo = {{repo}};
                public Task Run() => _repo.Describe();
            }
            """, "DATA_REGION: eu-west-1");

        report.Grants().Should().Equal($"dynamodb:DescribeTable arn:${{AWS::Partition}}:dynamodb:{region}:${{AWS::AccountId}}:table/Orders");
    }

    [Theory]
    [InlineData("s.AddAWSService<IAmazonDynamoDB>(new AWSOptions { Region = RegionEndpoint.USEast2 });", "", "us-east-2")]
    [InlineData("s.AddDefaultAWSOptions(new AWSOptions { Region = RegionEndpoint.EUWest1 }); s.AddAWSService<IAmazonDynamoDB>();", "", "eu-west-1")]
    [InlineData("s.AddAWSService<IAmazonDynamoDB>(ServiceLifetime.Scoped); s.AddDefaultAWSOptions(new AWSOptions { Region = RegionEndpoint.EUWest1 });", "", "eu-west-1")]
    [InlineData("s.AddAWSService<IAmazonDynamoDB>(options: new AWSOptions { Region = RegionEndpoint.USWest1 });", "", "us-west-1")]
    // From configuration: the AWS section's Region, over which the template's AWS__Region would win.
    [InlineData("s.AddDefaultAWSOptions(Configuration.GetAWSOptions()); s.AddAWSService<IAmazonDynamoDB>();", """{ "AWS": { "Region": "ap-south-1" } }""", "ap-south-1")]
    [InlineData("s.AddAWSService<IAmazonDynamoDB>(Configuration.GetAWSOptions(\"Data\"));", """{ "Data": { "Region": "ca-central-1" } }""", "ca-central-1")]
    // No region given: the SDK's default, the stack's region.
    [InlineData("s.AddDefaultAWSOptions(Configuration.GetAWSOptions()); s.AddAWSService<IAmazonDynamoDB>();", """{ "AWS": { "Profile": "dev" } }""", "${AWS::Region}")]
    [InlineData("s.AddAWSService<IAmazonDynamoDB>(); var r = RegionEndpoint.EUWest1;", "", "${AWS::Region}")]
    // Options for another client do not move this one.
    [InlineData("s.AddAWSService<IAmazonS3>(new AWSOptions { Region = RegionEndpoint.USEast2 }); s.AddAWSService<IAmazonDynamoDB>();", "", "${AWS::Region}")]
    // A registration by factory, the service type written with its namespace (a different symbol where the SDK is not restored).
    [InlineData("s.AddSingleton<Amazon.DynamoDBv2.IAmazonDynamoDB>(_ => new AmazonDynamoDBClient(RegionEndpoint.EUWest1));", "", "eu-west-1")]
    [InlineData("s.AddSingleton<IAmazonDynamoDB>(_ => new AmazonDynamoDBClient(Amazon.RegionEndpoint.EUWest3));", "", "eu-west-3")]
    public void A_client_the_container_builds_is_in_the_region_it_is_registered_with(string registrations, string settings, string region)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon;
            using Amazon.DynamoDBv2;
            using Amazon.Extensions.NETCore.Setup;
            using Amazon.S3;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            namespace App;
            public class Repo
            {
                private readonly IAmazonDynamoDB _db;
                public Repo(IAmazonDynamoDB db) { _db = db; }
                public Task Describe() => _db.DescribeTableAsync("Orders");
            }
            public class Handler
            {
                private static readonly IConfiguration Configuration = new ConfigurationBuilder().AddJsonFile("appsettings.json").Build();
                private readonly ServiceProvider _provider;
                public Handler()
                {
                    var s = new ServiceCollection();
                    {{registrations}}
                    s.AddSingleton<Repo>();
                    _provider = s.BuildServiceProvider();
                }
                public Task Run() => _provider.GetRequiredService<Repo>().Describe();
            }
            """, files: settings.Length == 0 ? null : new Dictionary<string, string> { ["src/App/appsettings.json"] = settings });

        report.Grants().Should().Equal($"dynamodb:DescribeTable arn:${{AWS::Partition}}:dynamodb:{region}:${{AWS::AccountId}}:table/Orders");
    }

    [Theory]
    [InlineData("s.AddSingleton<IAmazonDynamoDB>(_ => new AmazonDynamoDBClient(RegionEndpoint.EUNorth1));", "eu-north-1")]
    [InlineData("s.AddSingleton<IAmazonDynamoDB>(new AmazonDynamoDBClient(new AmazonDynamoDBConfig { RegionEndpoint = RegionEndpoint.EUNorth1 }));", "eu-north-1")]
    [InlineData("s.AddAWSService<IAmazonDynamoDB>(new AWSOptions { Region = RegionEndpoint.APSouth1 });", "ap-south-1")]
    [InlineData("s.AddAWSService<IAmazonDynamoDB>();", "${AWS::Region}")]
    public void A_DynamoDBContext_the_container_builds_is_in_its_clients_region(string client, string region)
    {
        var report = OneFunction.Run("", ContainerApp.ContextRepository(client + " s.AddSingleton<IDynamoDBContext, DynamoDBContext>();"));

        report.Grants().Should().Equal(
            $"dynamodb:DescribeTable arn:${{AWS::Partition}}:dynamodb:{region}:${{AWS::AccountId}}:table/Orders",
            $"dynamodb:GetItem arn:${{AWS::Partition}}:dynamodb:{region}:${{AWS::AccountId}}:table/Orders");
    }

    [Theory]
    [InlineData("App::App.Tokyo::Handle", "ap-northeast-1")]
    [InlineData("App::App.Dublin::Handle", "eu-west-1")]
    public void A_base_class_shared_by_functions_runs_the_override_of_the_handler_Lambda_builds(string handler, string region)
    {
        using var app = new TempApp().With("template.yaml", $$"""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: dotnet8
                  CodeUri: ./src/App/
                  Handler: {{handler}}
            """).WithProject("src/App", "App").With("src/App/Functions.cs", """
            using Amazon;
            using Amazon.DynamoDBv2;
            using Microsoft.Extensions.DependencyInjection;
            namespace App;
            public class Repo
            {
                private readonly IAmazonDynamoDB _db;
                public Repo(IAmazonDynamoDB db) { _db = db; }
                public Task Describe() => _db.DescribeTableAsync("Orders");
            }
            public abstract class FunctionBase
            {
                protected abstract void Register(IServiceCollection services);
                public Task Handle()
                {
                    var services = new ServiceCollection();
                    Register(services);
                    services.AddSingleton<Repo>();
                    return services.BuildServiceProvider().GetRequiredService<Repo>().Describe();
                }
            }
            public class Tokyo : FunctionBase
            {
                protected override void Register(IServiceCollection services) => services.AddSingleton<IAmazonDynamoDB>(_ => new AmazonDynamoDBClient(RegionEndpoint.APNortheast1));
            }
            public class Dublin : FunctionBase
            {
                protected override void Register(IServiceCollection services) => services.AddSingleton<IAmazonDynamoDB>(_ => new AmazonDynamoDBClient(RegionEndpoint.EUWest1));
            }
            """);

        var function = new RoleGen.Core.RoleGenerator(OneFunction.Knowledge).Generate(app.TemplatePath).Functions.Single();

        function.Grants().Should().Equal($"dynamodb:DescribeTable arn:${{AWS::Partition}}:dynamodb:{region}:${{AWS::AccountId}}:table/Orders");
    }
}
