using FluentAssertions;
using RoleGen.Core;
using RoleGen.Core.Caching;
using RoleGen.Core.Check;
using RoleGen.Core.Emit;
using RoleGen.Tests.Cli;
using RoleGen.Tests.Golden;
using RoleGen.Tests.Mappings;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>The report cache must never change output: cached and uncached runs give byte-identical reports (YAML and JSON).</summary>
public class ReportCacheTests
{
    private static readonly RoleGenKnowledge Knowledge = RoleGenKnowledge.Load(RealTable.Directory);

    public static TheoryData<string> Samples() => SampleGoldenTests.Samples();

    [Theory]
    [MemberData(nameof(Samples))]
    public void Cached_runs_give_the_same_bytes_as_uncached_runs(string sample)
    {
        using var folder = new TempFolder();
        var template = Path.Combine(RepositoryRoot.Path, "samples", sample, "template.yaml");
        var uncached = new RoleGenerator(Knowledge).Generate(template);

        var filling = Cache(folder.Path);
        var first = new RoleGenerator(Knowledge, filling).Generate(template);
        filling.Hits.Should().Be(0);
        filling.Misses.Should().BeGreaterThan(0);
        var reading = Cache(folder.Path);
        var second = new RoleGenerator(Knowledge, reading).Generate(template);
        reading.Misses.Should().Be(0, "nothing changed since the first run");
        reading.Hits.Should().Be(filling.Misses);

        foreach (var cached in new[] { first, second })
        {
            RoleYamlWriter.Write(cached).Should().Be(RoleYamlWriter.Write(uncached));
            ReportJsonWriter.Write(cached).Should().Be(ReportJsonWriter.Write(uncached));
        }
    }

