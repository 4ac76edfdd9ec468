using System.Diagnostics;

namespace RoleGen.Tests.Cli;

/// <summary>Runs the built rolegen (copied beside the tests, with its mappings) as a separate process.</summary>
internal static class RoleGenProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(string workingDirectory, params string[] arguments) => Run(new Dictionary<string, string>(), workingDirectory, arguments);

    public static Result Run(IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "rolegen.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000)) { process.Kill(entireProcessTree: true); throw new TimeoutException("rolegen did not finish in 2 minutes"); }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
