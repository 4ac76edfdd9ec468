using System.CommandLine;
using RoleGen.Cli;
using RoleGen.Cli.Server;
using RoleGen.Core.Caching;
using RoleGen.Core.Diagnostics;

return RoleGenCli.Dispatch(args);

namespace RoleGen.Cli
{
    public static class RoleGenCli
    {
        private const string ServerFlag = "--server";

        /// <summary>
        /// <c>rolegen server ...</c> runs the server; <c>--server</c> on check or generate sends the run to it (read
        /// before the command line is parsed, so that a run the server answers loads nothing else).
        /// </summary>
        public static int Dispatch(string[] args)
        {
            if (args is ["server", .. var serverArguments])
            {
                var memo = new FileMemo();
                return ServerCommand.Run(serverArguments, runArguments => Run(runArguments, memo));
            }
            if (!args.Contains(ServerFlag)) return Run(args);
            args = args.Where(a => a != ServerFlag).ToArray();
            if (args is not ["check" or "generate", ..]) return Run(args);
            var pipe = ServerProtocol.PipeName(ServerCommand.CliAssemblyPath);
            if (new ServerClient(pipe).TryRun(args) is { } exitCode) return exitCode;
            ServerClient.StartServer(ServerCommand.CliAssemblyPath, pipe, args);
            return Run(args);
        }

        /// <param name="memo">The server's, kept across runs; null in a single run.</param>
        public static int Run(string[] args, FileMemo? memo = null)
        {
            var mappings = new Option<string?>("--mappings") { Description = "Use the mapping table in this folder instead of the one shipped with RoleGen.", Recursive = true };
            var server = new Option<bool>(ServerFlag)
            {
                Description = "check and generate: run in a RoleGen server that stays up between runs (started by the first run, stopped after 10 idle minutes), so that later runs start warm.",
                Recursive = true,
            };
            var root = new RootCommand("RoleGen: least-privilege IAM roles for .NET Lambda functions, from their C# source.")
            {
                mappings, server,
                GenerateCommand.Create(mappings, memo),
                CheckCommand.Create(mappings, memo),
                DiffCommand.Create(mappings), CommentCommand.Create(mappings),
            };
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors) Console.Error.WriteLine($"rolegen: {error.Message}");
                Console.Error.WriteLine("Run 'rolegen --help' for usage.");
                return ExitCodes.BadInput;
            }
            try
            {
                return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            }
            catch (RoleGenInputException e)
            {
                Console.Error.WriteLine($"{e.Describe()}");
                Console.Error.WriteLine("rolegen: error: nothing was written.");
                return ExitCodes.BadInput;
            }
        }
    }
}
