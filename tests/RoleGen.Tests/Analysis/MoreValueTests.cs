using FluentAssertions;
using Xunit;

namespace RoleGen.Tests.Analysis;

public class MoreValueTests
{
    [Theory]
    [InlineData("string.Join(\"-\", new[] { \"a\", \"b\" })", "\"a-b\"")]
    [InlineData("string.Join(\"/\", Parts)", "\"x/y\"")]
    [InlineData("Joined", "\"in/x\"")]
    [InlineData("StaticBucket", "env:STATIC")]
    [InlineData("Lazy()", "(env:LAZY|\"lazy-default\")")]
    [InlineData("new Settings { Bucket = \"init\" }.Bucket", "\"init\"")]
    [InlineData("Configured.Bucket", "\"init-prop\"")]
    [InlineData("new Target(\"rec\").Name", "\"rec\"")]
    [InlineData("Record.Name", "\"rec2\"")]
    [InlineData("Deep(1)", "\"d1\"")]
    [InlineData("System.Net.WebUtility.UrlDecode(\"a%2Fb\")", "\"a/b\"")]
    // An enum as text is its member's name, as C# formats it.
    [InlineData("$\"shop-{Queue.Payments}\"", "\"shop-Payments\"")]
    [InlineData("Named(Queue.Orders)", "\"shop-Orders\"")]
    [InlineData("\"shop-\" + Queue.Orders.ToString()", "\"shop-Orders\"")]
    // A lambda a static field or property holds, called like a method.
    [InlineData("QueueName(Queue.Payments)", "\"shop-Payments\"")]
    [InlineData("Prefixed(\"orders\", 2)", "\"in/orders-2\"")]
    [InlineData("BlockBodied(\"x\")", "\"block-x\"")]
    public void Resolves(string expression, string expected)
    {
        var source = $$"""
            using Amazon.S3;
            namespace App;
            public class Settings { public string Bucket { get; init; } }
            public record Target(string Name);
            public class Function
            {
                private const string Prefix = "in";
                private const string Joined = $"{Prefix}/x";
                private static readonly string[] Parts = ["x", "y"];
                private static readonly string StaticBucket;
                private static readonly Settings Configured = new() { Bucket = "init-prop" };
                private static readonly Target Record = new("rec2");
                private static string _lazy;
                static Function() { StaticBucket = Environment.GetEnvironmentVariable("STATIC"); }
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                private static string Lazy()
                {
                    _lazy ??= Environment.GetEnvironmentVariable("LAZY") ?? "lazy-default";
                    return _lazy;
                }
                private static string Deep(int n) => "d" + n.ToString();
                public enum Queue { Orders = 1, Payments = 2 }
                private static string Named(Queue queue) => $"shop-{queue}";
                private static readonly Func<Queue, string> QueueName = q => $"shop-{q}";
                private static Func<string, int, string> Prefixed { get; } = (name, n) => Prefix + "/" + name + "-" + n;
                private static readonly Func<string, string> BlockBodied = s => { return "block-" + s; };
                public Task Handle() => _s3.GetObjectAsync({{expression}}, "k");
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", source).Describe().Should().Equal($"IAmazonS3.GetObject({expected}, \"k\")");
    }

    [Theory]
    [InlineData("var (bucket, key) = (\"b1\", \"k1\");", "\"b1\"")]
    [InlineData("(string bucket, string other) = (Environment.GetEnvironmentVariable(\"B\"), \"x\");", "env:B")]
    [InlineData("var (bucket, _) = Locate(\"p\");", "\"p-loc\"")]
    [InlineData("var (bucket, key) = await LocateAsync();", "\"async\"")]
    [InlineData("var (x, (bucket, y)) = (\"n\", (\"inner\", \"y\"));", "\"inner\"")]
    [InlineData("var pair = (\"held\", \"k\"); var (bucket, key) = pair;", "\"held\"")]
    [InlineData("var bucket = \"old\"; var key = \"\"; (bucket, key) = (\"new\", \"k\");", "(\"old\"|\"new\")")]
    [InlineData("var bucket = FromField;", "\"field\"")]
    [InlineData("var (bucket, key) = DateTime.UtcNow.Ticks > 0 ? (\"t\", \"k\") : (\"f\", \"k\");", "(\"t\"|\"f\")")]
    public void Resolves_deconstructed_variables(string statements, string expected)
    {
        var source = $$"""
            using Amazon.S3;
            namespace App;
            public class Function
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                private readonly string _fromField;
                private readonly string _other;
                public Function() { (_fromField, _other) = ("field", "other"); }
                private string FromField => _fromField;
                private static (string Bucket, string Key) Locate(string prefix) => (prefix + "-loc", "k");
                private static async Task<(string Bucket, string Key)> LocateAsync() { await Task.Yield(); return ("async", "k"); }
                public async Task Handle()
                {
                    {{statements}}
                    await _s3.GetObjectAsync(bucket, "k");
                }
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", source).Describe().Should().Equal($"IAmazonS3.GetObject({expected}, \"k\")");
    }

