using System.Diagnostics;
using RoleGen.Tests.Pipeline;

namespace RoleGen.Tests.Diff;

/// <summary>A <see cref="TempApp"/> that is also a git repository, committed with the git CLI (no global config needed).</summary>
internal sealed class GitRepo : IDisposable
{
    public TempApp App { get; } = new();

    public string Root => App.Root;

    public GitRepo() => Git("init", "-q", "-b", "main");

    public GitRepo With(string relativePath, string text)
    {
        App.With(relativePath, text);
        return this;
    }

    public GitRepo Delete(string relativePath)
    {
        File.Delete(Path.Combine(Root, relativePath));
        return this;
    }

    public GitRepo Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "-m", message);
        return this;
    }

    public string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var setting in new[] { "user.name=RoleGen Tests", "user.email=tests@example.com", "commit.gpgsign=false", "core.autocrlf=false" })
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(setting);
        }
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000)) { process.Kill(entireProcessTree: true); throw new TimeoutException($"git {string.Join(' ', arguments)} did not finish"); }
        if (process.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {stderr.Result}");
        return stdout.Result;
    }

    public void Dispose() => App.Dispose();
}

/// <summary>Expected files checked in beside these tests (read from the source tree, so a person edits them in one place).</summary>
internal static class Expected
{
    public static string PathOf(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "tests", "RoleGen.Tests", "Diff", "expected", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"expected file {name} not found above {AppContext.BaseDirectory}");
    }

    /// <summary>The expected text with line endings normalised (a checkout may have CRLF); nothing else is normalised.</summary>
    public static string Read(string name) => File.ReadAllText(PathOf(name)).Replace("\r\n", "\n");
}

/// <summary>Runs the built rolegen with extra environment variables (a token, a private temp folder).</summary>
internal static class RoleGenWithEnvironment
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static async Task<Result> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(System.IO.Path.Combine(AppContext.BaseDirectory, "rolegen.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment.Remove("GITHUB_TOKEN");
        foreach (var (name, value) in environment)
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw new TimeoutException("rolegen did not finish in 2 minutes"); }
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
