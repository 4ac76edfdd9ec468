namespace RoleGen.Cli.Server;

/// <summary>
/// <c>rolegen server [--pipe NAME] [--idle-minutes N]</c> serves runs until idle; <c>rolegen server --shutdown</c>
/// stops the server of this RoleGen build. Exit 0, or 2 on a bad argument.
/// </summary>
public static class ServerCommand
{
    public static string CliAssemblyPath => typeof(ServerCommand).Assembly.Location;

    public static int Run(string[] arguments, Func<string[], int> run)
    {
        var pipe = ServerProtocol.PipeName(CliAssemblyPath);
        var idle = TimeSpan.FromMinutes(10);
        var shutdown = false;
        for (var i = 0; i < arguments.Length; i++)
        {
            switch (arguments[i])
            {
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
                    Console.Error.WriteLine($"rolegen: server: unknown argument '{arguments[i]}' (usage: rolegen server [--pipe NAME] [--idle-minutes N] | rolegen server --shutdown).");
                    return ExitCodes.BadInput;
            }
        }
        if (shutdown)
        {
            Console.Error.WriteLine(new ServerClient(pipe).Shutdown() ? "rolegen: server stopped." : "rolegen: no server was running.");
            return ExitCodes.Ok;
        }
        new RoleGenServer(pipe, idle, run).Serve();
        return ExitCodes.Ok;
    }
}
