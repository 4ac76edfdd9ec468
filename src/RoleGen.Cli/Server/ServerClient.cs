using System.Diagnostics;
using System.IO.Pipes;
using System.Text;

namespace RoleGen.Cli.Server;

/// <summary>
/// The client side of <c>--server</c>: sends the run to this build's server and prints what it printed; when there is
/// no server (or it fails), starts one for the next run and lets the caller run RoleGen in this process.
/// </summary>
public sealed class ServerClient(string pipeName)
{
    /// <summary>How long to wait for a server to accept: a listening server accepts at once, a missing one never does.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>The run's exit code, or null when no server answered.</summary>
    public int? TryRun(IReadOnlyList<string> arguments)
    {
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
        if (Send(new ServerRequest(Directory.GetCurrentDirectory(), arguments) { Environment = environment }) is not { } response || response.ExitCode < 0) return null;
        Console.Out.Write(response.Output);
        Console.Error.Write(response.Error);
        return response.ExitCode;
    }

    /// <summary>Stops this build's server; false when none was running.</summary>
    public bool Shutdown() => Send(new ServerRequest(Directory.GetCurrentDirectory(), [], Shutdown: true)) is not null;

    private ServerResponse? Send(ServerRequest request)
    {
        try
        {
            using var pipe = new NamedPipeClientStream(".", pipeName, PipeDirection.InOut, ServerProtocol.Options);
            pipe.Connect((int)ConnectTimeout.TotalMilliseconds);
            var writer = new StreamWriter(pipe, new UTF8Encoding(false), 4096, leaveOpen: true);
            writer.WriteLine(ServerProtocol.Write(request));
            writer.Flush();
            using var reader = new StreamReader(pipe, Encoding.UTF8);
            return reader.ReadLine() is { } line ? ServerProtocol.ReadResponse(line) : null;
        }
        catch (Exception e) when (e is TimeoutException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Starts a server for later runs, detached: its standard streams are its own (a build waiting for this process's
    /// output must not wait for the server), and it stops by itself when idle.
    /// </summary>
    /// <param name="warmUpArguments">The run that starts it: the server repeats it first, into a temporary file, to be warm for the next.</param>
    public static void StartServer(string cliAssemblyPath, string pipeName, IReadOnlyList<string> warmUpArguments)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        // `dotnet rolegen.dll ...` or the tool's own launcher.
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) start.ArgumentList.Add(cliAssemblyPath);
        foreach (var argument in new[] { "server", "--pipe", pipeName, "--after", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--warm-up-in", Directory.GetCurrentDirectory(), "--" }.Concat(warmUpArguments))
            start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start);
            if (process is null) return;
            process.StandardInput.Close();
            process.StandardOutput.Close();
            process.StandardError.Close();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException)
        {
            // No server: every run starts cold, as without --server.
        }
    }
}
