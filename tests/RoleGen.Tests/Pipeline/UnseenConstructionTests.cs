using FluentAssertions;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// A type something unseen builds (a DI container) is built with a constructor it can fill: not one that takes a table
/// name (the constructor "for tests"), unless code calls it or the container has a string registered.
/// </summary>
public class UnseenConstructionTests
{
    private const string Table = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/";

    [Theory]
    [InlineData("", "${Messages}")]
    [InlineData("public Store Other() => new Store(new AmazonDynamoDBClient(), \"archive\");", "${Messages}|archive")] // called in code: reached
    [InlineData("public void Extra(IServiceCollection s) => s.AddSingleton<string>(\"x\");", "*")]                   // the container has a string
    public void A_constructor_the_container_cannot_fill_is_not_reached(string more, string tables)
    {
        var report = OneFunction.Run("""
            Messages:
              Type: AWS::DynamoDB::Table
            """, $$"""
            using Amazon.DynamoDBv2;
            using Microsoft.Extensions.DependencyInjection;
            namespace App;
            public interface IStore { Task Put(string id); }
            public class Store : IStore
            {
                private readonly IAmazonDynamoDB _db;
                private readonly string _table;
                public Store(IAmazonDynamoDB db) { _db = db; _table = Environment.GetEnvironmentVariable("TABLE")!; }
                public Store(IAmazonDynamoDB db, string table) { _db = db; _table = table; }
                public Task Put(string id) => _db.DeleteItemAsync(_table, new());
                {{more}}
            }
            public class Handler
            {
                private readonly IStore _store;
                public Handler()
                {
                    var services = new ServiceCollection();
                    services.AddSingleton<IStore, Store>();
                    {{(more.Contains("Extra") ? "new Store(null!).Extra(services);" : more.Contains("Other") ? "new Store(null!).Other();" : "")}}
                    _store = services.BuildServiceProvider().GetRequiredService<IStore>();
                }
                public Task Run(string id) => _store.Put(id);
            }
            """, "TABLE: !Ref Messages");

        report.Grants().Where(g => g.StartsWith("dynamodb:DeleteItem", StringComparison.Ordinal)).Select(g => g.Replace("dynamodb:DeleteItem " + Table, ""))
            .Should().BeEquivalentTo(tables.Split('|'));
        if (tables != "*") report.Findings.Should().NotContain(f => f.Code == FindingCodes.UnresolvedResource);
    }
}
