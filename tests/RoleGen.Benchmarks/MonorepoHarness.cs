using System.Globalization;
using System.Text;

namespace RoleGen.Benchmarks;

/// <summary>
/// <c>monorepo</c>: for each size, generates the monorepo in a work folder, restores and builds it once, then measures
/// (1) <c>rolegen generate</c> as a whole process (built CLI dll, <c>--no-cache</c>, after one untimed warm-up run): median
/// wall time over several runs and peak resident memory; (2) <c>dotnet build --no-restore</c> of the same solution after a
/// <c>dotnet clean</c>: median over several runs (build servers stay warm, as on a developer's machine), alternating with
/// the runs of (1); (3) a re-run of
/// rolegen with its cache after one file changed (median), and with nothing changed. Prints a markdown table and writes it
/// to results.md in the work folder.
/// </summary>
internal sealed class MonorepoHarness(Options options)
{
    private readonly int[] _sizes = options.Get("sizes", "10,100,1000").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
    private readonly int _runs = int.Parse(options.Get("runs", "5"), CultureInfo.InvariantCulture);
    private readonly int _buildRuns = int.Parse(options.Get("build-runs", "3"), CultureInfo.InvariantCulture);
    private readonly string _work = Path.GetFullPath(options.Get("work", Path.Combine(Path.GetTempPath(), "rolegen-bench")));
    private readonly string _repository = RepositoryRoot.Find();

    // --cli times another build of the CLI (a ReadyToRun publish, say) instead of the Release build this command makes.
    private string RoleGenDll => options.Has("cli") ? Path.GetFullPath(options.Get("cli", "")) : Path.Combine(_repository, "src", "RoleGen.Cli", "bin", "Release", "net8.0", "rolegen.dll");

    public sealed record Row(int Size, int Functions, int Projects, int Lines, double RoleGenSeconds, double PeakMegabytes,
        double BuildSeconds, double BodyEditSeconds, double DeclarationEditSeconds, double CachedSeconds, bool CacheIdentical,
        double ServerBodyEditSeconds, double ServerCachedSeconds)
    {
        public double PerFunctionMs => RoleGenSeconds * 1000 / Functions;
        public double RatioPercent => BuildSeconds > 0 ? RoleGenSeconds / BuildSeconds * 100 : double.NaN;
    }

    public int Run()
    {
        Directory.CreateDirectory(_work);
        if (!options.Has("no-build") && !options.Has("cli"))
        {
            Log("building the RoleGen CLI (Release)");
            Dotnet(_repository, "build", Path.Combine("src", "RoleGen.Cli", "RoleGen.Cli.csproj"), "-c", "Release", "-nologo", "-v:q").EnsureSuccess("building RoleGen");
        }
        if (!File.Exists(RoleGenDll)) throw new FileNotFoundException("build the CLI first (dotnet build src/RoleGen.Cli -c Release)", RoleGenDll);

        var rows = new List<Row>();
        foreach (var size in _sizes) rows.Add(Measure(size));

        var table = Table(rows);
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        var notes = $"""

            {Environment.ProcessorCount} cores, load average now {load}; rolegen runs: {_runs} (median, --no-cache, after 1 warm-up), builds: {_buildRuns} (median of `dotnet clean` + `dotnet build --no-restore`, alternating with the rolegen runs).
            Peak = max resident set size of the rolegen process ({(ProcessRunner.HasGnuTime ? "/usr/bin/time -v" : "polled working set")}). Re-runs = rolegen with its cache after one file of one project changed (median): a statement added to a method body, or a new type; cached = nothing changed. --server: the same runs answered by a warm RoleGen server (the whole client process timed).

            """;
        Console.WriteLine();
        Console.WriteLine(table + notes);
        File.WriteAllText(Path.Combine(_work, "results.md"), table + notes);
        if (!options.Has("keep"))
            foreach (var size in _sizes) TryDelete(Path.Combine(_work, $"monorepo-{size}"));
        return rows.All(r => r.CacheIdentical) ? 0 : 1;
    }

