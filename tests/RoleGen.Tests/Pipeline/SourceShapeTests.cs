using FluentAssertions;
using RoleGen.Core.Caching;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>A file's shape changes with what it declares, never with what its bodies do (the report cache's contract).</summary>
public class SourceShapeTests
{
    private const string Original = """
        namespace App;
        [Table("orders")]
        public class Orders : IOrders
        {
            private static readonly string Name = Environment.GetEnvironmentVariable("TABLE");
            public const int Limit = 10;
            public Orders(string table) { _table = table; }
            public string Table => _table;
            public int Count { get { return 1; } }
            public Task Save(string id)
            {
                int Local() => 2;
                return Task.CompletedTask;
            }
            private readonly string _table;
        }
        """;

    public static TheoryData<string, string, string> SameShape() => new()
    {
        { "a method body", "return Task.CompletedTask;", "Console.WriteLine(id); return Task.CompletedTask;" },
        { "a local function in a body", "int Local() => 2;", "int Local() => 3;" },
        { "a constructor body", "{ _table = table; }", "{ _table = table ?? \"x\"; }" },
        { "an expression-bodied property", "public string Table => _table;", "public string Table => _table + \"\";" },
        { "an accessor body", "get { return 1; }", "get { return 2; }" },
        { "a comment and layout", "namespace App;", "namespace App;\n// orders\n\n" },
    };

    public static TheoryData<string, string, string> NewShape() => new()
    {
        { "a signature", "public Task Save(string id)", "public Task Save(string id, int retries = 1)" },
        { "a field initializer", "GetEnvironmentVariable(\"TABLE\")", "GetEnvironmentVariable(\"ORDERS\")" },
        { "a constant", "Limit = 10", "Limit = 20" },
        { "an attribute", "[Table(\"orders\")]", "[Table(\"archive\")]" },
        { "a base type", "public class Orders : IOrders", "public class Orders : IOrders, IDisposable" },
        { "a new member", "private readonly string _table;", "private readonly string _table;\n    public void Dispose() { }" },
    };

    [Theory]
    [MemberData(nameof(SameShape))]
    public void Edits_inside_bodies_keep_the_shape(string what, string from, string to) =>
        SourceShape.Of(Edited(from, to), "Orders.cs").Should().Be(SourceShape.Of(Original, "Orders.cs"), what);

    [Theory]
    [MemberData(nameof(NewShape))]
    public void Edits_to_declarations_change_the_shape(string what, string from, string to) =>
        SourceShape.Of(Edited(from, to), "Orders.cs").Should().NotBe(SourceShape.Of(Original, "Orders.cs"), what);

    [Fact]
    public void A_file_that_does_not_parse_has_no_shape() =>
        SourceShape.Of(Edited("return Task.CompletedTask;", "return Task.CompletedTask"), "Orders.cs").Should().BeNull();

    private static string Edited(string from, string to)
    {
        Original.Should().Contain(from);
        return Original.Replace(from, to, StringComparison.Ordinal);
    }
}
