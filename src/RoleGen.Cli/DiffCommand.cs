using System.CommandLine;
using RoleGen.Core;
using RoleGen.Core.Diff;
using RoleGen.Core.Emit;

namespace RoleGen.Cli;

/// <summary><c>rolegen diff</c>: what a change does to each function's role (permissions added and removed, new wildcards and findings).</summary>
public static class DiffCommand
{
    public static Command Create(Option<string?> mappingsOption)
    {
        var inputs = new DiffInputs();
        var format = new Option<string>("--format", "-f") { Description = "markdown: the pull-request comment; json: the machine-readable diff.", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong("markdown", "json");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file (atomically) instead of standard output." };
        var command = new Command("diff", "Compare the roles of the working tree with those of a git revision, or two JSON reports.") { format, output };
        inputs.AddTo(command);
        command.SetAction(parse =>
        {
            var result = inputs.Compute(parse, mappingsOption);
            var text = parse.GetValue(format) == "json" ? DiffJsonWriter.Write(result.Diff) : DiffMarkdownWriter.Write(result.Diff, result.Labels);
            if (parse.GetValue(output) is { } path) AtomicFile.Write(path, text);
            else Console.Out.Write(text);
            Console.Error.WriteLine($"rolegen: {DiffText.Headline(result.Diff)}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}

/// <summary>Where the two sides of a diff come from: <c>--template</c> + <c>--base</c>, or <c>--base-report</c> + <c>--head-report</c>.</summary>
internal sealed class DiffInputs
{
    public Option<string?> Template { get; } = new("--template", "-t") { Description = "The template in the working tree (the head side); with --base." };
    public Option<string?> Base { get; } = new("--base") { Description = "Git revision to compare with (branch, tag, commit, HEAD~1); read from git into a temporary folder." };
    public Option<string?> BaseReport { get; } = new("--base-report") { Description = "JSON report (generate --format json) of the base side; with --head-report." };
    public Option<string?> HeadReport { get; } = new("--head-report") { Description = "JSON report of the head side; with --base-report." };

    public void AddTo(Command command)
    {
        command.Options.Add(Template);
        command.Options.Add(Base);
        command.Options.Add(BaseReport);
        command.Options.Add(HeadReport);
        command.Validators.Add(result =>
        {
            bool Has(Option<string?> option) => result.GetResult(option) is not null;
            var git = Has(Template) || Has(Base);
            var reports = Has(BaseReport) || Has(HeadReport);
            if (git && reports) result.AddError("use either --template with --base, or --base-report with --head-report, not both.");
            else if (git && !(Has(Template) && Has(Base))) result.AddError("--template and --base go together: the template in the working tree and the git revision to compare it with.");
            else if (reports && !(Has(BaseReport) && Has(HeadReport))) result.AddError("--base-report and --head-report go together.");
            else if (!git && !reports) result.AddError("say what to compare: --template T --base REF, or --base-report A --head-report B.");
        });
    }

    public DiffResult Compute(ParseResult parse, Option<string?> mappings) =>
        parse.GetValue(Base) is { } revision
            ? PullRequestDiff.FromGit(RoleGenKnowledge.Load(parse.GetValue(mappings)), parse.GetValue(Template)!, revision)
            : PullRequestDiff.FromReports(parse.GetValue(BaseReport)!, parse.GetValue(HeadReport)!);
}
