using System.IO.Pipes;
using System.Text;

namespace RoleGen.Cli.Server;

/// <summary>
/// <c>rolegen server</c>: a process that stays up between runs so that they skip the start of a new .NET process and
/// the compilation of RoleGen's and Roslyn's code (most of a small run). Each request is an ordinary run
/// (<paramref name="run"/>, a fresh pipeline with nothing kept from the previous one but compiled code), one at a time,
/// in the client's working directory, its output captured and sent back. It stops after <paramref name="idleTimeout"/>
/// without requests, or when asked (<c>rolegen server --shutdown</c>).
/// </summary>
public sealed class RoleGenServer(string pipeName, TimeSpan idleTimeout, Func<string[], int> run)
{
    private readonly SemaphoreSlim _oneRunAtATime = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private int _busy;
    private DateTime _lastRequest = DateTime.UtcNow;

    /// <summary>
    /// Serves until idle or stopped. Returns false when another server already listens on the pipe. With
    /// <paramref name="warmUp"/>, first runs it as a request (requests that arrive meanwhile wait for it).
    /// </summary>
    public bool Serve(Action<Func<ServerRequest, ServerResponse>>? warmUp = null)
    {
        if (warmUp is not null) _ = Task.Run(() => warmUp(Run));
        while (!_stop.IsCancellationRequested)
        {
            NamedPipeServerStream pipe;
            try
            {
                pipe = new NamedPipeServerStream(pipeName, PipeDirection.InOut, NamedPipeServerStream.MaxAllowedServerInstances, PipeTransmissionMode.Byte, ServerProtocol.Options);
            }
            catch (IOException)
            {
                return false;
            }
            var connected = pipe.WaitForConnectionAsync(_stop.Token);
            while (!WaitQuietly(connected, TimeSpan.FromSeconds(1)))
            {
                if (_stop.IsCancellationRequested || Volatile.Read(ref _busy) == 0 && DateTime.UtcNow - _lastRequest > idleTimeout)
                {
                    _stop.Cancel();
                    pipe.Dispose();
                    return true;
                }
            }
            if (connected.IsCanceled || connected.IsFaulted)
            {
                pipe.Dispose();
                continue;
            }
            Interlocked.Increment(ref _busy);
            _ = Task.Run(() => Handle(pipe));
        }
        return true;
    }

    private static bool WaitQuietly(Task task, TimeSpan timeout)
    {
        try
        {
            return task.Wait(timeout);
        }
        catch (AggregateException)
        {
            return true;
        }
    }

    private void Handle(NamedPipeServerStream pipe)
    {
        try
        {
            using (pipe)
            {
                var reader = new StreamReader(pipe, Encoding.UTF8, false, 4096, leaveOpen: true);
                if (reader.ReadLine() is not { } line) return;
                var request = ServerProtocol.ReadRequest(line);
                var response = request.Shutdown ? new ServerResponse(ExitCodes.Ok, "", "") : Run(request);
                var writer = new StreamWriter(pipe, new UTF8Encoding(false), 65536, leaveOpen: true);
                writer.WriteLine(ServerProtocol.Write(response));
                writer.Flush();
                if (request.Shutdown) _stop.Cancel();
            }
        }
        catch (IOException)
        {
            // The client went away; it runs RoleGen itself when it gets no answer.
        }
        finally
        {
            _lastRequest = DateTime.UtcNow;
            Interlocked.Decrement(ref _busy);
        }
        // A run's compilations are garbage once it is answered: give the memory back while the server waits.
        GC.Collect();
    }

    /// <summary>
    /// Console, working directory and environment belong to the process, so runs take turns. For the length of a run
    /// the commands' Console is pointed at buffers, and the directory and environment are the client's.
    /// </summary>
    private ServerResponse Run(ServerRequest request)
    {
        _oneRunAtATime.Wait();
        var (output, error) = (Console.Out, Console.Error);
        var (capturedOutput, capturedError) = (new StringWriter(), new StringWriter());
        var ownEnvironment = CurrentEnvironment();
        try
        {
            Directory.SetCurrentDirectory(request.WorkingDirectory);
            if (request.Environment.Count > 0) ReplaceEnvironment(request.Environment);
            Console.SetOut(capturedOutput);
            Console.SetError(capturedError);
            try
            {
                return new ServerResponse(run(request.Arguments.ToArray()), capturedOutput.ToString(), capturedError.ToString());
            }
            catch (Exception)
            {
                // A crash is the client's to show, as it would be without a server: it runs RoleGen itself.
                return ServerResponse.NotRun;
            }
        }
        finally
        {
            Console.SetOut(output);
            Console.SetError(error);
            ReplaceEnvironment(ownEnvironment);
            _oneRunAtATime.Release();
        }
    }

    private static Dictionary<string, string> CurrentEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");

    private static void ReplaceEnvironment(IReadOnlyDictionary<string, string> wanted)
    {
        foreach (var name in CurrentEnvironment().Keys.Where(name => !wanted.ContainsKey(name))) Environment.SetEnvironmentVariable(name, null);
        foreach (var (name, value) in wanted) Environment.SetEnvironmentVariable(name, value);
    }
}
