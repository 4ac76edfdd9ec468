using System.Diagnostics;
using System.Text;

namespace RoleGen.Tests.Packaging;

/// <summary>
/// Runs <c>dotnet</c> (or an installed tool) as a separate process with a clean environment: no MSBuild variables
/// inherited from the test host, no build servers or reused nodes (they would outlive the test and keep its output
/// pipes open), NuGet packages in the folder the caller chooses.
/// </summary>
internal static class DotnetProcess
{
    public sealed record Result(int ExitCode, string Output, TimeSpan Elapsed)
    {
        public override string ToString() => $"exit code {ExitCode} after {Elapsed.TotalSeconds:0.0}s\n{Output}";
    }

    /// <summary>The .NET installation running the tests (the folder holding the dotnet host).</summary>
    public static string DotnetRoot { get; } = FindDotnetRoot();

    public static string DotnetHost => Path.Combine(DotnetRoot, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");

    public static Result Run(string workingDirectory, IEnumerable<string> arguments, string? nugetPackages = null, TimeSpan? timeout = null) =>
        RunProgram(DotnetHost, workingDirectory, arguments, nugetPackages, timeout);

    public static Result RunProgram(string program, string workingDirectory, IEnumerable<string> arguments, string? nugetPackages = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var name in start.Environment.Keys.ToList())
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) ||
                name.Equals("NUGET_PACKAGES", StringComparison.OrdinalIgnoreCase))
                start.Environment.Remove(name);
        start.Environment["DOTNET_ROOT"] = DotnetRoot;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        if (nugetPackages is not null) start.Environment["NUGET_PACKAGES"] = nugetPackages;

        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var limit = timeout ?? TimeSpan.FromMinutes(5);
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in {limit}:\n{output}");
        }
        process.WaitForExit(); // flush the asynchronous readers
        lock (output) return new Result(process.ExitCode, output.ToString(), stopwatch.Elapsed);
    }

    private static string FindDotnetRoot()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            return Path.GetDirectoryName(host)!;
        // <root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
        var runtime = new DirectoryInfo(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        return runtime.Parent!.Parent!.Parent!.FullName;
    }
}
