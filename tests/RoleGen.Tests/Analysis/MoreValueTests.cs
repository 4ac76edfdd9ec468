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
                public Task Handle() => _s3.GetObjectAsync({{expression}}, "k");
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", source).Describe().Should().Equal($"IAmazonS3.GetObject({expected}, \"k\")");
    }
}
