using FluentAssertions;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// The .NET high-level APIs through the real pipeline (C# source without the SDK referenced): each maps to the
/// low-level requests it really sends, on the resources the code names.
/// </summary>
public class HighLevelApiTests
{
    private const string Table = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/";

    [Theory]
    [InlineData("[DynamoDBTable(Tables.Orders)]", "Orders")]
    [InlineData("[DynamoDBTable(Order.TableName)]", "OrderTable")]
    [InlineData("[DynamoDBTable(tableName: Tables.Orders + \"-v2\")]", "Orders-v2")]
    [InlineData("[DynamoDBTable(nameof(Tables))]", "Tables")]
    [InlineData("[DynamoDBTable(\"Literal\", true)]", "Literal")]
    [InlineData("[DynamoDBTable(Tables.NotConstant)]", "*")]
    public void The_entity_table_is_the_constant_its_attribute_is_given_never_the_class_name(string attribute, string table)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.DataModel;
            namespace App;
            public static class Tables { public const string Orders = "Orders"; public static readonly string NotConstant = "x"; }
            {{attribute}}
            public class Order { public const string TableName = "OrderTable"; public string Id { get; set; } = ""; }
            public class Handler
            {
                private readonly IDynamoDBContext _context = new DynamoDBContext(new AmazonDynamoDBClient());
                public async Task Run(string id) => await _context.LoadAsync<Order>(id);
            }
            """);

        report.Grants().Should().Equal($"dynamodb:DescribeTable {Table}{table}", $"dynamodb:GetItem {Table}{table}");
        if (table == "*") report.Findings.Should().Contain(f => f.Code == FindingCodes.UnresolvedResource && f.Message.Contains("Tables.NotConstant"));
    }

    [Theory]
    // A context subclass calling its own inherited methods, without a receiver.
    [InlineData("public class Store : DynamoDBContext { public Store(IAmazonDynamoDB c) : base(c) { } public Task Put(Log x) => SaveAsync(x); public Task<Log> Get(string id) => LoadAsync<Log>(id); public override string ToString() => GetType().Name; }",
        "var s = new Store(new AmazonDynamoDBClient()); await s.Put(new Log()); await s.Get(id); _ = s.ToString();", "dynamodb:DescribeTable Logs|dynamodb:GetItem Logs|dynamodb:UpdateItem Logs")]
    // A generic class's type parameter: the type arguments the project gives it.
    [InlineData("public class Repo<T> { private readonly IDynamoDBContext _c = new DynamoDBContext(new AmazonDynamoDBClient()); public Task Put(T x) => _c.SaveAsync(x); }",
        "await new Repo<Log>().Put(new Log());", "dynamodb:DescribeTable Logs|dynamodb:UpdateItem Logs")]
    [InlineData("public class Repo<T> { private readonly IDynamoDBContext _c = new DynamoDBContext(new AmazonDynamoDBClient()); public Task Put(T x) => _c.SaveAsync<T>(x); } public class LogRepo : Repo<Log> { }",
        "await new LogRepo().Put(new Log());", "dynamodb:DescribeTable Logs|dynamodb:UpdateItem Logs")]
    [InlineData("public class Repo<T> { private readonly IDynamoDBContext _c = new DynamoDBContext(new AmazonDynamoDBClient()); public Task Put(T x) => _c.SaveAsync(x); } public class Cached<TItem> : Repo<TItem> { }",
        "await new Cached<Log>().Put(new Log());", "dynamodb:DescribeTable Logs|dynamodb:UpdateItem Logs")]
    // A generic context subclass, both at once (3CORESec/Trapdoor's Storage<T> : DynamoDBContext).
    [InlineData("public class Storage<T> : DynamoDBContext { public Storage(IAmazonDynamoDB c) : base(c) { } public Task Put(T x) => SaveAsync(x); public Task<List<T>> Find(string h) => QueryAsync<T>(h).GetRemainingAsync(); }",
        "var s = new Storage<Log>(new AmazonDynamoDBClient()); await s.Put(new Log()); await s.Find(id);", "dynamodb:DescribeTable Logs|dynamodb:Query Logs|dynamodb:UpdateItem Logs")]
    public void Entity_types_of_inherited_and_generic_context_calls_are_followed(string types, string run, string expected)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.DataModel;
            namespace App;
            [DynamoDBTable("Logs")]
            public class Log { public string Id { get; set; } = ""; }
            {{types}}
            public class Handler
            {
                public async Task Run(string id)
                {
                    {{run}}
                }
            }
            """);

        report.Grants().Select(g => g.Replace(Table, "")).Should().Equal(expected.Split('|'));
        report.Findings.Should().NotContain(f => f.Code == FindingCodes.UnresolvedResource || f.Code == FindingCodes.UnknownSdkCall);
    }

    [Theory]
    [InlineData("_sp.GetRequiredService<IDynamoDBContext>().LoadAsync<Log>(id)")]
    [InlineData("((IDynamoDBContext)_sp.GetService(typeof(IDynamoDBContext))).LoadAsync<Log>(id)")]
    [InlineData("GetContext().LoadAsync<Log>(id)")]
    [InlineData("Local(id)")]
    public void A_client_the_container_hands_out_is_typed_by_the_service_asked_for(string call)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.DataModel;
            using Microsoft.Extensions.DependencyInjection;
            namespace App;
            [DynamoDBTable("Logs")]
            public class Log { public string Id { get; set; } = ""; }
            public class Handler
            {
                private readonly ServiceProvider _sp;
                public Handler()
                {
                    var services = new ServiceCollection();
                    services.AddAWSService<IAmazonDynamoDB>();
                    services.AddSingleton<IDynamoDBContext, DynamoDBContext>();
                    _sp = services.BuildServiceProvider();
                }
                private IDynamoDBContext GetContext() => _sp.GetRequiredService<IDynamoDBContext>();
                private Task<Log> Local(string id)
                {
                    var context = _sp.GetRequiredService<IDynamoDBContext>();
                    return context.LoadAsync<Log>(id);
                }
                public async Task Run(string id) => await {{call}};
            }
            """);

        report.Grants().Select(g => g.Replace(Table, "")).Should().Equal("dynamodb:DescribeTable Logs", "dynamodb:GetItem Logs");
    }

    [Theory]
    [InlineData("var order = await JsonSerializer.DeserializeAsync<Order>(response.ResponseStream); await _context.SaveAsync(order);")]
    [InlineData("await _context.SaveAsync(JsonConvert.DeserializeObject<Order>(body));")]
    [InlineData("var order = JsonConvert.DeserializeObject<Order>(body); await _context.SaveAsync(order);")]
    public void An_entity_a_deserializer_returns_where_it_does_not_bind_is_its_type_argument(string save)
    {
        var report = OneFunction.Run("", $$"""
            using System.Text.Json;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.DataModel;
            using Amazon.S3;
            using Newtonsoft.Json;
            namespace App;
            [DynamoDBTable("Orders")]
            public class Order { public string Id { get; set; } = ""; }
            public class Handler
            {
                private readonly IDynamoDBContext _context = new DynamoDBContext(new AmazonDynamoDBClient());
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                public async Task Run(string body)
                {
                    var response = await _s3.GetObjectAsync("in", "order.json");
                    {{save}}
                }
            }
            """);

        report.Grants().Where(g => g.StartsWith("dynamodb:", StringComparison.Ordinal)).Should().Equal($"dynamodb:DescribeTable {Table}Orders", $"dynamodb:UpdateItem {Table}Orders");
    }

    [Theory]
    // Load, change, save: the usual DataModel idiom, the loaded local typed by LoadAsync's type argument.
    [InlineData("var order = await _context.LoadAsync<Order>(id); order.Id = \"x\"; await _context.SaveAsync(order);", "dynamodb:GetItem|dynamodb:UpdateItem")]
    // Items a query or scan returns, looped over or taken from the list.
    [InlineData("foreach (var order in await _context.QueryAsync<Order>(id).GetRemainingAsync()) await _context.DeleteAsync(order);", "dynamodb:DeleteItem|dynamodb:Query")]
    [InlineData("var all = await _context.ScanAsync<Order>(new List<ScanCondition>()).GetRemainingAsync(); foreach (var order in all) await _context.SaveAsync(order);", "dynamodb:Scan|dynamodb:UpdateItem")]
    [InlineData("var all = await _context.FromQueryAsync<Order>(new QueryOperationConfig()).GetRemainingAsync(); var first = all.First(); await _context.DeleteAsync(first);", "dynamodb:DeleteItem|dynamodb:Query")]
    public void An_entity_a_DynamoDBContext_loaded_or_queried_is_saved_to_its_table(string calls, string actions)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.DataModel;
            using Amazon.DynamoDBv2.DocumentModel;
            namespace App;
            [DynamoDBTable("Orders")]
            public class Order { public string Id { get; set; } = ""; }
            public class Handler
            {
                private readonly IDynamoDBContext _context = new DynamoDBContext(new AmazonDynamoDBClient());
                public async Task Run(string id)
                {
                    {{calls}}
                }
            }
            """);

        report.Grants().Should().Equal(actions.Split('|').Append("dynamodb:DescribeTable").Order(StringComparer.Ordinal).Select(a => $"{a} {Table}Orders"));
    }

    [Theory]
    // The container builds the context with the config it holds.
    [InlineData("s.AddSingleton(new DynamoDBContextConfig { TableNamePrefix = \"prod-\" }); s.AddSingleton<IAmazonDynamoDB>(_ => new AmazonDynamoDBClient()); s.AddSingleton<IDynamoDBContext, DynamoDBContext>();")]
    [InlineData("s.AddSingleton<DynamoDBContextConfig>(_ => new DynamoDBContextConfig { TableNamePrefix = \"prod-\" }); s.AddAWSService<IAmazonDynamoDB>(); s.AddSingleton<IDynamoDBContext, DynamoDBContext>();")]
    // A factory makes it with one.
    [InlineData("s.AddSingleton<IDynamoDBContext>(_ => new DynamoDBContext(new AmazonDynamoDBClient(), new DynamoDBContextConfig { TableNamePrefix = \"prod-\" }));")]
    public void A_DynamoDBContext_from_the_container_uses_the_prefix_of_the_config_it_is_made_with(string registrations)
    {
        var report = OneFunction.Run("", ContainerApp.ContextRepository(registrations));

        report.Grants().Should().Equal($"dynamodb:DescribeTable {Table}prod-Orders", $"dynamodb:GetItem {Table}prod-Orders");
        report.Findings.Should().NotContain(f => f.Code == RoleGen.Core.Diagnostics.FindingCodes.PartiallyResolvedResource);
    }

    [Theory]
    [InlineData("s.AddSingleton<IAmazonDynamoDB, AmazonDynamoDBClient>(); s.AddTransient<IDynamoDBContext, DynamoDBContext>(sp => { var client = sp.GetService<IAmazonDynamoDB>(); var cfg = new DynamoDBContextConfig { TableNamePrefix = \"dev-\" }; return new DynamoDBContext(client, cfg); });", "GetRequiredService<IDynamoDBContext>()")]
    [InlineData("s.AddSingleton<IDynamoDBContext>(_ => new DynamoDBContext(new AmazonDynamoDBClient(), new DynamoDBContextConfig { TableNamePrefix = \"dev-\" }));", "GetService<IDynamoDBContext>()!")]
    [InlineData("s.AddSingleton(new DynamoDBContextConfig { TableNamePrefix = \"dev-\" }); s.AddSingleton<IAmazonDynamoDB>(new AmazonDynamoDBClient()); s.AddSingleton<IDynamoDBContext, DynamoDBContext>();", "GetRequiredService<IDynamoDBContext>()")]
    public void A_DynamoDBContext_the_handler_takes_from_its_container_uses_the_prefix_it_is_made_with(string registrations, string getter)
    {
        var report = OneFunction.Run("", ContainerApp.ContextFromContainer(registrations, getter));

        report.Grants().Should().Equal($"dynamodb:DescribeTable {Table}dev-Orders", $"dynamodb:UpdateItem {Table}dev-Orders");
    }

    [Fact]
    public void DynamoDBContext_uses_the_entity_table_its_override_and_describes_each_table()
    {
        var report = OneFunction.Run("""
            Archive:
              Type: AWS::DynamoDB::Table
            """, """
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.DataModel;
            namespace App;
            [DynamoDBTable("Orders")]
            public class Order { public string Id { get; set; } = ""; }
            public class Customer { public string Id { get; set; } = ""; }
            public class Handler
            {
                private readonly IDynamoDBContext _context = new DynamoDBContext(new AmazonDynamoDBClient());
                public async Task Run(string id)
                {
                    Order order = await _context.LoadAsync<Order>(id);
                    await _context.SaveAsync(order);
                    await _context.DeleteAsync<Customer>(id);
                    await _context.QueryAsync<Order>(id).GetRemainingAsync();
                    await _context.LoadAsync<Order>(id, new LoadConfig { OverrideTableName = Environment.GetEnvironmentVariable("ARCHIVE") });
                    var batch = _context.CreateBatchGet<Order>();
                    batch.AddKey(id);
                    await batch.ExecuteAsync();
                    var tx = _context.CreateTransactWrite<Customer>();
                    tx.AddSaveItem(new Customer());
                    await tx.ExecuteAsync();
                }
            }
            """, "ARCHIVE: !Ref Archive");

        report.Grants().Should().Equal(
            $"dynamodb:BatchGetItem {Table}Orders",
            $"dynamodb:DeleteItem {Table}Customer",
            $"dynamodb:DescribeTable {Table}${{Archive}}",
            $"dynamodb:DescribeTable {Table}Customer",
            $"dynamodb:DescribeTable {Table}Orders",
            $"dynamodb:GetItem {Table}${{Archive}}",
            $"dynamodb:GetItem {Table}Orders",
            $"dynamodb:Query {Table}Orders",
            $"dynamodb:UpdateItem {Table}Customer",
            $"dynamodb:UpdateItem {Table}Orders");
        report.Findings.Should().NotContain(f => f.Severity >= Severity.Warning);
    }

    [Theory]
    [InlineData("await _context.QueryAsync<Order>(id, new QueryConfig { IndexName = \"ByCustomer\" }).GetRemainingAsync();", "dynamodb:Query Orders/index/ByCustomer")]
    [InlineData("await _context.FromQueryAsync<Order>(new QueryOperationConfig { IndexName = \"ByCustomer\" }).GetRemainingAsync();", "dynamodb:Query Orders/index/ByCustomer")]
    [InlineData("await _context.ScanAsync<Order>(new List<ScanCondition>(), new ScanConfig { IndexName = \"ByCustomer\" }).GetRemainingAsync();", "dynamodb:Scan Orders/index/ByCustomer")]
    [InlineData("await _context.QueryAsync<Order>(id).GetRemainingAsync();", "dynamodb:Query Orders")]
    public void A_context_query_or_scan_on_an_index_is_granted_on_the_index_alone(string call, string expected)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.DataModel;
            using Amazon.DynamoDBv2.DocumentModel;
            namespace App;
            [DynamoDBTable("Orders")]
            public class Order { public string Id { get; set; } = ""; }
            public class Handler
            {
                private readonly IDynamoDBContext _context = new DynamoDBContext(new AmazonDynamoDBClient());
                public async Task Run(string id) { {{call}} }
            }
            """);

        report.Grants().Where(g => !g.StartsWith("dynamodb:DescribeTable", StringComparison.Ordinal)).Select(g => g.Replace(Table, ""))
            .Should().Equal(expected);
    }

    [Theory]
    [InlineData("where TEntity : BaseEntity", new[] { "Books", "Shelf" })]
    [InlineData("where TEntity : class, IStored", new[] { "Books" })]
    [InlineData("where TEntity : class", new string[0])]
    [InlineData("", new string[0])]
    public void A_generic_repository_uses_the_tables_of_the_types_its_type_parameter_admits_never_the_parameters_name(string constraint, string[] tables)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.DataModel;
            namespace App;
            public interface IStored { }
            public abstract class BaseEntity { public string Id { get; set; } = ""; }
            [DynamoDBTable("Books")] public class Book : BaseEntity, IStored { }
            public class Shelf : BaseEntity { }
            public class Unrelated { }
            public class Repository<TEntity> {{constraint}}
            {
                private readonly IDynamoDBContext _context = new DynamoDBContext(new AmazonDynamoDBClient());
                public Task<TEntity> Get(string id) => _context.LoadAsync<TEntity>(id);
                public Task Save(TEntity entity) => _context.SaveAsync(entity);
            }
            public class Handler
            {
                private readonly Repository<Book> _books = new();
                public async Task Run(string id) => await _books.Save(await _books.Get(id));
            }
            """);

        var expected = tables.Length == 0 ? ["*"] : tables;
        report.Grants().Where(g => !g.StartsWith("dynamodb:DescribeTable", StringComparison.Ordinal)).Should().BeEquivalentTo(
            expected.SelectMany(t => new[] { $"dynamodb:GetItem {Table}{t}", $"dynamodb:UpdateItem {Table}{t}" }));
        report.Grants().Should().NotContain(g => g.Contains("TEntity"));
        if (tables.Length == 0) report.Findings.Should().Contain(f => f.Code == FindingCodes.UnresolvedResource);
    }

    [Theory]
    [InlineData("_context.SaveAsync(order, new() { OverrideTableName = Table }, ct)")]
    [InlineData("_context.SaveAsync(order, new SaveConfig { OverrideTableName = Table }, ct)")]
    [InlineData("_context.SaveAsync(order, Config(), ct)")]
    [InlineData("_context.SaveAsync(order, Either(), ct)")]
    public void A_target_typed_config_overrides_the_table_a_DynamoDBContext_call_acts_on(string call)
    {
        var report = OneFunction.Run("Orders:\n  Type: AWS::DynamoDB::Table", $$"""
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.DataModel;
            namespace App;
            [DynamoDBTable("lambda-demo")]
            public class Order { public string Id { get; set; } = ""; }
            public class Handler
            {
                private static readonly string Table = Environment.GetEnvironmentVariable("TABLE")!;
                private readonly IDynamoDBContext _context = new DynamoDBContext(new AmazonDynamoDBClient());
                private static SaveConfig Config() => new() { OverrideTableName = Table };
                private static SaveConfig Either() => string.IsNullOrWhiteSpace(Table) ? new() : new() { OverrideTableName = Table };
                public Task Run(Order order, CancellationToken ct) => {{call}};
            }
            """, "TABLE: !Ref Orders");

        report.Grants().Should().Equal($"dynamodb:DescribeTable {Table}${{Orders}}", $"dynamodb:UpdateItem {Table}${{Orders}}");
    }

    // SDK (Configs.cs, DynamoDBFlatConfig; ContextInternal.GetTableName): table = TableNamePrefix + (the call's
    // OverrideTableName, else the entity's table); the prefix is the call config's if set, else the context config's.
    [Theory]
    [InlineData("""
        private readonly IDynamoDBContext _context = new DynamoDBContext(new AmazonDynamoDBClient(), new DynamoDBContextConfig { TableNamePrefix = "prod-" });
        """, "prod-Orders")]
    [InlineData("""
        private const string Prefix = "prod-";
        private static readonly DynamoDBContextConfig Config = new() { TableNamePrefix = Prefix, ConsistentRead = true };
        private readonly DynamoDBContext _context;
        public Handler() { _context = new DynamoDBContext(new AmazonDynamoDBClient(), Config); }
        """, "prod-Orders")]
    [InlineData("""
        private readonly IDynamoDBContext _context;
        public Handler()
        {
            var config = new DynamoDBContextConfig { TableNamePrefix = Environment.GetEnvironmentVariable("PREFIX") };
            _context = new DynamoDBContext(new AmazonDynamoDBClient(), config);
        }
        """, "${AWS::StackName}-Orders")]
    [InlineData("""
        private readonly IDynamoDBContext _context = new DynamoDBContext(new AmazonDynamoDBClient(), new DynamoDBContextConfig { TableNamePrefix = Environment.GetEnvironmentVariable("PREFIX") });
        """, "${AWS::StackName}-Orders")]
    // The config set up after it is created: a local, a field assigned in the constructor.
    [InlineData("""
        private readonly IDynamoDBContext _context;
        public Handler()
        {
            var config = new DynamoDBContextConfig();
            config.TableNamePrefix = Environment.GetEnvironmentVariable("PREFIX");
            _context = new DynamoDBContext(new AmazonDynamoDBClient(), config);
        }
        """, "${AWS::StackName}-Orders")]
    [InlineData("""
        private static readonly IAmazonDynamoDB Client = new AmazonDynamoDBClient();
        private readonly DynamoDBContextConfig _config = new();
        private readonly IDynamoDBContext _context;
        public Handler()
        {
            _config.TableNamePrefix = "prod-";
            _context = new DynamoDBContext(Client, _config);
        }
        """, "prod-Orders")]
    [InlineData("""
        private readonly DynamoDBContextConfig _config;
        private readonly IDynamoDBContext _context;
        public Handler()
        {
            _config = new DynamoDBContextConfig { ConsistentRead = true };
            this._config.TableNamePrefix = "prod-";
            _context = new DynamoDBContext(new AmazonDynamoDBClient(), _config);
        }
        """, "prod-Orders")]
    [InlineData("""
        private static readonly IAmazonDynamoDB Client = new AmazonDynamoDBClient();
        private readonly IDynamoDBContext _context = new DynamoDBContextBuilder()
            .ConfigureContext(c => c.TableNamePrefix = "prod-")
            .WithDynamoDBClient(() => Client)
            .Build();
        """, "prod-Orders")]
    [InlineData("""
        private readonly IDynamoDBContext _context = new DynamoDBContextBuilder()
            .WithDynamoDBClient(() => new AmazonDynamoDBClient())
            .ConfigureContext(c => c.TableNamePrefix = "test-")
            .ConfigureContext(c => { c.ConsistentRead = true; c.TableNamePrefix = Environment.GetEnvironmentVariable("PREFIX"); })
            .Build();
        """, "${AWS::StackName}-Orders")]
    [InlineData("""
        private readonly IDynamoDBContext _context = new DynamoDBContextBuilder().ConfigureContext(c => c.ConsistentRead = true).Build();
        """, "Orders")]
    [InlineData("""
        private readonly IDynamoDBContext _context = new DynamoDBContext(new AmazonDynamoDBClient(), new DynamoDBContextConfig { ConsistentRead = true });
        """, "Orders")]
    [InlineData("""
        private readonly IDynamoDBContext _context;
        public Handler(IDynamoDBContext context) { _context = context; }
        """, "Orders")]
    // The SDK-wide prefix every DynamoDBContextConfig starts with, unless the config sets its own.
    [InlineData("""
        private readonly IDynamoDBContext _context;
        public Handler()
        {
            Amazon.AWSConfigsDynamoDB.Context.TableNamePrefix = Environment.GetEnvironmentVariable("PREFIX");
            _context = new DynamoDBContext(new AmazonDynamoDBClient());
        }
        """, "${AWS::StackName}-Orders")]
    [InlineData("""
        private static readonly IDynamoDBContext Shared = Make();
        private readonly IDynamoDBContext _context = Shared;
        private static IDynamoDBContext Make()
        {
            AWSConfigsDynamoDB.Context.TableNamePrefix = Environment.GetEnvironmentVariable("PREFIX");
            return new DynamoDBContextBuilder().ConfigureContext(c => c.ConsistentRead = true).Build();
        }
        """, "${AWS::StackName}-Orders")]
    [InlineData("""
        private readonly IDynamoDBContext _context;
        public Handler()
        {
            AWSConfigsDynamoDB.Context.TableNamePrefix = "ignored-";
            _context = new DynamoDBContext(new AmazonDynamoDBClient(), new DynamoDBContextConfig { TableNamePrefix = "own-" });
        }
        """, "own-Orders")]
    public void DynamoDBContext_calls_act_on_the_table_with_the_context_configs_TableNamePrefix(string members, string table)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.DataModel;
            namespace App;
            [DynamoDBTable("Orders")]
            public class Order { public string Id { get; set; } = ""; }
            public class Handler
            {
            {{members}}
                public async Task Run(string id)
                {
                    await _context.SaveAsync(new Order());
                    var order = await _context.LoadAsync<Order>(id);
                    var tx = _context.CreateTransactWrite<Order>();
                    tx.AddDeleteKey(id);
                    await tx.ExecuteAsync();
                }
            }
            """, "PREFIX: !Sub \"${AWS::StackName}-\"");

        report.Grants().Should().Equal(
            $"dynamodb:DeleteItem {Table}{table}",
            $"dynamodb:DescribeTable {Table}{table}",
            $"dynamodb:GetItem {Table}{table}",
            $"dynamodb:UpdateItem {Table}{table}");
        report.Findings.Should().NotContain(f => f.Severity >= Severity.Warning && f.Code != FindingCodes.HandlerNotConstructible);
    }

    [Theory]
    [InlineData("""
        var config = new DynamoDBContextConfig();
        config.TableNamePrefix = prefix;
        var context = new DynamoDBContext(new AmazonDynamoDBClient(), config);
        """)]
    [InlineData("""
        var client = new AmazonDynamoDBClient();
        DynamoDBContextConfig config = new() { ConsistentRead = true };
        if (prefix.Length > 0) config.TableNamePrefix = prefix;
        using var context = new DynamoDBContext(client, config);
        """)]
    public void DynamoDBContext_config_set_up_after_it_is_created_gives_the_context_its_prefix(string setup)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.DataModel;
            namespace App;
            [DynamoDBTable("Orders")]
            public class Order { public string Id { get; set; } = ""; }
            public class Handler
            {
                public async Task Run(string id)
                {
                    var prefix = Environment.GetEnvironmentVariable("PREFIX");
            {{setup}}
                    await context.LoadAsync<Order>(id);
                }
            }
            """, "PREFIX: prod-");

        report.Grants().Should().Equal(
            $"dynamodb:DescribeTable {Table}prod-Orders",
            $"dynamodb:GetItem {Table}prod-Orders");
        report.Findings.Should().NotContain(f => f.Severity >= Severity.Warning);
    }

    // A context whose construction is not seen (injected, passed in) has no prefix unless code of the project sets one
    // somewhere: then its prefix is unknown (a pattern and a finding pointing at the call and the assignment).
    [Theory]
    [InlineData("""
        public class Startup
        {
            public DynamoDBContextConfig Config() => new DynamoDBContextConfig { TableNamePrefix = Environment.GetEnvironmentVariable("PREFIX") };
        }
        """, "Handler.cs:8")]
    [InlineData("""
        public static class Setup
        {
            public static void Configure(DynamoDBContextConfig config, string stage)
            {
                config.ConsistentRead = true;
                config.TableNamePrefix = stage + "-";
            }
        }
        """, "Handler.cs:11")]
    [InlineData("""
        public static class Setup
        {
            public static IDynamoDBContext Build(IAmazonDynamoDB client) =>
                new DynamoDBContextBuilder().ConfigureContext(c => c.TableNamePrefix = "prod-").WithDynamoDBClient(() => client).Build();
        }
        """, "Handler.cs:9")]
    public void DynamoDBContext_injected_while_code_sets_a_TableNamePrefix_gets_an_unknown_prefix(string elsewhere, string setAt)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.DataModel;
            namespace App;
            [DynamoDBTable("Orders")]
            public class Order { public string Id { get; set; } = ""; }
            {{elsewhere}}
            public class Handler(IDynamoDBContext context)
            {
                public Task Run(string id) => context.LoadAsync<Order>(id);
            }
            """);

        report.Grants().Should().Equal(
            $"dynamodb:DescribeTable {Table}*Orders",
            $"dynamodb:GetItem {Table}*Orders");
        var finding = report.Findings.Should().ContainSingle(f => f.Code == FindingCodes.PartiallyResolvedResource).Which;
        finding.Line.Should().BeGreaterThan(int.Parse(setAt.Split(':')[1]), "the finding is at the call");
        finding.Message.Should().Contain("could not be followed to where it is set").And.Contain("TableNamePrefix")
            .And.Contain(setAt).And.Contain("table/*Orders");
    }

    [Fact]
    public void DynamoDBContext_injected_with_no_TableNamePrefix_anywhere_in_the_project_keeps_the_entity_table()
    {
        var report = OneFunction.Run("", """
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.DataModel;
            namespace App;
            [DynamoDBTable("Orders")]
            public class Order { public string Id { get; set; } = ""; }
            public class Options { public string TablePrefix { get; set; } = ""; }
            public class Handler(IDynamoDBContext context)
            {
                private readonly Options _options = new() { TablePrefix = "prod-" };
                public Task Run(string id) => context.LoadAsync<Order>(id, new LoadConfig { ConsistentRead = true });
            }
            """);

        report.Grants().Should().Equal(
            $"dynamodb:DescribeTable {Table}Orders",
            $"dynamodb:GetItem {Table}Orders");
        report.Findings.Should().NotContain(f => f.Code == FindingCodes.PartiallyResolvedResource || f.Severity >= Severity.Warning && f.Code != FindingCodes.HandlerNotConstructible);
    }

    [Fact]
    public void DynamoDBContext_per_call_config_overrides_the_table_and_the_prefix_of_the_context()
    {
        var report = OneFunction.Run("""
            Archive:
              Type: AWS::DynamoDB::Table
            """, """
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.DataModel;
            using Amazon.DynamoDBv2.DocumentModel;
            namespace App;
            [DynamoDBTable("Orders")]
            public class Order { public string Id { get; set; } = ""; }
            public class Handler
            {
                private readonly IDynamoDBContext _context = new DynamoDBContext(new AmazonDynamoDBClient(), new DynamoDBContextConfig { TableNamePrefix = "prod-" });
                public async Task Run(string id)
                {
                    await _context.LoadAsync<Order>(id, new LoadConfig { OverrideTableName = Environment.GetEnvironmentVariable("ARCHIVE") });
                    await _context.QueryAsync<Order>(id, new QueryConfig { TableNamePrefix = "test-", IndexName = "ByCustomer" }).GetRemainingAsync();
                    await _context.DeleteAsync<Order>(id, new DeleteConfig { TableNamePrefix = "" });
                    var table = _context.GetTargetTable<Order>();
                    await table.PutItemAsync(new Document());
                }
            }
            """, "ARCHIVE: !Ref Archive");

        report.Grants().Should().Equal(
            $"dynamodb:DeleteItem {Table}Orders",
            $"dynamodb:DescribeTable {Table}Orders",
            $"dynamodb:DescribeTable {Table}prod-${{Archive}}",
            $"dynamodb:DescribeTable {Table}prod-Orders",
            $"dynamodb:DescribeTable {Table}test-Orders",
            $"dynamodb:GetItem {Table}prod-${{Archive}}",
            $"dynamodb:PutItem {Table}prod-Orders",
            $"dynamodb:Query {Table}test-Orders/index/ByCustomer"); // a query on an index is authorized on the index alone
        report.Findings.Should().NotContain(f => f.Severity >= Severity.Warning);
    }

    [Fact]
    public void DynamoDBContext_with_a_prefix_known_only_at_run_time_gets_a_pattern_and_a_finding()
    {
        var report = OneFunction.Run("", """
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.DataModel;
            namespace App;
            [DynamoDBTable("Orders")]
            public class Order { public string Id { get; set; } = ""; }
            public class Handler
            {
                private readonly IDynamoDBContext _context = new DynamoDBContext(new AmazonDynamoDBClient(), new DynamoDBContextConfig { TableNamePrefix = Console.ReadLine() });
                public Task Run(string id) => _context.LoadAsync<Order>(id);
            }
            """);

        report.Grants().Should().Equal(
            $"dynamodb:DescribeTable {Table}*Orders",
            $"dynamodb:GetItem {Table}*Orders");
        report.Findings.Should().ContainSingle(f => f.Code == FindingCodes.PartiallyResolvedResource)
            .Which.Message.Should().Contain("Console.ReadLine()").And.Contain("table/*Orders");
    }

    [Fact]
    public void Table_calls_act_on_the_table_LoadTable_named_and_a_table_from_elsewhere_is_a_finding()
    {
        var report = OneFunction.Run("""
            Events:
              Type: AWS::DynamoDB::Table
            """, """
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.DocumentModel;
            namespace App;
            public class Handler
            {
                private readonly IAmazonDynamoDB _client = new AmazonDynamoDBClient();
                private readonly Table _events;
                public Handler() { _events = Table.LoadTable(_client, Environment.GetEnvironmentVariable("EVENTS")); }
                public async Task Run(Document doc)
                {
                    var orders = Table.LoadTable(_client, "Orders");
                    await orders.PutItemAsync(doc);
                    await orders.Query(new QueryOperationConfig { IndexName = "ByCustomer" }).GetRemainingAsync();
                    await _events.GetItemAsync("id");
                    var tx = orders.CreateTransactWrite();
                    tx.AddKeyToDelete("k");
                    await tx.ExecuteAsync();
                    Table.TryLoadTable(_client, "Audit", out var audit);
                    await audit.DeleteItemAsync("x");
                    await Touch(orders);
                }
                private Task Touch(Table table) => table.UpdateItemAsync(new Document());
            }
            """, "EVENTS: !Ref Events");

        report.Grants().Should().Equal(
            $"dynamodb:DeleteItem {Table}Audit",
            $"dynamodb:DeleteItem {Table}Orders",
            $"dynamodb:DescribeTable {Table}${{Events}}",
            $"dynamodb:DescribeTable {Table}Audit",
            $"dynamodb:DescribeTable {Table}Orders",
            $"dynamodb:GetItem {Table}${{Events}}",
            $"dynamodb:PutItem {Table}Orders",
            $"dynamodb:Query {Table}Orders/index/ByCustomer",
            $"dynamodb:UpdateItem {Table}*");
        report.Findings.Should().ContainSingle(f => f.Code == FindingCodes.UnresolvedResource)
            .Which.Message.Should().Contain("Table.UpdateItemAsync").And.Contain("cannot follow");
    }

    [Theory]
    [InlineData("Environment.GetEnvironmentVariable(\"ITEMS\")")]
    [InlineData("new TableConfig(Environment.GetEnvironmentVariable(\"ITEMS\"))")]
    public void A_table_built_with_TableBuilder_is_the_table_it_names_and_is_not_described(string table)
    {
        var report = OneFunction.Run("""
            Items:
              Type: AWS::DynamoDB::Table
            """, $$"""
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.DocumentModel;
            namespace App;
            public class Handler
            {
                private readonly Table _table = new TableBuilder(new AmazonDynamoDBClient(), {{table}})
                    .AddHashKey("Id", DynamoDBEntryType.String)
                    .AddRangeKey("Sk", DynamoDBEntryType.String)
                    .Build();
                public Task Run(Document doc) => _table.PutItemAsync(doc);
            }
            """, "ITEMS: !Ref Items");

        report.Grants().Should().Equal($"dynamodb:PutItem {Table}${{Items}}");
        report.Findings.Should().NotContain(f => f.Code == FindingCodes.UnresolvedResource);
    }

    [Theory]
    [InlineData("Table table; table = Table.LoadTable(_client, Name);")]
    [InlineData("Table table; if (!Table.TryLoadTable(_client, Name, out table)) return;")]
    [InlineData("Table.TryLoadTable(_client, Name, DynamoDBEntryConversion.V2, out _field); var table = _field;")]
    [InlineData("var table = Table.LoadTable(_client, new TableConfig(Name));")]
    [InlineData("var config = new TableConfig(Name) { Conversion = DynamoDBEntryConversion.V2 }; var table = Table.LoadTable(_client, config);")]
    [InlineData("Table.TryLoadTable(_client, new TableConfig(Name), out var table);")]
    public void A_table_loaded_into_a_variable_declared_before_or_through_an_out_argument_keeps_its_name(string load)
    {
        var report = OneFunction.Run("""
            Items:
              Type: AWS::DynamoDB::Table
            """, $$"""
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.DocumentModel;
            namespace App;
            public class Handler
            {
                private static readonly string Name = Environment.GetEnvironmentVariable("ITEMS")!;
                private readonly IAmazonDynamoDB _client = new AmazonDynamoDBClient();
                private Table _field = null!;
                public async Task Run(Document doc)
                {
                    {{load}}
                    await table.PutItemAsync(doc);
                }
            }
            """, "ITEMS: !Ref Items");

        report.Grants().Should().Equal($"dynamodb:DescribeTable {Table}${{Items}}", $"dynamodb:PutItem {Table}${{Items}}");
    }

    [Theory]
    [InlineData("var request = new TransactWriteItemsRequest { TransactItems = new List<TransactWriteItem>() }; request.TransactItems.Add(Put(Orders));", "dynamodb:PutItem Orders")]
    [InlineData("var request = new TransactWriteItemsRequest(); request.TransactItems = new List<TransactWriteItem>(); request.TransactItems.AddRange(new List<TransactWriteItem> { Put(Orders) });", "dynamodb:PutItem Orders")]
    [InlineData("var request = new TransactWriteItemsRequest(); request.TransactItems.Add(Put(Orders));", "dynamodb:PutItem Orders")]
    [InlineData("var request = new BatchWriteItemRequest { RequestItems = new Dictionary<string, List<WriteRequest>>() }; request.RequestItems[Orders] = new List<WriteRequest> { new WriteRequest { PutRequest = new PutRequest() } };", "dynamodb:BatchWriteItem Orders")]
    [InlineData("var request = new BatchWriteItemRequest { RequestItems = new Dictionary<string, List<WriteRequest>>() }; request.RequestItems.Add(Orders, new List<WriteRequest> { new WriteRequest { PutRequest = new PutRequest() } });", "dynamodb:BatchWriteItem Orders")]
    [InlineData("var request = new TransactWriteItemsRequest { TransactItems = new[] { \"a\", \"b\" }.Select(id => Put(Orders)).ToList() };", "dynamodb:PutItem Orders")]
    [InlineData("var request = new TransactWriteItemsRequest { TransactItems = new List<string> { \"a\" }.Select(id => { var item = Put(Orders); return item; }).ToList() };", "dynamodb:PutItem Orders")]
    // Filled where RoleGen does not follow: every table, with a finding, never nothing.
    [InlineData("var request = new TransactWriteItemsRequest { TransactItems = new List<TransactWriteItem>() }; Fill(request.TransactItems);", "dynamodb:ConditionCheckItem *|dynamodb:DeleteItem *|dynamodb:PutItem *|dynamodb:UpdateItem *")]
    public void A_request_collection_filled_after_the_request_is_made_names_its_tables(string build, string expected)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            namespace App;
            public class Handler
            {
                private const string Orders = "Orders";
                private readonly IAmazonDynamoDB _db = new AmazonDynamoDBClient();
                private static TransactWriteItem Put(string table) => new TransactWriteItem { Put = new Put { TableName = table } };
                private static void Fill(List<TransactWriteItem> items) { }
                public async Task Run()
                {
                    {{build}}
                    await _db.{{(build.Contains("Batch") ? "BatchWriteItemAsync" : "TransactWriteItemsAsync")}}(request);
                }
            }
            """);

        report.Grants().Where(g => !g.StartsWith("dynamodb:DescribeTable", StringComparison.Ordinal)).Select(g => g.Replace(Table, ""))
            .Where(g => !g.StartsWith("dynamodb:TransactWriteItems", StringComparison.Ordinal))
            .Should().BeEquivalentTo(expected.Split('|'));
        if (expected.Contains('*')) report.Findings.Should().Contain(f => f.Code == FindingCodes.UnresolvedResource);
    }

    [Theory]
    [InlineData("var request = new DeleteObjectsRequest { BucketName = Bucket }; request.AddKey(\"tmp/a.json\");", "s3:DeleteObject arn:${AWS::Partition}:s3:::b/tmp/a.json")]
    [InlineData("var request = new DeleteObjectsRequest { BucketName = Bucket }; foreach (var key in keys) request.AddKey(\"tmp/\" + key);", "s3:DeleteObject arn:${AWS::Partition}:s3:::b/tmp/*")]
    [InlineData("var request = new DeleteObjectsRequest { BucketName = Bucket }; request.AddKey(\"tmp/a.json\", \"v1\");", "s3:DeleteObjectVersion arn:${AWS::Partition}:s3:::b/tmp/a.json")]
    [InlineData("var request = new DeleteObjectsRequest { BucketName = Bucket }; request.AddKey(\"a\"); request.AddKey(\"b\", \"v1\");", "s3:DeleteObject arn:${AWS::Partition}:s3:::b/a|s3:DeleteObjectVersion arn:${AWS::Partition}:s3:::b/b")]
    [InlineData("var request = new DeleteObjectsRequest { BucketName = Bucket, Objects = keys.Select(k => new KeyVersion { Key = \"tmp/\" + k }).ToList() };", "s3:DeleteObject arn:${AWS::Partition}:s3:::b/tmp/*")]
    public void Keys_added_to_a_delete_objects_request_by_its_own_methods_are_the_objects_deleted(string build, string expected)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.S3;
            using Amazon.S3.Model;
            namespace App;
            public class Handler
            {
                private const string Bucket = "b";
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                public async Task Run(List<string> keys)
                {
                    {{build}}
                    await _s3.DeleteObjectsAsync(request);
                }
            }
            """);

        report.Grants().Should().BeEquivalentTo(expected.Split('|'));
    }

    [Fact]
    public void TransferUtility_maps_to_the_requests_it_sends()
    {
        var report = OneFunction.Run("""
            Uploads:
              Type: AWS::S3::Bucket
            """, """
            using Amazon.S3;
            using Amazon.S3.Transfer;
            namespace App;
            public class Handler
            {
                private readonly ITransferUtility _transfer = new TransferUtility(new AmazonS3Client());
                public async Task Run(string path, Stream body)
                {
                    var bucket = Environment.GetEnvironmentVariable("BUCKET");
                    await _transfer.UploadAsync(path, bucket, "in/report.csv");
                    await _transfer.UploadAsync(new TransferUtilityUploadRequest { BucketName = bucket, Key = "in/big.bin", InputStream = body });
                    await _transfer.DownloadAsync(path, bucket, "out/result.csv");
                    await _transfer.DownloadDirectoryAsync(bucket, "archive", "/tmp/archive");
                    await _transfer.AbortMultipartUploadsAsync(bucket, DateTime.UtcNow);
                    using var stream = await _transfer.OpenStreamAsync(bucket, "out/x");
                }
            }
            """, "BUCKET: !Ref Uploads");

        // AbortMultipartUploads and DownloadDirectory work on every key: their bucket/* covers the single objects.
        const string bucket = "arn:${AWS::Partition}:s3:::${Uploads}";
        report.Grants().Should().Equal(
            $"s3:AbortMultipartUpload {bucket}/*",
            $"s3:GetObject {bucket}/*",
            $"s3:ListBucket {bucket}",
            $"s3:ListBucketMultipartUploads {bucket}",
            $"s3:PutObject {bucket}/in/big.bin",
            $"s3:PutObject {bucket}/in/report.csv");
    }

    [Fact]
    public void Presigned_URLs_grant_the_action_of_their_verb()
    {
        var report = OneFunction.Run("""
            Uploads:
              Type: AWS::S3::Bucket
            """, """
            using Amazon.S3;
            using Amazon.S3.Model;
            namespace App;
            public class Handler
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                public void Run()
                {
                    var bucket = Environment.GetEnvironmentVariable("BUCKET");
                    _s3.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = bucket, Key = "up/file", Verb = HttpVerb.PUT, Expires = DateTime.UtcNow.AddMinutes(5) });
                    _s3.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = bucket, Key = "down/file", Expires = DateTime.UtcNow.AddMinutes(5) });
                }
            }
            """, "BUCKET: !Ref Uploads");

        report.Grants().Should().Equal(
            "s3:GetObject arn:${AWS::Partition}:s3:::${Uploads}/down/file",
            "s3:PutObject arn:${AWS::Partition}:s3:::${Uploads}/up/file");
    }

    [Fact]
    public void AmazonS3Util_helpers_map_to_what_they_call()
    {
        var report = OneFunction.Run("""
            Scratch:
              Type: AWS::S3::Bucket
            """, """
            using Amazon.S3;
            using Amazon.S3.Util;
            namespace App;
            public class Handler
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                public async Task Run()
                {
                    var bucket = Environment.GetEnvironmentVariable("BUCKET");
                    if (await AmazonS3Util.DoesS3BucketExistV2Async(_s3, bucket))
                        await AmazonS3Util.DeleteS3BucketWithObjectsAsync(_s3, bucket);
                }
            }
            """, "BUCKET: !Ref Scratch");

        const string bucket = "arn:${AWS::Partition}:s3:::${Scratch}";
        report.Grants().Should().Equal(
            $"s3:DeleteBucket {bucket}",
            $"s3:DeleteObject {bucket}/*",
            $"s3:DeleteObjectVersion {bucket}/*",
            $"s3:ListBucketVersions {bucket}");
        report.Findings.Should().NotContain(f => f.Code == FindingCodes.UnknownSdkCall);
    }

    [Fact]
    public void Paginators_of_each_service_map_like_their_operation_and_unknown_ones_are_findings()
    {
        var report = OneFunction.Run("""
            Logs:
              Type: AWS::S3::Bucket
            Orders:
              Type: AWS::DynamoDB::Table
            """, """
            using Amazon.S3;
            using Amazon.S3.Model;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Amazon.SQS;
            using Amazon.SQS.Model;
            using Amazon.KeyManagementService;
            using Amazon.KeyManagementService.Model;
            using Amazon.Kinesis;
            using Amazon.Kinesis.Model;
            using Amazon.SimpleNotificationService;
            using Amazon.SimpleNotificationService.Model;
            namespace App;
            public class Handler
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                private readonly IAmazonDynamoDB _ddb = new AmazonDynamoDBClient();
                private readonly IAmazonSQS _sqs = new AmazonSQSClient();
                private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient();
                private readonly IAmazonKinesis _kinesis = new AmazonKinesisClient();
                private readonly IAmazonSimpleNotificationService _sns = new AmazonSimpleNotificationServiceClient();
                public async Task Run()
                {
                    var bucket = Environment.GetEnvironmentVariable("BUCKET");
                    await foreach (var o in _s3.Paginators.ListObjectsV2(new ListObjectsV2Request { BucketName = bucket, Prefix = "logs/" }).S3Objects) { }
                    var pages = _ddb.Paginators.Query(new QueryRequest { TableName = Environment.GetEnvironmentVariable("TABLE"), IndexName = "ByDate" });
                    _sqs.Paginators.ListQueues(new ListQueuesRequest());
                    _kms.Paginators.ListAliases(new ListAliasesRequest());
                    _kinesis.Paginators.ListStreams(new ListStreamsRequest());
                    _sns.Paginators.ListTopics(new ListTopicsRequest());
                    _s3.Paginators.ListEverything(new ListObjectsV2Request());
                }
            }
            """, "BUCKET: !Ref Logs\nTABLE: !Ref Orders");

        report.Grants().Should().Equal(
            $"dynamodb:Query {Table}${{Orders}}/index/ByDate",
            "kinesis:ListStreams *",
            "kms:ListAliases *",
            "s3:ListBucket arn:${AWS::Partition}:s3:::${Logs} if StringLike{s3:prefix=logs/*}",
            "sns:ListTopics *",
            "sqs:ListQueues *");
        report.Findings.Should().ContainSingle(f => f.Code == FindingCodes.UnknownSdkCall)
            .Which.Message.Should().Contain("IS3PaginatorFactory.ListEverything");
    }
}