    [Fact]
    public void A_changed_source_file_template_or_project_analyses_that_project_again()
    {
        using var app = new TempApp();
        app.WithProject("src/App", "App")
            .With("src/App/Functions.cs", """
                using Amazon.S3;
                namespace App;
                public class Functions
                {
                    private readonly IAmazonS3 _s3 = new AmazonS3Client();
                    public Task Read() => _s3.GetObjectAsync(Environment.GetEnvironmentVariable("BUCKET"), "a.txt");
                }
                """)
            .With("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Uploads:
                    Type: AWS::S3::Bucket
                  Reader:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: dotnet8
                      CodeUri: ./src/App/
                      Handler: App::App.Functions::Read
                      Environment:
                        Variables:
                          BUCKET: !Ref Uploads
                """);
        using var folder = new TempFolder();
        string Run(out ReportCache cache)
        {
            cache = Cache(folder.Path);
            return RoleYamlWriter.Write(new RoleGenerator(Knowledge, cache).Generate(app.TemplatePath));
        }

        var before = Run(out var cache);
        cache.Misses.Should().Be(1);
        Run(out cache).Should().Be(before);
        cache.Hits.Should().Be(1);

        app.With("src/App/Functions.cs", File.ReadAllText(Path.Combine(app.Root, "src/App/Functions.cs")).Replace("a.txt", "b.txt", StringComparison.Ordinal));
        var afterEdit = Run(out cache);
        cache.Misses.Should().Be(1, "a source file changed");
        afterEdit.Should().Be(RoleYamlWriter.Write(new RoleGenerator(Knowledge).Generate(app.TemplatePath)));
        afterEdit.Should().Contain("b.txt");

        app.With("src/App/Extra.cs", "namespace App; internal static class Extra { }");
        Run(out cache);
        cache.Misses.Should().Be(1, "a source file was added");

        app.With("template.yaml", File.ReadAllText(app.TemplatePath).Replace("Runtime: dotnet8", "Runtime: dotnet8\n      Timeout: 30", StringComparison.Ordinal));
        Run(out cache);
        cache.Misses.Should().Be(1, "the template changed");
        Run(out cache);
        cache.Hits.Should().Be(1);

        app.With("src/Lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>")
            .With("src/Lib/Helper.cs", "namespace Lib; public static class Helper { }")
            .With("src/App/App.csproj", File.ReadAllText(Path.Combine(app.Root, "src/App/App.csproj")).Replace("</Project>", "<ItemGroup><ProjectReference Include=\"..\\Lib\\Lib.csproj\" /></ItemGroup></Project>", StringComparison.Ordinal));
        Run(out cache);
        cache.Misses.Should().Be(1, "the project references another");
        app.With("src/Lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net8.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup></Project>");
        Run(out cache);
        cache.Misses.Should().Be(1, "a referenced project's settings changed");
        Run(out cache);
        cache.Hits.Should().Be(1);

        app.With("src/App/appsettings.json", "{ \"Bucket\": \"uploads\" }");
        Run(out cache);
        cache.Misses.Should().Be(1, "configuration files give keys values");
        app.With("src/App/appsettings.json", "{ \"Bucket\": \"archive\" }");
        Run(out cache);
        cache.Misses.Should().Be(1, "a configuration file changed");
        Run(out cache);
        cache.Hits.Should().Be(1);
    }

    [Fact]
    public void An_edit_inside_a_method_body_analyses_again_only_the_functions_that_reach_it()
    {
        using var app = TwoFunctionApp();
        using var folder = new TempFolder();
        string Run(out ReportCache cache) => CachedRunMatchingUncached(app.TemplatePath, folder.Path, out cache);
        void Edit(string file, string from, string to)
        {
            var path = Path.Combine(app.Root, file);
            var text = File.ReadAllText(path);
            text.Should().Contain(from);
            File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
        }

        Run(out var cache);
        cache.Misses.Should().Be(2);

        Edit("src/App/Reader.cs", "\"a.txt\"", "\"b.txt\"");
        Run(out cache).Should().Contain("b.txt");
        (cache.Hits, cache.Misses).Should().Be((1, 1), "only the reader's code changed, and the writer does not reach it");

        Edit("src/App/Reader.cs", "namespace App;", "namespace App;\n// Reads uploads.\n");
        Run(out cache).Should().Contain("Reader.cs:10", "the call moved two lines down");
        (cache.Hits, cache.Misses).Should().Be((1, 1), "a comment moved the lines of a file only the reader reads");

        Edit("src/App/Names.cs", "// keys", "// the keys this app writes");
        Run(out cache);
        (cache.Hits, cache.Misses).Should().Be((2, 0), "a comment in a file no function reads code of");

        Edit("src/App/Names.cs", "\"out/\"", "\"archive/\"");
        Run(out cache).Should().Contain("archive/");
        cache.Misses.Should().Be(2, "a constant is a declaration: every function of the project may read it");

        Edit("src/App/Reader.cs", "public Task Read()", "public Task Read(int retries = 1)");
        Run(out cache);
        cache.Misses.Should().Be(2, "a signature changed: other files may bind differently");

        Edit("src/App/Reader.cs", "return _s3", "return _s3 (");
        Run(out cache);
        cache.Misses.Should().Be(2, "a file that does not parse changes what every function sees");
    }

    [Fact]
    public void A_question_asked_of_every_file_makes_every_file_a_dependency()
    {
        // An injected DynamoDBContext's table prefix may be set by any code of the project: a prefix set in a method body of
        // a file the handler never reaches must still reach its cached report.
        using var app = new TempApp().WithProject("src/App", "App")
            .With("src/App/Handler.cs", """
                using Amazon.DynamoDBv2.DataModel;
                namespace App;
                [DynamoDBTable("Orders")]
                public class Order { public string Id { get; set; } = ""; }
                public class Handler(IDynamoDBContext context)
                {
                    public Task Run(string id) => context.LoadAsync<Order>(id);
                }
                """)
            .With("src/App/Setup.cs", """
                using Amazon.DynamoDBv2.DataModel;
                namespace App;
                public static class Setup
                {
                    public static void Configure(DynamoDBContextConfig config) { }
                }
                """)
            .With("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Reader:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: dotnet8
                      CodeUri: ./src/App/
                      Handler: App::App.Handler::Run
                """);
        using var folder = new TempFolder();
        string Run(out ReportCache cache) => CachedRunMatchingUncached(app.TemplatePath, folder.Path, out cache);

        Run(out _).Should().Contain("table/Orders");
        app.With("src/App/Setup.cs", File.ReadAllText(Path.Combine(app.Root, "src/App/Setup.cs")).Replace("{ }", "{ config.TableNamePrefix = \"prod-\"; }", StringComparison.Ordinal));
        Run(out var cache).Should().Contain("table/*Orders");
        cache.Misses.Should().Be(1);
    }

