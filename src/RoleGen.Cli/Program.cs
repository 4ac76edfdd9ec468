using System.CommandLine;
using RoleGen.Cli;
using RoleGen.Core.Diagnostics;

return RoleGenCli.Run(args);

namespace RoleGen.Cli
{
    public static class RoleGenCli
    {
        public static int Run(string[] args)
        {
            var mappings = new Option<string?>("--mappings") { Description = "Use the mapping table in this folder instead of the one shipped with RoleGen.", Recursive = true };
            var root = new RootCommand("RoleGen: least-privilege IAM roles for .NET Lambda functions, from their C# source.")
            {
                mappings,
                GenerateCommand.Create(mappings),
                CheckCommand.Create(mappings),
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
