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
    // Bound by set-up code: a lambda that binds its options parameter to a section.
    [InlineData("services.Configure<StorageOptions>(o => config.GetSection(\"Storage\").Bind(o));", "env:Storage__Bucket")]
    [InlineData("services.AddOptions<StorageOptions>().Configure<IConfiguration>((o, c) => c.GetSection(\"Storage\").Bind(o));", "env:Storage__Bucket")]
    [InlineData("services.AddOptions<StorageOptions>().Configure<IConfiguration>((o, c) => o.Bucket = \"fixed\");", "\"fixed\"")]
    [InlineData("services.Configure<KeyedOptions>(config);", "env:BUCKET_NAME", "KeyedOptions")]
    [InlineData("services.Configure<KeyedOptions>(config.GetSection(\"Storage\"));", "env:Storage__BUCKET_NAME", "KeyedOptions")]
    public void Options_properties_read_their_configuration_section(string configure, string expected, string options = "StorageOptions")
    {
        var source = Usings + $$"""
            namespace App;
            public class StorageOptions { public string Bucket { get; set; } }
            public class KeyedOptions { [ConfigurationKeyName("BUCKET_NAME")] public string Bucket { get; set; } }
            public class Store(IAmazonS3 s3, IOptions<{{options}}> options)
            {
                public Task Save() => s3.GetObjectAsync(options.Value.Bucket, "k");
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", source, ComposedBy(configure)).Describe().Should().Equal($"IAmazonS3.GetObject({expected}, \"k\")");
    }

    [Theory]
    [InlineData("var o = options.Value; return s3.GetObjectAsync(o.Bucket, \"k\");")]
    [InlineData("var o = options.Value; var bucket = o.Bucket; return s3.GetObjectAsync(bucket, \"k\");")]
    public void Options_held_in_a_local_read_their_configuration_section(string body)
    {
        var source = Usings + $$"""
            namespace App;
            public class StorageOptions { public string Bucket { get; set; } }
            public class Store(IAmazonS3 s3, IOptions<StorageOptions> options)
            {
                public Task Save() { {{body}} }
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", source, ComposedBy("services.Configure<StorageOptions>(config.GetSection(\"Storage\"));"))
            .Describe().Should().Equal("IAmazonS3.GetObject(env:Storage__Bucket, \"k\")");
    }

    [Theory]
    [InlineData("var section = Config.GetSection(\"Storage\"); return _s3.GetObjectAsync(section[\"Bucket\"], \"k\");")]
    [InlineData("var section = Config.GetSection(\"Storage\"); return _s3.GetObjectAsync(section.GetValue<string>(\"Bucket\"), \"k\");")]
    [InlineData("var storage = Config.GetSection(\"Storage\").Get<StorageOptions>(); return _s3.GetObjectAsync(storage.Bucket, \"k\");")]
    public void Configuration_held_in_a_local_keeps_its_section(string body)
    {
        var source = Usings + $$"""
            namespace App;
            public class StorageOptions { public string Bucket { get; set; } }
            public class Function
            {
                private static readonly IConfiguration Config = new ConfigurationBuilder().AddEnvironmentVariables().Build();
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                public Task Handle() { {{body}} }
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", source).Describe().Should().Equal("IAmazonS3.GetObject(env:Storage__Bucket, \"k\")");
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
    public void A_value_passed_to_a_registration_helper_reaches_what_it_registers()
    {
        var source = Usings + """
            namespace App;
            public class AuditSender(IAmazonSQS sqs, string queueUrl) { public Task Send(string m) => sqs.SendMessageAsync(queueUrl, m); }
            public static class Registration
            {
                public static IServiceCollection AddAuditSender(this IServiceCollection services, string queueUrl)
                {
                    services.AddSingleton(sp => new AuditSender(new AmazonSQSClient(), queueUrl));
                    return services;
                }
            }
            public class Function
            {
                private readonly AuditSender _audit;
                public Function()
                {
                    var services = new ServiceCollection();
                    services.AddAuditSender(Environment.GetEnvironmentVariable("AUDIT_QUEUE"));
                    _audit = services.BuildServiceProvider().GetRequiredService<AuditSender>();
                }
                public Task Handle() => _audit.Send("m");
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", source).Describe().Should().Equal("IAmazonSQS.SendMessage(env:AUDIT_QUEUE, \"m\")");
    }

    /// <summary>The handler's class: builds a container with these registrations (config and services in scope) and resolves App.Store from it.</summary>
    private static string ComposedBy(string configure) => Usings + $$"""
        namespace App;
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

    private const string NestedOptions = """
        namespace App;
        public class ArchiveOptions { public string BucketName { get; set; } }
        public class StorageOptions { public string BucketName { get; set; } public ArchiveOptions Archive { get; set; } = new(); }
        public class AppOptions { public string TableName { get; set; } public StorageOptions Storage { get; set; } = new(); }
        public class BackupOptions { public StorageOptions Target { get; set; } }
        """;

    [Theory]
    [InlineData("services.Configure<AppOptions>(config.GetSection(\"App\"));", "options.Value.TableName", "env:App__TableName")]
    [InlineData("services.Configure<AppOptions>(config.GetSection(\"App\"));", "options.Value.Storage.BucketName", "env:App__Storage__BucketName")]
    [InlineData("services.AddOptions<AppOptions>().BindConfiguration(\"App\");", "options.Value.Storage.BucketName", "env:App__Storage__BucketName")]
    [InlineData("services.AddOptions<AppOptions>().Bind(config.GetSection(\"App\"));", "options.Value.Storage.BucketName", "env:App__Storage__BucketName")]
    [InlineData("services.Configure<AppOptions>(config.GetSection(\"Tenant\").GetSection(\"App\"));", "options.Value.Storage.BucketName", "env:Tenant__App__Storage__BucketName")]
    [InlineData("services.Configure<AppOptions>(config.GetSection(\"App\"));", "options.Value.Storage.Archive.BucketName", "env:App__Storage__Archive__BucketName")]
    [InlineData("services.AddOptions<AppOptions>().BindConfiguration(\"App\");", "options.Value.Storage.Archive.BucketName", "env:App__Storage__Archive__BucketName")]
    [InlineData("services.Configure<AppOptions>(config.GetSection(\"App\")); services.Configure<BackupOptions>(config.GetSection(\"Backup\"));",
        "options.Value.Storage.BucketName", "(env:App__Storage__BucketName|env:Backup__Target__BucketName)")]
    [InlineData("services.Configure<AppOptions>(config.GetSection(\"App\")); services.Configure<StorageOptions>(config.GetSection(\"Storage\"));",
        "options.Value.Storage.BucketName", "(env:App__Storage__BucketName|env:Storage__BucketName)")]
    public void Nested_options_read_the_subsection_named_after_the_property_that_holds_them(string configure, string read, string expected)
    {
        var source = Usings + $$"""
            namespace App;
            public class Store(IAmazonS3 s3, IOptions<AppOptions> options)
            {
                public Task Save() => s3.GetObjectAsync({{read}}, "k");
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", Usings + NestedOptions, source, ComposedBy(configure)).Describe().Should().Equal($"IAmazonS3.GetObject({expected}, \"k\")");
    }

    [Theory]
    [InlineData("audit.Value.TableName", "env:Audit__TableName")]
    [InlineData("orders.Value.TableName", "env:Orders__TableName")]
    public void A_property_inherited_from_a_base_options_class_reads_the_section_of_the_class_it_is_read_on(string read, string expected)
    {
        var source = Usings + $$"""
            namespace App;
            public abstract class TableOptions { public string TableName { get; set; } }
            public class AuditOptions : TableOptions { }
            public class OrdersOptions : TableOptions { }
            public class Store(IAmazonS3 s3, IOptions<AuditOptions> audit, IOptions<OrdersOptions> orders)
            {
                public Task Save() => s3.GetObjectAsync({{read}}, "k");
            }
            """;
        var configure = "services.Configure<AuditOptions>(config.GetSection(\"Audit\")); services.Configure<OrdersOptions>(config.GetSection(\"Orders\"));";
        AnalysisHost.Analyze("App::App.Function::Handle", source, ComposedBy(configure)).Describe().Should().Equal($"IAmazonS3.GetObject({expected}, \"k\")");
    }

    [Theory]
    [InlineData("Options = config.GetSection(\"App\").Get<AppOptions>();", "Options.Storage.BucketName", "env:App__Storage__BucketName")]
    [InlineData("Options = new AppOptions(); config.GetSection(\"App\").Bind(Options);", "Options.Storage.Archive.BucketName", "env:App__Storage__Archive__BucketName")]
    [InlineData("Storage = config.GetSection(\"App:Storage\").Get<StorageOptions>();", "Storage.BucketName", "env:App__Storage__BucketName")]
    [InlineData("Storage = config.GetSection(\"App\").GetSection(\"Storage\").Get<StorageOptions>();", "Storage.Archive.BucketName", "env:App__Storage__Archive__BucketName")]
    public void Nested_options_bound_by_hand_read_their_subsection(string bind, string read, string expected)
    {
        var source = Usings + $$"""
            namespace App;
            public class Function
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                private AppOptions Options;
                private StorageOptions Storage;
                public Function(IConfiguration config) { {{bind}} }
                public Task Handle() => _s3.GetObjectAsync({{read}}, "k");
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", Usings + NestedOptions, source).Describe().Should().Equal($"IAmazonS3.GetObject({expected}, \"k\")");
    }

    [Fact]
    public void Options_that_hold_their_own_type_are_followed_without_nesting_forever()
    {
        var source = Usings + """
            namespace App;
            public class Node { public string BucketName { get; set; } public Node Next { get; set; } public Leaf Leaf { get; set; } }
            public class Leaf { public string BucketName { get; set; } }
            public class Function
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                private Node Options;
                public Function(IConfiguration config) { Options = config.GetSection("N").Get<Node>(); }
                public Task Handle() => _s3.GetObjectAsync(Options.Next.Leaf.BucketName, Options.Next.BucketName);
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", source).Describe().Should().Equal("IAmazonS3.GetObject(env:N__Leaf__BucketName, env:N__BucketName)");
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

    [Theory]
    // Registrations made in an extension method of the project, called on a ServiceCollection whose package is not referenced.
    [InlineData("services.AddAdapters();", "env:DB_TABLE")]
    // Two implementations, one registered: the registered one's value.
    [InlineData("services.AddAdapters(); services.AddSingleton<IStore, DynamoStore>();", "env:DB_TABLE")]
    public void An_injected_interface_property_has_the_values_of_the_registered_implementations(string registration, string expected)
    {
        var source = Usings + $$"""
            using Amazon.DynamoDBv2;
            namespace App;
            public interface IServiceConfiguration { string TableName { get; } }
            internal class EnvironmentConfiguration : IServiceConfiguration { public string TableName => Environment.GetEnvironmentVariable("DB_TABLE"); }
            internal class FixedConfiguration : IServiceConfiguration { public string TableName => "fixed"; }
            public interface IStore { Task Get(); }
            internal class DynamoStore : IStore
            {
                private readonly string _table;
                private readonly IAmazonDynamoDB _client;
                public DynamoStore(IAmazonDynamoDB client, IServiceConfiguration configuration) { _client = client; _table = configuration.TableName; }
                public Task Get() => _client.DescribeTableAsync(_table);
            }
            public static class AdapterExtensions
            {
                public static void AddAdapters(this IServiceCollection services)
                {
                    services.AddSingleton<IServiceConfiguration, EnvironmentConfiguration>();
                    services.AddSingleton<IStore, DynamoStore>();
                }
            }
            public class Function
            {
                private readonly IStore _store;
                public Function()
                {
                    var services = new ServiceCollection();
                    {{registration}}
                    _store = services.BuildServiceProvider().GetRequiredService<IStore>();
                }
                public Task Handle() => _store.Get();
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", source).Describe().Should().Equal($"IAmazonDynamoDB.DescribeTable({expected})");
    }
}
