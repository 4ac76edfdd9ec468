using System.ComponentModel;
using System.Diagnostics;
using System.Formats.Tar;
using System.Text;
using RoleGen.Core.Diagnostics;

namespace RoleGen.Core.Diff;

/// <summary>
/// The files of one git revision, extracted with <c>git archive</c> into a fresh temporary folder, which
/// <see cref="Dispose"/> deletes. The user's working tree, index and repository are only read.
/// </summary>
public sealed class GitRevisionTree : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private GitRevisionTree(string root, string commit) => (Root, Commit) = (root, commit);

    /// <summary>The temporary folder holding the revision's files (the repository root's contents).</summary>
    public string Root { get; }

    /// <summary>The full commit id the revision resolved to.</summary>
    public string Commit { get; }

    /// <summary>The top folder of the git working tree that holds <paramref name="directory"/>.</summary>
    public static string RepositoryRoot(string directory)
    {
        var (code, stdout, stderr) = Git(directory, "rev-parse", "--show-toplevel");
        if (code != 0) throw new RoleGenInputException($"{directory} is not inside a git working tree: {FirstLine(stderr)}");
        return Path.GetFullPath(stdout.Trim());
    }

    /// <summary>The path of <paramref name="directory"/> inside its repository, with forward slashes and no trailing slash ("" at the top).</summary>
    public static string PathInRepository(string directory)
    {
        var (code, stdout, stderr) = Git(directory, "rev-parse", "--show-prefix");
        if (code != 0) throw new RoleGenInputException($"{directory} is not inside a git working tree: {FirstLine(stderr)}");
        return stdout.Trim().TrimEnd('/');
    }

    /// <summary>Extracts <paramref name="revision"/> (a branch, tag, commit or expression like <c>HEAD~1</c>) of the repository at <paramref name="repositoryRoot"/>.</summary>
    public static GitRevisionTree Extract(string repositoryRoot, string revision)
    {
        if (string.IsNullOrWhiteSpace(revision) || revision.StartsWith('-') || revision.Any(char.IsControl))
            throw new RoleGenInputException($"'{revision}' is not a git revision.");
        var (code, stdout, stderr) = Git(repositoryRoot, "rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}");
        if (code != 0) throw new RoleGenInputException($"git revision '{revision}' does not exist in {repositoryRoot}{(stderr.Length > 0 ? ": " + FirstLine(stderr) : "")}. (In a shallow CI clone, fetch it first, e.g. actions/checkout with fetch-depth: 0.)");
        var commit = stdout.Trim();

        var root = Directory.CreateTempSubdirectory("rolegen-base-").FullName;
        try
        {
            var start = Start(repositoryRoot, "archive", "--format=tar", commit);
            using var process = StartChecked(start) ?? throw new RoleGenInputException("could not start git");
            var errors = process.StandardError.ReadToEndAsync();
            try
            {
                TarFile.ExtractToDirectory(process.StandardOutput.BaseStream, root, overwriteFiles: false);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                throw new RoleGenInputException($"could not extract revision '{revision}' with git archive: {e.Message}");
            }
            if (!process.WaitForExit(Timeout)) { process.Kill(entireProcessTree: true); throw new RoleGenInputException("git archive did not finish in 5 minutes."); }
            if (process.ExitCode != 0) throw new RoleGenInputException($"git archive {revision} failed: {FirstLine(errors.Result)}");
            return new GitRevisionTree(root, commit);
        }
        catch
        {
            TryDelete(root);
            throw;
        }
    }

    public void Dispose() => TryDelete(Root);

    private static void TryDelete(string folder)
    {
        try
        {
            if (!Directory.Exists(folder)) return;
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
                File.SetAttributes(file, FileAttributes.Normal); // read-only files (0444 in the archive) block deletion on Windows
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static (int Code, string Stdout, string Stderr) Git(string directory, params string[] arguments)
    {
        using var process = StartChecked(Start(directory, arguments)) ?? throw new RoleGenInputException("could not start git");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout)) { process.Kill(entireProcessTree: true); throw new RoleGenInputException($"git {arguments[0]} did not finish in 5 minutes."); }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static ProcessStartInfo Start(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["LC_ALL"] = "C";
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (!Directory.Exists(directory)) throw new RoleGenInputException($"folder {directory} does not exist.");
        return start;
    }

    private static Process? StartChecked(ProcessStartInfo start)
    {
        try { return Process.Start(start); }
        catch (Win32Exception) { throw new RoleGenInputException("git is not installed or not on PATH; --base needs it (or use --base-report/--head-report)."); }
    }

    private static string FirstLine(string text) => text.Trim().Split('\n')[0].Trim();
}
