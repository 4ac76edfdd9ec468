using RoleGen.Core;
using RoleGen.Tests.Mappings;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// Runs the real pipeline on one function (logical id Fn, handler App::App.Handler::Run) with the given template
/// resources and C# source, and reads its role back as "action resource" lines (plus " if condition" when there is one).
/// </summary>
internal static class OneFunction
{
    public static readonly RoleGenKnowledge Knowledge = RoleGenKnowledge.Load(RealTable.Directory);

    /// <param name="bindAllCode">Bind all reached code instead of following what cannot lead to an SDK call by name.</param>
    /// <param name="parameters">The template's Parameters section, if any.</param>
    /// <param name="files">More files of the app, by path (src/App/appsettings.json).</param>
    public static FunctionReport Run(
        string resources, string code, string environment = "", bool bindAllCode = false, string parameters = "", IReadOnlyDictionary<string, string>? files = null)
    {
        var template = $"""
            Transform: AWS::Serverless-2016-10-31
            {(parameters.Length == 0 ? "" : "Parameters:\n" + Indent(parameters, 2))}
            Resources:
            {Indent(resources, 2)}
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: dotnet8
                  CodeUri: ./src/App/
                  Handler: App::App.Handler::Run
            {(environment.Length == 0 ? "" : "      Environment:\n        Variables:\n" + Indent(environment, 10))}
            """;
        using var app = new TempApp().With("template.yaml", template).WithProject("src/App", "App").With("src/App/Handler.cs", code);
        foreach (var (path, text) in files ?? new Dictionary<string, string>()) app.With(path, text);
        return new RoleGenerator(Knowledge, bindAllCode: bindAllCode).Generate(app.TemplatePath).Functions.Single();
    }

    /// <summary>Each action on each resource, without the logs every function gets.</summary>
    public static IReadOnlyList<string> Grants(this FunctionReport report) =>
        report.Statements
            .SelectMany(s => s.Actions.SelectMany(a => s.Resources.Select(r => $"{a} {r}" + (s.Condition is null ? "" : " if " + s.Condition.Key))))
            .Where(g => !g.StartsWith("logs:", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Trim('\n').Split('\n').Select(l => new string(' ', spaces) + l));
}
