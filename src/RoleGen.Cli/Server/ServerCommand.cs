namespace RoleGen.Cli.Server;

/// <summary>
/// <c>rolegen server [--pipe NAME] [--idle-minutes N] [--after PID] [--warm-up-in DIR -- RUN...]</c> serves runs until
/// idle (after warming up on RUN, the run of the client PID that started it, once that has exited); <c>rolegen server --shutdown</c> stops the server of
/// this RoleGen build. Exit 0, or 2 on a bad argument.
/// </summary>
public static class ServerCommand
{
    public static string CliAssemblyPath => typeof(ServerCommand).Assembly.Location;

    public static int Run(string[] arguments, Func<string[], int> run)
    {
        var pipe = ServerProtocol.PipeName(CliAssemblyPath);
        var idle = TimeSpan.FromMinutes(10);
        var shutdown = false;
        string? warmUpDirectory = null;
        int? clientProcessId = null;
        var warmUpArguments = Array.Empty<string>();
        for (var i = 0; i < arguments.Length; i++)
        {
            switch (arguments[i])
            {
                case "--warm-up-in" when i + 1 < arguments.Length:
                    warmUpDirectory = arguments[++i];
                    break;
                case "--after" when i + 1 < arguments.Length && int.TryParse(arguments[i + 1], out var processId):
                    clientProcessId = processId;
                    i++;
                    break;
                case "--":
                    warmUpArguments = arguments[(i + 1)..];
                    i = arguments.Length;
                    break;
                case "--pipe" when i + 1 < arguments.Length:
                    pipe = arguments[++i];
                    break;
                case "--idle-minutes" when i + 1 < arguments.Length && double.TryParse(arguments[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var minutes) && minutes > 0:
                    idle = TimeSpan.FromMinutes(minutes);
                    i++;
                    break;
                case "--shutdown":
                    shutdown = true;
                    break;
                default:
                    Console.Error.WriteLine($"rolegen: server: unknown argument '{arguments[i]}' (usage: rolegen server [--pipe NAME] [--idle-minutes N] [--after PID] [--warm-up-in DIR -- RUN...] | rolegen server --shutdown).");
                    return ExitCodes.BadInput;
            }
        }
        if (shutdown)
        {
            Console.Error.WriteLine(new ServerClient(pipe).Shutdown() ? "rolegen: server stopped." : "rolegen: no server was running.");
            return ExitCodes.Ok;
        }
        new RoleGenServer(pipe, idle, run).Serve(request => ServerWarmUp.Run(request, warmUpDirectory, warmUpArguments, clientProcessId));
        return ExitCodes.Ok;
    }
}
