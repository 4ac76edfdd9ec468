namespace RoleGen.Tests.Pipeline;

/// <summary>
/// A handler whose repository the DI container builds: the repository loads an <c>Order</c> ([DynamoDBTable("Orders")])
/// through the <c>IDynamoDBContext</c> the container gives it, after the registrations under test.
/// </summary>
internal static class ContainerApp
{
    public static string ContextRepository(string registrations) => $$"""
        using Amazon;
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.DataModel;
        using Amazon.Extensions.NETCore.Setup;
        using Microsoft.Extensions.DependencyInjection;
        namespace App;
        [DynamoDBTable("Orders")]
        public class Order { public string Id { get; set; } = ""; }
        public class Repo
        {
            private readonly IDynamoDBContext _context;
            public Repo(IDynamoDBContext context) { _context = context; }
            public Task Get(string id) => _context.LoadAsync<Order>(id);
        }
        public class Handler
        {
            private readonly ServiceProvider _provider;
            public Handler()
            {
                var s = new ServiceCollection();
                {{registrations}}
                s.AddSingleton<Repo>();
                _provider = s.BuildServiceProvider();
            }
            public Task Run(string id) => _provider.GetRequiredService<Repo>().Get(id);
        }
        """;

    /// <summary>The handler takes the context from the container it builds and keeps it in a field.</summary>
    public static string ContextFromContainer(string registrations, string getter = "GetRequiredService<IDynamoDBContext>()") => $$"""
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.DataModel;
        using Microsoft.Extensions.DependencyInjection;
        namespace App;
        [DynamoDBTable("Orders")]
        public class Order { public string Id { get; set; } = ""; }
        public class Handler
        {
            private readonly IDynamoDBContext _context;
            public Handler()
            {
                var s = new ServiceCollection();
                {{registrations}}
                _context = s.BuildServiceProvider().{{getter}};
            }
            public Task Run(string id) => _context.SaveAsync(new Order { Id = id });
        }
        """;
}
