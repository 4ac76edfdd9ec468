using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RoleGen.Benchmarks;

/// <summary>One finished process: exit code, wall-clock time, peak resident memory (0 when unknown) and its output.</summary>
public sealed record ProcessResult(int ExitCode, TimeSpan Elapsed, long PeakBytes, string Stdout, string Stderr)
{
    public ProcessResult EnsureSuccess(string what) =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"{what} failed with exit code {ExitCode}:\n{Tail(Stdout)}\n{Tail(Stderr)}");

    private static string Tail(string text) => text.Length <= 4000 ? text : "..." + text[^4000..];
}

/// <summary>
/// Runs a process and measures it as a whole. Peak memory comes from GNU time (<c>/usr/bin/time -v</c>, "Maximum resident
/// set size") when it is installed; otherwise the process's peak working set is polled every 10 ms (may miss a short peak).
/// </summary>
public static partial class ProcessRunner
{
    private const string GnuTime = "/usr/bin/time";

    public static bool HasGnuTime { get; } = OperatingSystem.IsLinux() && File.Exists(GnuTime);

    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null, bool measureMemory = false)
    {
        var timeOutput = measureMemory && HasGnuTime ? Path.GetTempFileName() : null;
        var start = new ProcessStartInfo(timeOutput is null ? fileName : GnuTime)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (timeOutput is not null)
        {
            start.ArgumentList.Add("-v");
            start.ArgumentList.Add("-o");
            start.ArgumentList.Add(timeOutput);
            start.ArgumentList.Add(fileName);
        }
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long polledPeak = 0;
        if (measureMemory && timeOutput is null)
        {
            while (!process.WaitForExit(10))
            {
                try
                {
                    process.Refresh();
                    polledPeak = Math.Max(polledPeak, Math.Max(process.PeakWorkingSet64, process.WorkingSet64));
                }
                catch (InvalidOperationException) { break; }
            }
        }
        process.WaitForExit();
        clock.Stop();

        var peak = polledPeak;
        if (timeOutput is not null)
        {
            var report = File.ReadAllText(timeOutput);
            File.Delete(timeOutput);
            var match = MaxResident().Match(report);
            if (match.Success) peak = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * 1024;
        }
        return new ProcessResult(process.ExitCode, clock.Elapsed, peak, stdout.Result, stderr.Result);
    }

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): (\d+)")]
    private static partial Regex MaxResident();
}
