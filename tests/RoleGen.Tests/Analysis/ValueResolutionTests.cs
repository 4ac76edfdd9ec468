using FluentAssertions;
using Xunit;

namespace RoleGen.Tests.Analysis;

public class ValueResolutionTests
{
    private const string Usings = "using Amazon.S3; using Amazon.S3.Model; using Amazon.DynamoDBv2; using Amazon.DynamoDBv2.Model; using Amazon.SQS;\n";

    [Theory]
    [InlineData("\"orders\"", "\"orders\"")]
    [InlineData("Bucket", "\"uploads\"")]
    [InlineData("Prefix + \"/x\"", "\"in/x\"")]
    [InlineData("Environment.GetEnvironmentVariable(\"BUCKET\")", "env:BUCKET")]
    [InlineData("Environment.GetEnvironmentVariable(\"BUCKET\") ?? \"fallback\"", "(env:BUCKET|\"fallback\")")]
    [InlineData("$\"{Prefix}/{id}.json\"", "\"in/\"+?+\".json\"")]
    [InlineData("string.Format(\"{0}-{1}\", Prefix, \"b\")", "\"in-b\"")]
    [InlineData("_field", "env:FIELD_VAR")]
    [InlineData("Helper(\"x\")", "\"pre-x\"")]
    [InlineData("flag ? \"a\" : \"b\"", "(\"a\"|\"b\")")]
    [InlineData("_config[\"Storage:Bucket\"]", "env:Storage__Bucket")]
    [InlineData("_config.GetSection(\"Storage\")[\"Bucket\"]", "env:Storage__Bucket")]
    [InlineData("_config.GetValue<string>(\"Storage:Bucket\")", "env:Storage__Bucket")]
    [InlineData("_config.GetSection(\"BUCKET\").Value", "env:BUCKET")]
    [InlineData("_config.GetRequiredSection(\"Storage:Bucket\").Value", "env:Storage__Bucket")]
    [InlineData("_config.GetSection(\"Storage\").GetSection(\"Bucket\").Value", "env:Storage__Bucket")]
    [InlineData("local", "(\"one\"|\"two\")")]
    [InlineData("LazyBucket.Value", "env:LAZY_BUCKET")]
    [InlineData("built.ToString()", "\"in/\"+?")]
    [InlineData("looped.ToString()", "\"a\"+?")]
    [InlineData("Settings.TryGetValue(\"bucket\", out var fromSettings) ? fromSettings : \"none\"", "(env:SETTINGS_BUCKET|\"none\")")]
    public void Resolves_the_bucket_argument(string expression, string expected)
    {
        var source = Usings + $$"""
            using Microsoft.Extensions.Configuration;
            namespace App;
            public class Function
            {
                private const string Bucket = "uploads";
                private static readonly string Prefix = "in";
                private readonly string _field;
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                private readonly IConfiguration _config;
                public Function() { _field = Environment.GetEnvironmentVariable("FIELD_VAR"); }
                private static string Helper(string s) => "pre-" + s;
                private static readonly Lazy<string> LazyBucket = new(() => Environment.GetEnvironmentVariable("LAZY_BUCKET")!);
                private static readonly Dictionary<string, string> Settings = new() { ["bucket"] = Environment.GetEnvironmentVariable("SETTINGS_BUCKET")! };
                public async Task Handle(string id, bool flag)
                {
                    var local = "one";
                    if (flag) local = "two";
                    var built = new System.Text.StringBuilder();
                    built.Append(Prefix).Append('/').Append(id);
                    var looped = new System.Text.StringBuilder("a");
                    foreach (var c in id) looped.Append(c);
                    await _s3.GetObjectAsync({{expression}}, "key");
                }
            }
            """;
        var analysis = AnalysisHost.Analyze("App::App.Function::Handle", source);
        analysis.Describe().Should().ContainSingle().Which.Should().Be($"IAmazonS3.GetObject({expected}, \"key\")");
    }

    [Fact]
    public void Request_object_properties_are_resolved_including_later_assignments()
    {
        var source = Usings + """
            namespace App;
            public class Function
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                public async Task Handle()
                {
                    var request = new PutObjectRequest { BucketName = "b", ContentBody = "x" };
                    request.Key = "k";
                    await _s3.PutObjectAsync(request);
                }
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", source).Describe()
            .Should().Equal("IAmazonS3.PutObject(PutObjectRequest{BucketName=\"b\", ContentBody=\"x\", Key=\"k\"})");
    }

    [Fact]
    public void Items_added_to_a_collection_after_it_is_created_are_its_items()
    {
        var source = Usings + """
            namespace App;
            public class Function
            {
                private readonly IAmazonDynamoDB _db = new AmazonDynamoDBClient();
                public async Task Handle(List<WriteRequest> writes, IEnumerable<string> ids)
                {
                    var items = new Dictionary<string, List<WriteRequest>>();
                    items["orders"] = writes;
                    items.Add("audit", writes);
                    await _db.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = items });
                    var keys = new List<string>();
                    foreach (var id in ids) keys.Add(id);
                    foreach (var key in keys) await _db.DeleteItemAsync("t-" + key, null);
                }
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", source).Describe().Should().Equal(
            "IAmazonDynamoDB.BatchWriteItem(BatchWriteItemRequest{RequestItems=[\"orders\": ?, \"audit\": ?]})",
            "IAmazonDynamoDB.DeleteItem(\"t-\"+?, null)");
    }

    [Fact]
    public void Constructor_parameters_are_followed_to_every_reachable_creation()
    {
        var repository = Usings + """
            namespace App.Data;
            public class OrderRepository(IAmazonDynamoDB db, string table)
            {
                public Task Save() => db.PutItemAsync(new PutItemRequest { TableName = table });
            }
            """;
        var function = Usings + """
            using App.Data;
            namespace App;
            public class Function
            {
                private readonly OrderRepository _orders = new(new AmazonDynamoDBClient(), Environment.GetEnvironmentVariable("TABLE"));
                public Task Handle() => _orders.Save();
            }
            public class Unused
            {
                public void Never() => new OrderRepository(null!, "other").Save();
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", repository, function).Describe()
            .Should().Equal("IAmazonDynamoDB.PutItem(PutItemRequest{TableName=env:TABLE})");
    }
}
