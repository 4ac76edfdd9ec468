using System.Collections.Immutable;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Permissions;

namespace RoleGen.Core.Diff;

/// <summary>A diff with the two reports it came from and where the template sits in the repository (when known).</summary>
public sealed record DiffResult(ReportDiff Diff, RoleGenReport Base, RoleGenReport Head, DiffLabels Labels, string? TemplateFolderInRepository);

/// <summary>
/// The two ways to get the sides of a diff, shared by <c>rolegen diff</c> and <c>rolegen comment github</c>:
/// the working tree against a git revision (both run through the same pipeline and mapping table, so only the code
/// and the template differ), or two JSON reports written earlier.
/// </summary>
public static class PullRequestDiff
{
    public static DiffResult FromGit(RoleGenKnowledge knowledge, string templatePath, string baseRevision)
    {
        var template = Path.GetFullPath(templatePath);
        if (!File.Exists(template)) throw new RoleGenInputException($"template {templatePath} does not exist.");
        var folder = Path.GetDirectoryName(template)!;
        var repository = GitRevisionTree.RepositoryRoot(folder);
        var folderInRepository = GitRevisionTree.PathInRepository(folder);

        var head = new RoleGenerator(knowledge).Generate(template);
        using var tree = GitRevisionTree.Extract(repository, baseRevision);
        var baseFolder = folderInRepository.Length == 0 ? tree.Root : Path.Combine(tree.Root, folderInRepository);
        var baseTemplate = Path.Combine(baseFolder, Path.GetFileName(template));
        RoleGenReport @base;
        if (!File.Exists(baseTemplate)) @base = new RoleGenReport(baseTemplate, [], []); // a new template: every function is added
        else
        {
            try { @base = new RoleGenerator(knowledge).Generate(baseTemplate); }
            catch (RoleGenInputException e) { throw new RoleGenInputException($"at base revision {baseRevision}: {e.Message}", e.Location, e.Code); }
            @base = Rebase(@base, tree.Root, repository);
        }
        return new DiffResult(ReportDiffer.Compare(@base, head), @base, head, new DiffLabels(baseRevision, "working tree"), folderInRepository);
    }

    public static DiffResult FromReports(string basePath, string headPath)
    {
        var @base = ReportJsonReader.ReadFile(basePath);
        var head = ReportJsonReader.ReadFile(headPath);
        return new DiffResult(ReportDiffer.Compare(@base, head), @base, head, new DiffLabels(Path.GetFileName(basePath), Path.GetFileName(headPath)), null);
    }

    /// <summary>Source outside the template's folder is reported with an absolute path: make the base's point into the working tree, like the head's.</summary>
    private static RoleGenReport Rebase(RoleGenReport report, string from, string to)
    {
        var fromPrefix = from.Replace('\\', '/').TrimEnd('/') + "/";
        var toPrefix = to.Replace('\\', '/').TrimEnd('/') + "/";
        string? Move(string? file) =>
            file is not null && file.StartsWith(fromPrefix, StringComparison.Ordinal) ? toPrefix + file[fromPrefix.Length..] : file;
        Reason MoveReason(Reason r) => r with { File = Move(r.File) };
        Finding MoveFinding(Finding f) => f with { File = Move(f.File) };
        return report with
        {
            Functions = report.Functions.Select(f => f with
            {
                Statements = f.Statements.Select(s => s with { Reasons = s.Reasons.Select(MoveReason).ToImmutableArray() }).ToImmutableArray(),
                Findings = f.Findings.Select(MoveFinding).ToImmutableArray(),
            }).ToImmutableArray(),
            Findings = report.Findings.Select(MoveFinding).ToImmutableArray(),
        };
    }
}
