using System.Globalization;
using BenchmarkDotNet.Running;
using RoleGen.Benchmarks;

// dotnet run -c Release --project tests/RoleGen.Benchmarks -- <command> ...   (README "Performance")
var command = args.FirstOrDefault();
var rest = args.Skip(1).ToArray();
switch (command)
{
    case "generate-monorepo":
    {
        var options = Options.Parse(rest);
        var functions = int.Parse(options.Get("functions", "100"), CultureInfo.InvariantCulture);
        var output = Path.GetFullPath(options.Get("output", $"monorepo-{functions}"));
        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
        {
            Console.Error.WriteLine($"{output} is not empty.");
            return 2;
        }
        var generator = new MonorepoGenerator(functions, int.Parse(options.Get("per-project", "25"), CultureInfo.InvariantCulture));
        generator.Write(output);
        Console.WriteLine($"{functions} functions in {generator.ProjectCount} projects, {MonorepoHarness.CountLines(output)} lines of C#: {output}");
        return 0;
    }
    case "profile":
        return StageProfile.Run(Options.Parse(rest));
    case "binding-floor":
        return BindingFloor.Run(Options.Parse(rest));
    case "monorepo":
        return new MonorepoHarness(Options.Parse(rest)).Run();
    case "bdn":
        BenchmarkSwitcher.FromAssembly(typeof(StageBenchmarks).Assembly).Run(rest.Length > 0 ? rest : ["--filter", "*"]);
        return 0;
    default:
        Console.Error.WriteLine("""
            usage:
              generate-monorepo --functions N [--output DIR] [--per-project 25]
              monorepo [--sizes 10,100,1000] [--runs 5] [--build-runs 3] [--work DIR] [--keep] [--cli ROLEGEN.DLL]
              bdn [BenchmarkDotNet arguments, default --filter *]
              profile --template T [--mappings DIR] [--each] [--split] [--bind-all]
              binding-floor --template T [--parallel]
            """);
        return 2;
}

/// <summary>--name value pairs and --flag switches.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected argument {args[i]}");
            var name = args[i][2..];
            options._values[name] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }
        return options;
    }

    public string Get(string name, string fallback) => _values.TryGetValue(name, out var value) ? value : fallback;

    public bool Has(string name) => _values.ContainsKey(name);
}