    private Row Measure(int size)
    {
        var root = Path.Combine(_work, $"monorepo-{size}");
        TryDelete(root);
        var generator = new MonorepoGenerator(size);
        generator.Write(root);
        var lines = CountLines(root);
        Log($"{size}: {generator.ProjectCount} projects, {lines} lines of C# in {root}");

        Log($"{size}: restore{(_buildRuns > 0 ? " + first build" : "")}");
        Dotnet(root, "restore", MonorepoGenerator.SolutionFileName, "-nologo", "-v:q").EnsureSuccess("dotnet restore");
        if (_buildRuns > 0) Dotnet(root, "build", MonorepoGenerator.SolutionFileName, "--no-restore", "-nologo", "-v:q").EnsureSuccess("dotnet build");

        var output = Path.Combine(root, "out");
        Directory.CreateDirectory(output);
        var cache = Path.Combine(root, "rolegen-cache");
        var environment = new Dictionary<string, string> { ["ROLEGEN_CACHE_DIR"] = cache };
        ProcessResult RoleGen(string outputFile, bool useCache) =>
            ProcessRunner.Run("dotnet", [RoleGenDll, "generate", "--template", MonorepoGenerator.TemplateFileName, "--format", "json", "--output", outputFile, .. useCache ? Array.Empty<string>() : ["--no-cache"]],
                root, environment, measureMemory: true).EnsureSuccess("rolegen generate");

        // Builds and RoleGen runs alternate: this machine's speed drifts by a quarter over minutes, and the ratio must
        // compare the two under the same conditions.
        RoleGen(Path.Combine(output, "warmup.json"), useCache: false);
        var builds = new List<double>();
        var runs = new List<ProcessResult>();
        for (var i = 0; i < Math.Max(_runs, _buildRuns); i++)
        {
            if (i < _buildRuns)
            {
                Dotnet(root, "clean", MonorepoGenerator.SolutionFileName, "-nologo", "-v:q").EnsureSuccess("dotnet clean");
                var build = Dotnet(root, "build", MonorepoGenerator.SolutionFileName, "--no-restore", "-nologo", "-v:q").EnsureSuccess("dotnet build");
                builds.Add(build.Elapsed.TotalSeconds);
                Log($"{size}: build {build.Elapsed.TotalSeconds:F2} s");
            }
            if (i < _runs)
            {
                runs.Add(RoleGen(Path.Combine(output, "uncached.json"), useCache: false));
                Log($"{size}: rolegen {runs[^1].Elapsed.TotalSeconds:F2} s, {runs[^1].PeakBytes / 1048576.0:F0} MB");
            }
        }
        var reference = File.ReadAllBytes(Path.Combine(output, "uncached.json"));
        var identical = true;

        // Cache: a first run fills it; then runs with nothing changed, and runs after editing one file each time.
        TryDelete(cache);
        RoleGen(Path.Combine(output, "cache-fill.json"), useCache: true);
        identical &= File.ReadAllBytes(Path.Combine(output, "cache-fill.json")).AsSpan().SequenceEqual(reference);
        var cached = new List<double>();
        for (var i = 0; i < _runs; i++)
        {
            cached.Add(RoleGen(Path.Combine(output, "cached.json"), useCache: true).Elapsed.TotalSeconds);
            identical &= File.ReadAllBytes(Path.Combine(output, "cached.json")).AsSpan().SequenceEqual(reference);
        }
        // Re-runs after real code changes that keep the roles as they are, in one file of the first project: an edit inside
        // a method body (only the functions that reach that code are analysed again), and a new type (a declaration
        // change: every function of that project is analysed again).
        var changed = MonorepoGenerator.OneFileToChange(root);
        var bodyEdits = new List<double>();
        for (var i = 0; i < _runs; i++)
        {
            File.WriteAllText(changed, MonorepoGenerator.WithStatementInFirstMethod(File.ReadAllText(changed), $"System.Diagnostics.Debug.WriteLine(\"benchmark edit {i}\");"));
            bodyEdits.Add(RoleGen(Path.Combine(output, "rerun.json"), useCache: true).Elapsed.TotalSeconds);
        }
        // The edit moves the lines below it, so the reports' source lines move too: compare with an uncached run now.
        RoleGen(Path.Combine(output, "edited-uncached.json"), useCache: false);
        identical &= File.ReadAllBytes(Path.Combine(output, "rerun.json")).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(output, "edited-uncached.json")));
        var declarationEdits = new List<double>();
        for (var i = 0; i < _runs; i++)
        {
            File.AppendAllText(changed, $"\ninternal static class BenchmarkEdit{i}\n{{\n    public static int Revision => {i};\n}}\n");
            declarationEdits.Add(RoleGen(Path.Combine(output, "rerun.json"), useCache: true).Elapsed.TotalSeconds);
            identical &= File.ReadAllBytes(Path.Combine(output, "rerun.json")).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(output, "edited-uncached.json")));
        }
        Log($"{size}: re-run after a body edit {Median(bodyEdits):F2} s, after a declaration edit {Median(declarationEdits):F2} s, nothing changed {Median(cached):F2} s, cached output identical: {identical}");

        // With --server (the MSBuild default on a developer machine): the first run starts the server and answers itself;
        // one edit warms the server's analysis code up; then edits and unchanged runs are answered by the warm server.
        ProcessResult Served(string outputFile) =>
            ProcessRunner.Run("dotnet", [RoleGenDll, "generate", "--server", "--template", MonorepoGenerator.TemplateFileName, "--format", "json", "--output", outputFile], root, environment)
                .EnsureSuccess("rolegen generate --server");
        var servedEdits = new List<double>();
        var servedUnchanged = new List<double>();
        try
        {
            Served(Path.Combine(output, "served.json"));
            WaitForServer();
            for (var i = -1; i < _runs; i++)
            {
                File.WriteAllText(changed, MonorepoGenerator.WithStatementInFirstMethod(File.ReadAllText(changed), $"System.Diagnostics.Debug.WriteLine(\"served edit {i}\");"));
                var elapsed = Served(Path.Combine(output, "served.json")).Elapsed.TotalSeconds;
                if (i >= 0) servedEdits.Add(elapsed);
            }
            for (var i = 0; i < _runs; i++) servedUnchanged.Add(Served(Path.Combine(output, "served.json")).Elapsed.TotalSeconds);
        }
        finally
        {
            ProcessRunner.Run("dotnet", [RoleGenDll, "server", "--shutdown"], root);
        }
        RoleGen(Path.Combine(output, "edited-uncached.json"), useCache: false);
        identical &= File.ReadAllBytes(Path.Combine(output, "served.json")).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(output, "edited-uncached.json")));
        Log($"{size}: with --server, re-run after a body edit {Median(servedEdits):F2} s, nothing changed {Median(servedUnchanged):F2} s, output identical: {identical}");

        return new Row(size, size, generator.ProjectCount, lines, Median(runs.Select(r => r.Elapsed.TotalSeconds)),
            runs.Max(r => r.PeakBytes) / 1048576.0, Median(builds), Median(bodyEdits), Median(declarationEdits), Median(cached), identical,
            Median(servedEdits), Median(servedUnchanged));
    }

    /// <summary>The first --server run starts the server in the background: wait until its pipe exists (10 s at most).</summary>
    private void WaitForServer()
    {
        var socket = Path.Combine(Path.GetTempPath(), "CoreFxPipe_" + RoleGen.Cli.Server.ServerProtocol.PipeName(RoleGenDll));
        for (var attempt = 0; attempt < 100 && !OperatingSystem.IsWindows() && !File.Exists(socket); attempt++) Thread.Sleep(100);
    }

    public static string Table(IEnumerable<Row> rows)
    {
        var t = new StringBuilder();
        t.AppendLine("| size | functions | projects | C# lines | RoleGen median s | per-function ms | peak MB | build median s | ratio % | re-run s (body edit) | re-run s (new type) | cached s (no change) | --server re-run s (body edit) | --server s (no change) |");
        t.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in rows)
            t.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Size} | {r.Functions} | {r.Projects} | {r.Lines} | {r.RoleGenSeconds:F2} | {r.PerFunctionMs:F1} | {r.PeakMegabytes:F0} | {r.BuildSeconds:F2} | {r.RatioPercent:F1} | {r.BodyEditSeconds:F2} | {r.DeclarationEditSeconds:F2} | {r.CachedSeconds:F2}{(r.CacheIdentical ? "" : " (OUTPUT DIFFERS)")} | {r.ServerBodyEditSeconds:F2} | {r.ServerCachedSeconds:F2} |"));
        return t.ToString();
    }

    public static int CountLines(string root) =>
        Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Sum(f => File.ReadAllText(f).Count(c => c == '\n'));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static ProcessResult Dotnet(string directory, params string[] arguments) => ProcessRunner.Run("dotnet", arguments, directory);

    private static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

    private static void TryDelete(string path)
    {
        try { if (Directory.Exists(path)) Directory.Delete(path, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>The RoleGen checkout (the folder holding RoleGen.sln), from the current folder or the benchmark's own location.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
                if (File.Exists(Path.Combine(directory.FullName, "RoleGen.sln"))) return directory.FullName;
        throw new InvalidOperationException("RoleGen.sln not found above " + Environment.CurrentDirectory);
    }
}
