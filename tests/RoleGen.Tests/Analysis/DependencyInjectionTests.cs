using FluentAssertions;
using Xunit;

namespace RoleGen.Tests.Analysis;

public class DependencyInjectionTests
{
    private const string Usings = "using Amazon.S3; using Amazon.SQS; using Microsoft.Extensions.DependencyInjection; using Microsoft.Extensions.Configuration; using Microsoft.Extensions.Options;\n";

    private const string Stores = """
        namespace App;
        public interface IStore { Task Save(); }
        public class S3Store(IAmazonS3 s3) : IStore { public Task Save() => s3.PutObjectAsync(null); }
        public class QueueStore(IAmazonSQS sqs) : IStore { public Task Save() => sqs.SendMessageAsync("q", "m"); }
        """;

    [Theory]
    [InlineData("services.AddSingleton<IStore, S3Store>();", "IAmazonS3.PutObject")]
    [InlineData("services.AddScoped(typeof(IStore), typeof(S3Store));", "IAmazonS3.PutObject")]
    [InlineData("services.TryAddTransient<IStore, QueueStore>();", "IAmazonSQS.SendMessage")]
    [InlineData("services.AddSingleton<IStore>(sp => new QueueStore(new AmazonSQSClient()));", "IAmazonSQS.SendMessage")]
    [InlineData("services.AddSingleton<IStore>(new S3Store(new AmazonS3Client()));", "IAmazonS3.PutObject")]
    [InlineData("services.AddSingleton<IStore>(sp => Pick());", "IAmazonS3.PutObject|IAmazonSQS.SendMessage")]
    [InlineData("", "IAmazonS3.PutObject|IAmazonSQS.SendMessage")]
    public void An_interface_call_runs_only_the_registered_implementations(string registration, string expected)
    {
        var function = Usings + $$"""
            namespace App;
            public class Function
            {
                private readonly IStore _store;
                public Function()
                {
                    var services = new ServiceCollection();
                    {{registration}}
                    _store = services.BuildServiceProvider().GetRequiredService<IStore>();
                }
                private static IStore Pick() => null!;
                public Task Handle() => _store.Save();
            }
            """;
        var calls = AnalysisHost.Analyze("App::App.Function::Handle", Usings + Stores, function).Calls.Select(c => $"{c.ClientType}.{c.Method}");
        string.Join("|", calls.Order()).Should().Be(expected);
    }

    [Theory]
    [InlineData("services.Configure<StorageOptions>(config.GetSection(\"Storage\"));", "env:Storage__Bucket")]
    [InlineData("services.AddOptions<StorageOptions>().Bind(config.GetSection(\"Storage\"));", "env:Storage__Bucket")]
    [InlineData("services.AddOptions<StorageOptions>().BindConfiguration(\"Storage\");", "env:Storage__Bucket")]
    [InlineData("services.Configure<StorageOptions>(o => o.Bucket = \"fixed\");", "\"fixed\"")]
    [InlineData("services.Configure<StorageOptions>(o => o.Bucket = Environment.GetEnvironmentVariable(\"B\"));", "env:B")]
    public void Options_properties_read_their_configuration_section(string configure, string expected)
    {
        var source = Usings + $$"""
            namespace App;
            public class StorageOptions { public string Bucket { get; set; } }
            public class Store(IAmazonS3 s3, IOptions<StorageOptions> options)
            {
                public Task Save() => s3.GetObjectAsync(options.Value.Bucket, "k");
            }
            public class Function
            {
                private readonly Store _store;
                public Function()
                {
                    var config = new ConfigurationBuilder().AddEnvironmentVariables().Build();
                    var services = new ServiceCollection();
                    {{configure}}
                    services.AddSingleton<Store>();
                    _store = services.BuildServiceProvider().GetRequiredService<Store>();
                }
                public Task Handle() => _store.Save();
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", source).Describe().Should().Equal($"IAmazonS3.GetObject({expected}, \"k\")");
    }

    [Theory]
    [InlineData("var o = new StorageOptions(); config.GetSection(\"Storage\").Bind(o); Options = o;")]
    [InlineData("Options = config.GetSection(\"Storage\").Get<StorageOptions>();")]
    [InlineData("Options = new StorageOptions(); config.Bind(\"Storage\", Options);")]
    public void Options_bound_by_hand_read_their_configuration_section(string bind)
    {
        var source = Usings + $$"""
            namespace App;
            public class StorageOptions { public string Bucket { get; set; } }
            public class Function
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                private StorageOptions Options;
                public Function(IConfiguration config) { {{bind}} }
                public Task Handle() => _s3.GetObjectAsync(Options.Bucket, "k");
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", source).Describe().Should().Equal("IAmazonS3.GetObject(env:Storage__Bucket, \"k\")");
    }

    [Fact]
    public void Constructor_parameters_of_registered_types_take_the_registered_instance_or_factory_arguments()
    {
        var source = Usings + """
            namespace App;
            public record Settings(string Bucket);
            public class Store(IAmazonS3 s3, Settings settings, string queue)
            {
                public Task Save() => s3.GetObjectAsync(settings.Bucket, queue);
            }
            public class Function
            {
                private readonly Store _store;
                public Function()
                {
                    var services = new ServiceCollection();
                    services.AddSingleton(new Settings(Environment.GetEnvironmentVariable("BUCKET")));
                    services.AddSingleton(sp => new Store(sp.GetRequiredService<IAmazonS3>(), sp.GetRequiredService<Settings>(), "key"));
                    _store = services.BuildServiceProvider().GetRequiredService<Store>();
                }
                public Task Handle() => _store.Save();
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", source).Describe().Should().Equal("IAmazonS3.GetObject(env:BUCKET, \"key\")");
    }
}