    [Fact]
    public void A_function_run_keeps_the_cached_reports_of_the_other_functions()
    {
        using var app = TwoFunctionApp();
        using var folder = new TempFolder();
        new RoleGenerator(Knowledge, Cache(folder.Path)).Generate(app.TemplatePath);
        new RoleGenerator(Knowledge, Cache(folder.Path)).Generate(app.TemplatePath, ["Reader"]);

        var cache = Cache(folder.Path);
        new RoleGenerator(Knowledge, cache).Generate(app.TemplatePath);
        (cache.Hits, cache.Misses).Should().Be((2, 0));
    }

    private static TempApp TwoFunctionApp() => new TempApp().WithProject("src/App", "App")
        .With("src/App/Reader.cs", """
            using Amazon.S3;
            namespace App;
            public class Reader
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                public Task Read()
                {
                    return _s3.GetObjectAsync(Environment.GetEnvironmentVariable("BUCKET"), "a.txt");
                }
            }
            """)
        .With("src/App/Writer.cs", """
            using Amazon.S3;
            namespace App;
            public class Writer
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                public Task Write() => _s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = Environment.GetEnvironmentVariable("BUCKET"), Key = Names.Prefix + "x" });
            }
            """)
        .With("src/App/Names.cs", """
            namespace App;
            // keys
            public static class Names
            {
                public const string Prefix = "out/";
            }
            """)
        .With("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Uploads:
                Type: AWS::S3::Bucket
              Reader:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: dotnet8
                  CodeUri: ./src/App/
                  Handler: App::App.Reader::Read
                  Environment:
                    Variables:
                      BUCKET: !Ref Uploads
              Writer:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: dotnet8
                  CodeUri: ./src/App/
                  Handler: App::App.Writer::Write
                  Environment:
                    Variables:
                      BUCKET: !Ref Uploads
            """);

    [Fact]
    public void A_broken_cache_file_is_a_miss_not_a_failure()
    {
        using var folder = new TempFolder();
        var template = Path.Combine(RepositoryRoot.Path, "samples", "order-service", "template.yaml");
        var expected = RoleYamlWriter.Write(new RoleGenerator(Knowledge).Generate(template));
        new RoleGenerator(Knowledge, Cache(folder.Path)).Generate(template);
        foreach (var file in Directory.GetFiles(folder.Path, "*.json")) File.WriteAllText(file, "{ not json");

        var cache = Cache(folder.Path);
        RoleYamlWriter.Write(new RoleGenerator(Knowledge, cache).Generate(template)).Should().Be(expected);
        cache.Hits.Should().Be(0);
    }

    [Fact]
    public void Check_reuses_the_reports_that_generate_cached()
    {
        using var folder = new TempFolder();
        var template = Path.Combine(RepositoryRoot.Path, "samples", "order-service", "template.yaml");
        var uncached = RoleChecker.Load(RealTable.Directory).Check(template);
        new RoleGenerator(Knowledge, Cache(folder.Path)).Generate(template);

        var cache = Cache(folder.Path);
        var cached = RoleChecker.Load(RealTable.Directory, cache).Check(template);
        (cache.Hits, cache.Misses).Should().Be((uncached.Functions.Length, 0));
        ReportJsonWriter.Write(cached).Should().Be(ReportJsonWriter.Write(uncached));
    }

    [Theory]
    [InlineData("generate")]
    [InlineData("check")]
    public void The_cli_accepts_no_cache(string command)
    {
        var folder = Path.Combine(RepositoryRoot.Path, "samples", "order-service");
        var cached = RoleGenProcess.Run(folder, command, "--template", "template.yaml");
        var uncached = RoleGenProcess.Run(folder, command, "--template", "template.yaml", "--no-cache");
        uncached.ExitCode.Should().Be(0, uncached.Stderr);
        uncached.Stdout.Should().Be(cached.Stdout);
    }

    /// <summary>The YAML of a run with the cache in <paramref name="cacheFolder"/>, after checking it equals an uncached run's.</summary>
    private static string CachedRunMatchingUncached(string templatePath, string cacheFolder, out ReportCache cache)
    {
        cache = Cache(cacheFolder);
        var output = RoleYamlWriter.Write(new RoleGenerator(Knowledge, cache).Generate(templatePath));
        output.Should().Be(RoleYamlWriter.Write(new RoleGenerator(Knowledge).Generate(templatePath)), "a cached run gives what an uncached run gives");
        return output;
    }

    private static ReportCache Cache(string directory) => new(directory, ReportCache.FingerprintOf(RealTable.Directory));

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("rolegen-cache-test-").FullName;

        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
        }
    }
}