    [Fact]
    public void A_value_taken_apart_by_code_it_cannot_follow_stays_unknown()
    {
        const string source = """
            using Amazon.S3;
            namespace App;
            public class Function
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                public async Task Handle(System.Collections.Generic.KeyValuePair<string, string> input)
                {
                    var (bucket, key) = input;
                    await _s3.GetObjectAsync(bucket, "k");
                }
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", source).Describe().Should().ContainSingle().Which.Should().StartWith("IAmazonS3.GetObject(?");
    }

    [Theory]
    [InlineData("request.Bucket", "Request.Bucket is part of the handler's input, known only at run time")]
    [InlineData("request.Items[0].Bucket", "Item.Bucket is part of the handler's input, known only at run time")]
    [InlineData("request.Owner.Bucket", "Person.Bucket is part of the handler's input, known only at run time")]
    [InlineData("Cached.Bucket", "Stored.Bucket is never set in code the handler reaches")]
    public void Says_when_a_member_is_filled_in_by_the_event_serializer(string expression, string reason)
    {
        var source = $$"""
            using Amazon.S3;
            namespace App;
            public class Person { public string Bucket { get; set; } }
            public class Owner : Person { }
            public class Item { public string Bucket { get; set; } }
            public class Request { public string Bucket { get; set; } public List<Item> Items { get; set; } public Owner Owner { get; set; } }
            public class Stored { public string Bucket { get; set; } }
            public class Function
            {
                private static readonly Stored Cached = new();
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                public Task Handle(Request request) => _s3.GetObjectAsync({{expression}}, "k");
            }
            """;
        var analysis = AnalysisHost.Analyze("App::App.Function::Handle", source);
        analysis.Calls.Single().Arguments[0].Value.Should().BeOfType<RoleGen.Core.Analysis.Values.UnknownValue>()
            .Which.Reason.Should().Be(reason);
    }

    [Theory]
    [InlineData("JsonSerializer.Deserialize<Upload>(body)!.Bucket", "Upload.Bucket is filled from data the code deserializes, known only at run time")]
    [InlineData("JsonSerializer.Deserialize<Upload>(body)!.Owner.Bucket", "Person.Bucket is filled from data the code deserializes, known only at run time")]
    [InlineData("JsonSerializer.Deserialize<Upload>(body)?.Topic", "Upload.Topic is filled from data the code deserializes, known only at run time (its default is empty)")]
    [InlineData("JsonSerializer.Deserialize<Upload>(body)!.Prefix", "Upload.Prefix is filled from data the code deserializes, known only at run time (its default is empty)")]
    public void Says_when_a_member_is_filled_in_by_a_deserializer_the_code_calls(string expression, string reason)
    {
        var source = $$"""
            using Amazon.S3;
            using System.Text.Json;
            using Newtonsoft.Json;
            namespace App;
            public class Person { public string Bucket { get; set; } }
            public class Upload { public string Bucket { get; set; } public Person Owner { get; set; } public string Topic { get; set; } = ""; public string Prefix { get; set; } = string.Empty; }
            public class Function
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                public Task Handle(string body) => _s3.GetObjectAsync({{expression}}, "k");
            }
            """;
        var analysis = AnalysisHost.Analyze("App::App.Function::Handle", source);
        analysis.Calls.Single().Arguments[0].Value.Should().BeOfType<RoleGen.Core.Analysis.Values.UnknownValue>()
            .Which.Reason.Should().Be(reason);
    }

    [Fact]
    public void Overloads_of_a_call_that_does_not_bind_are_told_apart_by_their_arguments()
    {
        // Credentials and RegionEndpoint are not referenced: the three-argument call does not bind, and each overload is a candidate.
        const string source = """
            using Amazon.S3;
            namespace App;
            public class Store
            {
                private readonly string _bucket;
                private Store(Credentials credentials, RegionEndpoint region, string bucket) { _bucket = bucket; }
                public static Store Create(Credentials credentials, RegionEndpoint region, string bucket) => new Store(credentials, region, bucket);
                public static Store Create(string bucket) => Create(Credentials.Default(), RegionEndpoint.Get(), bucket);
                public Task Get() => new AmazonS3Client().GetObjectAsync(_bucket, "k");
            }
            public class Function
            {
                public Task Handle() => Store.Create("uploads").Get();
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", source).Describe().Should().Equal("AmazonS3Client.GetObject(\"uploads\", \"k\")");
    }

    [Theory]
    [InlineData("public abstract class Configurator", "protected virtual string QueueVariable { get; }", "(env:SEND_QUEUE|env:RECEIVE_QUEUE)")]
    [InlineData("public class Configurator", "protected virtual string QueueVariable => \"DEFAULT_QUEUE\";", "(env:SEND_QUEUE|env:RECEIVE_QUEUE|env:DEFAULT_QUEUE)")]
    public void A_virtual_property_has_the_values_of_the_overrides_the_code_reaches(string baseDeclaration, string property, string expected)
    {
        var source = $$"""
            using Amazon.SQS;
            namespace App;
            {{baseDeclaration}}
            {
                {{property}}
                public string QueueUrl => Environment.GetEnvironmentVariable(QueueVariable);
            }
            public class Sender : Configurator { protected override string QueueVariable => "SEND_QUEUE"; }
            public class Receiver : Configurator { protected override string QueueVariable => "RECEIVE_QUEUE"; }
            public class Function
            {
                private readonly IAmazonSQS _sqs = new AmazonSQSClient();
                public Task Handle(bool send)
                {
                    Configurator configurator = send ? new Sender() : new Receiver();
                    return _sqs.SendMessageAsync(configurator.QueueUrl, "m");
                }
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", source).Describe().Should().Equal($"IAmazonSQS.SendMessage({expected}, \"m\")");
    }
}
