namespace RoleGen.Cli.Server;

/// <summary>
/// What a new server runs first, through the same path as a request: the run of the client that started it, with its
/// output sent to a temporary file (so that the files it reads are hashed and parsed, and their reports loaded, before
/// the next build asks), else a `generate` of a small app written to a temporary folder. Either way the runtime
/// compiles RoleGen's and Roslyn's code before the first real request needs it (the first analysis in a process costs
/// seconds of compilation, later ones milliseconds).
/// </summary>
public static class ServerWarmUp
{
    /// <summary>The starting client's run again, writing to a temporary file; null when it would change a file of the user's (<c>--in-place</c>).</summary>
    public static ServerRequest? Repeat(string workingDirectory, IReadOnlyList<string> arguments, string outputFile)
    {
        if (arguments.Contains("--in-place")) return null;
        var repeated = new List<string>();
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] is "--output" or "-o") { i++; continue; }
            if (arguments[i].StartsWith("--output=", StringComparison.Ordinal)) continue;
            repeated.Add(arguments[i]);
        }
        return new ServerRequest(workingDirectory, [.. repeated, "--output", outputFile]);
    }

    /// <summary>
    /// Once the client that started the server has finished its own run (<paramref name="clientProcessId"/>: two runs
    /// at once would slow the one a build waits for), repeats that run (see <see cref="Repeat"/>), then analyses the
    /// small app (the repeated run may have found everything in the report cache and analysed nothing).
    /// </summary>
    public static void Run(Func<ServerRequest, ServerResponse> run, string? workingDirectory, IReadOnlyList<string> arguments, int? clientProcessId)
    {
        WaitForExit(clientProcessId);
        var output = Path.Combine(Path.GetTempPath(), $"rolegen-warmup-{Guid.NewGuid():N}.out");
        try
        {
            if (workingDirectory is not null && Repeat(workingDirectory, arguments, output) is { } repeated) run(repeated);
            Run(run);
        }
        finally
        {
            try { File.Delete(output); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private const string Template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Table:
            Type: AWS::DynamoDB::Table
          Bucket:
            Type: AWS::S3::Bucket
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: dotnet8
              CodeUri: ./src/WarmUp/
              Handler: WarmUp::WarmUp.Function::Handle
              Environment:
                Variables:
                  TABLE: !Ref Table
                  BUCKET: !Ref Bucket
        """;

    private const string Project = """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>""";

    private const string Code = """
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.Model;
        using Amazon.S3;
        namespace WarmUp;
        public interface IStore { Task Save(string id); }
        public sealed class Store(IAmazonDynamoDB db, IAmazonS3 s3) : IStore
        {
            private readonly string _table = Environment.GetEnvironmentVariable("TABLE") ?? "";
            public async Task Save(string id)
            {
                await db.PutItemAsync(new PutItemRequest { TableName = _table, Item = new() { ["Id"] = new AttributeValue { S = id } } });
                await s3.GetObjectAsync(Environment.GetEnvironmentVariable("BUCKET"), $"items/{id}.json");
            }
        }
        public class Function
        {
            private readonly IStore _store = new Store(new AmazonDynamoDBClient(), new AmazonS3Client());
            public async Task Handle(string id)
            {
                if (string.IsNullOrWhiteSpace(id)) return;
                await _store.Save(id.Trim());
            }
        }
        """;

    private static void WaitForExit(int? processId)
    {
        if (processId is not { } id) return;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(id);
            process.WaitForExit(TimeSpan.FromMinutes(10));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    /// <summary>Runs the warm-up with <paramref name="run"/> (the server's request path); any failure only means a colder first request.</summary>
    public static void Run(Func<ServerRequest, ServerResponse> run)
    {
        var folder = Directory.CreateTempSubdirectory("rolegen-warmup-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "src", "WarmUp"));
            File.WriteAllText(Path.Combine(folder, "template.yaml"), Template);
            File.WriteAllText(Path.Combine(folder, "src", "WarmUp", "WarmUp.csproj"), Project);
            File.WriteAllText(Path.Combine(folder, "src", "WarmUp", "Function.cs"), Code);
            run(new ServerRequest(folder, ["generate", "--template", "template.yaml", "--no-cache", "--output", "roles.yaml"]));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
