using System.Text.RegularExpressions;

namespace RoleGen.Core.Workspace;

/// <summary>
/// SAM's makefile builds (<c>Metadata.BuildMethod: makefile</c>), the usual way to build a native AOT .NET function that
/// shares a sibling project: SAM runs the <c>build-&lt;LogicalId&gt;</c> target of the Makefile in CodeUri. When its recipe
/// runs <c>dotnet publish</c> (or build), the function is .NET and the project is the one that recipe builds.
/// </summary>
public static partial class MakefileBuild
{
    /// <summary>
    /// The .csproj the recipe names, else the folder it runs dotnet in (after its <c>cd</c>s); null when there is no
    /// Makefile, no target for the function, or a recipe that runs no dotnet.
    /// </summary>
    public static string? DotnetTarget(string codeDirectory, string logicalId)
    {
        var makefile = Path.Combine(codeDirectory, "Makefile");
        if (!File.Exists(makefile)) return null;
        var lines = File.ReadAllLines(makefile);
        var start = Array.FindIndex(lines, l => l.StartsWith($"build-{logicalId}:", StringComparison.Ordinal));
        if (start < 0) return null;
        var folder = codeDirectory;
        foreach (var line in lines.Skip(start + 1).TakeWhile(l => l.StartsWith('\t') || l.Trim().Length == 0))
        foreach (var command in line.Split(["&&", ";"], StringSplitOptions.TrimEntries))
        {
            if (ChangeDirectory().Match(command) is { Success: true } cd)
                folder = Path.GetFullPath(Path.Combine(folder, cd.Groups["dir"].Value));
            else if (DotnetBuild().Match(command) is { Success: true } dotnet)
                return dotnet.Groups["project"].Success ? Path.GetFullPath(Path.Combine(folder, dotnet.Groups["project"].Value)) : folder;
        }
        return null;
    }

    [GeneratedRegex(@"^cd\s+(?<dir>[^\s$()]+)$")]
    private static partial Regex ChangeDirectory();

    [GeneratedRegex(@"\bdotnet\s+(?:publish|build)\b(?:.*?\s(?<project>[^\s]+\.csproj)\b)?")]
    private static partial Regex DotnetBuild();
}
