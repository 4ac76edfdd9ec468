using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace RoleGen.MSBuild;

/// <summary>
/// Runs <c>dotnet rolegen.dll &lt;Command&gt; --template &lt;Template&gt;</c> out of process and reports each finding it
/// prints as an MSBuild error, warning or message with its code, absolute file, line and column, so that it shows in
/// the IDE's error list. The gate (<see cref="FailOn"/>) is applied here, so that it works the same whether the command
/// is <c>generate</c> (which exits 1 when a function has an error finding) or <c>check</c> (which exits 1 when its own gate fails).
/// </summary>
public sealed class RunRoleGen : ToolTask
{
    private readonly List<string> _unparsed = new();
    private readonly List<string> _lines = new();
    private int _errors, _warnings;

    /// <summary>Path of rolegen.dll (the CLI published into the package's tools/cli folder).</summary>
    [Required] public string CliPath { get; set; } = "";

    /// <summary>The template RoleGen reads; findings' paths are relative to its folder.</summary>
    [Required] public string Template { get; set; } = "";

    /// <summary>The command and options before <c>--template</c>, as typed on a command line, e.g. <c>generate --format json --output "obj/rolegen/report.json"</c>.</summary>
    [Required] public string Command { get; set; } = "";

    /// <summary><c>error</c> (default): error findings fail the build; <c>warning</c>: warnings are reported as errors too; <c>none</c>: nothing fails the build, errors are reported as warnings.</summary>
    public string FailOn { get; set; } = "error";

    /// <summary>The dotnet host; default: <c>DOTNET_HOST_PATH</c> (set by the .NET SDK's MSBuild), else <c>dotnet</c> on PATH.</summary>
    public string? DotNetHostPath { get; set; }

    /// <summary>Importance of RoleGen's info findings and other output lines.</summary>
    public string InfoImportance { get; set; } = "normal";

    /// <summary>RoleGen's output is saved here after a run, and read back when <see cref="Replay"/> is set.</summary>
    public string? FindingsLog { get; set; }

    /// <summary>
    /// Do not run RoleGen: report the findings saved in <see cref="FindingsLog"/> by the last run. The targets do this
    /// when the run is skipped as up to date, so that warnings do not vanish on incremental builds.
    /// </summary>
    public bool Replay { get; set; }

    /// <summary>True when RoleGen was run (not replayed). An output only, so MSBuild does not infer it for a skipped target.</summary>
    [Output] public bool Ran { get; private set; }

    [Output] public int ErrorCount => _errors;
    [Output] public int WarningCount => _warnings;

    protected override string ToolName => "dotnet";

    protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.Normal;
    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.Normal;

    protected override string GenerateFullPathToTool()
    {
        if (!string.IsNullOrEmpty(DotNetHostPath)) return DotNetHostPath!;
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return string.IsNullOrEmpty(host) ? "dotnet" : host!;
    }

    protected override string GenerateCommandLineCommands()
    {
        var builder = new CommandLineBuilder();
        builder.AppendFileNameIfNotNull(CliPath);
        builder.AppendTextUnquoted(" " + Command.Trim());
        builder.AppendSwitchIfNotNull("--template ", Template);
        return builder.ToString();
    }

    protected override bool ValidateParameters()
    {
        if (FailOn is not ("error" or "warning" or "none"))
        {
            Log.LogError(null, "RG0003", null, null, 0, 0, 0, 0, $"RoleGenFailOn must be error, warning or none, not '{FailOn}'.");
            return false;
        }
        if (!File.Exists(CliPath))
        {
            Log.LogError(null, "RG0002", null, null, 0, 0, 0, 0, $"RoleGen CLI not found at {CliPath}.");
            return false;
        }
        return base.ValidateParameters();
    }

    public override bool Execute()
    {
        if (Replay)
        {
            if (FindingsLog is null || !File.Exists(FindingsLog)) return true;
            foreach (var line in File.ReadAllLines(FindingsLog))
                if (FindingLine.TryParse(line, TemplateDirectory) is not null) LogEventsFromTextOutput(line, MessageImportance.Normal);
            return !Log.HasLoggedErrors;
        }
        // A failing exit code is handled in HandleTaskExecutionErrors; the gate is decided on what was logged.
        base.Execute();
        Ran = true;
        if (FindingsLog is not null)
        {
            try { File.WriteAllLines(FindingsLog, _lines); }
            catch (IOException e) { Log.LogMessage(MessageImportance.Low, $"RoleGen: could not save {FindingsLog}: {e.Message}"); }
        }
        return !Log.HasLoggedErrors;
    }

    private string TemplateDirectory => Path.GetDirectoryName(Path.GetFullPath(Template)) ?? "";

    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        if (!Replay) _lines.Add(singleLine);
        var finding = FindingLine.TryParse(singleLine, TemplateDirectory);
        if (finding is null)
        {
            if (singleLine.Length > 0) _unparsed.Add(singleLine);
            Log.LogMessage(Importance, singleLine);
            return;
        }
        var severity = finding.Severity switch
        {
            "error" when FailOn == "none" => "warning",
            "warning" when FailOn == "warning" => "error",
            var s => s,
        };
        switch (severity)
        {
            case "error":
                _errors++;
                Log.LogError(null, finding.Code, null, finding.File, finding.Line, finding.Column, 0, 0, finding.Message);
                break;
            case "warning":
                _warnings++;
                Log.LogWarning(null, finding.Code, null, finding.File, finding.Line, finding.Column, 0, 0, finding.Message);
                break;
            default:
                Log.LogMessage(null, finding.Code, null, finding.File, finding.Line, finding.Column, 0, 0, Importance, finding.Message);
                break;
        }
    }

    protected override bool HandleTaskExecutionErrors()
    {
        // Findings logged as errors (ToolTask then reports exit code -1), `check`'s exit code 1 for findings that fail
        // its gate, or exit code 2 for a template it cannot read: reported above with their locations; no vaguer error.
        if (_errors > 0) return false;
        if (ExitCode == 1 && FailOn == "none") return true;
        var detail = _unparsed.Count > 0 ? ": " + string.Join(" ", _unparsed.Where(l => l.IndexOf("error", StringComparison.OrdinalIgnoreCase) >= 0).DefaultIfEmpty(_unparsed.Last())) : ".";
        var what = ExitCode == 2 ? "RoleGen could not read its input (exit code 2)" : $"RoleGen failed (exit code {ExitCode})";
        Log.LogError(null, ExitCode == 1 ? "RG0004" : "RG0002", null, Path.GetFullPath(Template), 0, 0, 0, 0, what + detail);
        return false;
    }

    private MessageImportance Importance => InfoImportance.ToLowerInvariant() switch
    {
        "high" => MessageImportance.High,
        "low" => MessageImportance.Low,
        _ => MessageImportance.Normal,
    };
}
