using System.IO.Pipes;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace RoleGen.Cli.Server;

/// <summary>
/// A run the client asks the server for: the arguments, resolved against the client's working directory, with the
/// client's environment variables (the cache folder comes from them).
/// </summary>
public sealed record ServerRequest(string WorkingDirectory, IReadOnlyList<string> Arguments, bool Shutdown = false)
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}

/// <summary>What the run printed and its exit code.</summary>
public sealed record ServerResponse(int ExitCode, string Output, string Error)
{
    /// <summary>The server could not run the request: the client runs it itself.</summary>
    public static readonly ServerResponse NotRun = new(-1, "", "");
}

/// <summary>
/// One JSON object per line each way over a named pipe (a Unix domain socket on Linux and macOS), readable only by the
/// user who started the server. Written with the low-level JSON API: the client must start fast.
/// </summary>
public static class ServerProtocol
{
    /// <summary>
    /// The pipe of the server for this RoleGen build and user: a different build (path, write time or length of any
    /// assembly beside rolegen.dll, such as a rebuilt RoleGen.Core.dll) talks to its own server, so an update never runs
    /// old code. Short: Unix socket paths are limited to ~100 bytes.
    /// </summary>
    public static string PipeName(string cliAssemblyPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(cliAssemblyPath)) ?? ".";
        var assemblies = Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal)
            .Select(file => $"{Path.GetFileName(file)}:{File.GetLastWriteTimeUtc(file).Ticks}:{new FileInfo(file).Length}");
        var stamp = $"{Path.GetFullPath(cliAssemblyPath)}|{string.Join(",", assemblies)}|{Environment.UserName}";
        return "rolegen-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(stamp)))[..16].ToLowerInvariant();
    }

    public const PipeOptions Options = PipeOptions.CurrentUserOnly | PipeOptions.Asynchronous;

    public static string Write(ServerRequest request) => Json(writer =>
    {
        writer.WriteString("cwd", request.WorkingDirectory);
        writer.WriteStartArray("args");
        foreach (var argument in request.Arguments) writer.WriteStringValue(argument);
        writer.WriteEndArray();
        if (request.Shutdown) writer.WriteBoolean("shutdown", true);
        writer.WriteStartObject("env");
        foreach (var (name, value) in request.Environment) writer.WriteString(name, value);
        writer.WriteEndObject();
    });

    public static string Write(ServerResponse response) => Json(writer =>
    {
        writer.WriteNumber("exit", response.ExitCode);
        writer.WriteString("out", response.Output);
        writer.WriteString("err", response.Error);
    });

    public static ServerRequest ReadRequest(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        return new ServerRequest(
            root.GetProperty("cwd").GetString() ?? "",
            root.GetProperty("args").EnumerateArray().Select(a => a.GetString() ?? "").ToList(),
            root.TryGetProperty("shutdown", out var shutdown) && shutdown.GetBoolean())
        {
            Environment = root.TryGetProperty("env", out var environment)
                ? environment.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "")
                : new Dictionary<string, string>(),
        };
    }

    public static ServerResponse ReadResponse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        return new ServerResponse(root.GetProperty("exit").GetInt32(), root.GetProperty("out").GetString() ?? "", root.GetProperty("err").GetString() ?? "");
    }

    private static string Json(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
