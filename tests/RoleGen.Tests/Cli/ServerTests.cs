using FluentAssertions;
using RoleGen.Cli.Server;
using RoleGen.Core.Caching;
using RoleGen.Tests.Pipeline;
using Xunit;

namespace RoleGen.Tests.Cli;

/// <summary>
/// <c>--server</c>: the first run starts a server and answers itself; later runs are answered by the server, with the
/// same output and exit code as a run without it, also after an edit, a failing gate and bad input.
/// </summary>
public class ServerTests
{
    private const string Template = """
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
              Policies:
                - S3ReadPolicy:
                    BucketName: !Ref Uploads
              Environment:
                Variables:
                  BUCKET: !Ref Uploads
        """;

    private static string Code(string key) => $$"""
        using Amazon.S3;
        namespace App;
        public class Functions
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();
            public async Task Read()
            {
                await _s3.GetObjectAsync(Environment.GetEnvironmentVariable("BUCKET"), "{{key}}");
            }
        }
        """;

    [Fact]
    public void Runs_answered_by_the_server_print_and_exit_as_runs_without_it()
    {
        using var app = new TempApp().With("template.yaml", Template).WithProject("src/App", "App").With("src/App/Functions.cs", Code("config.json"));
        var client = new ServerClient(ServerProtocol.PipeName(Path.Combine(AppContext.BaseDirectory, "rolegen.dll")));
        try
        {
            var first = RoleGenProcess.Run(app.Root, "generate", "--server", "--template", "template.yaml", "--format", "json");
            first.ExitCode.Should().Be(0, first.Stderr);
            WaitForServer(app.Root);

            foreach (var arguments in new[]
            {
                new[] { "generate", "--template", "template.yaml", "--format", "json" },
                ["check", "--template", "template.yaml", "--fail-on", "warning"],
                ["generate", "--template", "missing.yaml"],
            })
            {
                var served = RoleGenProcess.Run(app.Root, [.. arguments, "--server"]);
                var alone = RoleGenProcess.Run(app.Root, arguments);
                served.Should().BeEquivalentTo(alone, $"rolegen {string.Join(' ', arguments)} must not depend on --server");
            }

            // The run uses the client's environment, not the server's: here, the cache folder.
            var ownCache = Path.Combine(app.Root, "own-cache");
            RoleGenProcess.Run(new Dictionary<string, string> { ["ROLEGEN_CACHE_DIR"] = ownCache }, app.Root, "generate", "--server", "--template", "template.yaml")
                .ExitCode.Should().Be(0);
            Directory.GetFiles(ownCache, "*.json").Should().NotBeEmpty();

            app.With("src/App/Functions.cs", Code("other.json"));
            var edited = RoleGenProcess.Run(app.Root, "generate", "--server", "--template", "template.yaml");
            edited.Stdout.Should().Contain("${Uploads}/other.json").And.NotContain("config.json");
            edited.Should().BeEquivalentTo(RoleGenProcess.Run(app.Root, "generate", "--no-cache", "--template", "template.yaml"));
        }
        finally
        {
            var stopped = RoleGenProcess.Run(app.Root, "server", "--shutdown");
            stopped.Stderr.Should().Contain("server stopped", "the first run started a server");
        }
        client.TryRun(["generate", "--template", "template.yaml"]).Should().BeNull("a stopped server answers nothing");
    }

    private static void WaitForServer(string workingDirectory)
    {
        var pipe = ServerProtocol.PipeName(Path.Combine(AppContext.BaseDirectory, "rolegen.dll"));
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (File.Exists(Path.Combine(Path.GetTempPath(), "CoreFxPipe_" + pipe)) || OperatingSystem.IsWindows()) return;
            Thread.Sleep(100);
        }
        throw new TimeoutException($"no server listened on {pipe} after 10 s (from {workingDirectory})");
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("line\nbreaks \"quotes\" \\ and ünïcödé\ttabs")]
    public void Requests_and_responses_survive_the_wire(string text)
    {
        var request = new ServerRequest("/work/dir", ["generate", text]) { Environment = new Dictionary<string, string> { ["ROLEGEN_CACHE_DIR"] = text, ["HOME"] = "/home/x" } };
        var readRequest = ServerProtocol.ReadRequest(ServerProtocol.Write(request));
        readRequest.WorkingDirectory.Should().Be("/work/dir");
        readRequest.Arguments.Should().Equal("generate", text);
        readRequest.Environment.Should().BeEquivalentTo(request.Environment);
        readRequest.Shutdown.Should().BeFalse();
        ServerProtocol.Write(request).Should().NotContain("\n", "one line per message");

        ServerProtocol.ReadResponse(ServerProtocol.Write(new ServerResponse(1, text, text + "!"))).Should().Be(new ServerResponse(1, text, text + "!"));
    }

    [Fact]
    public void Each_build_and_user_has_its_own_short_pipe()
    {
        using var app = new TempApp().With("a/rolegen.dll", "one").With("b/rolegen.dll", "one");
        var a = ServerProtocol.PipeName(Path.Combine(app.Root, "a/rolegen.dll"));
        a.Should().NotBe(ServerProtocol.PipeName(Path.Combine(app.Root, "b/rolegen.dll")));
        a.Should().Be(ServerProtocol.PipeName(Path.Combine(app.Root, "a/rolegen.dll")));
        a.Length.Should().BeLessThan(30, "Unix socket paths are short");

        app.With("a/RoleGen.Core.dll", "rebuilt");
        ServerProtocol.PipeName(Path.Combine(app.Root, "a/rolegen.dll")).Should().NotBe(a, "a rebuilt assembly beside the CLI is another build");
    }

    [Fact]
    public void The_file_memo_computes_again_only_when_the_file_changed()
    {
        using var app = new TempApp().With("t.txt", "one");
        var memo = new FileMemo();
        var path = Path.Combine(app.Root, "t.txt");
        var reads = 0;
        string Read() { reads++; return File.ReadAllText(path); }

        memo.Get("text", path, Read).Should().Be("one");
        memo.Get("text", path, Read).Should().Be("one");
        reads.Should().Be(1);

        File.WriteAllText(path, "three");
        memo.Get("text", path, Read).Should().Be("three");
        reads.Should().Be(2);
    }
}
