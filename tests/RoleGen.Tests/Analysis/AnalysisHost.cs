using System.Collections.Immutable;
using FluentAssertions;
using RoleGen.Core.Analysis;
using RoleGen.Core.Analysis.Events;
using RoleGen.Core.Analysis.Values;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Workspace;
using RoleGen.Tests.Mappings;

namespace RoleGen.Tests.Analysis;

/// <summary>Runs the analysis stage on inline C# sources, without the AWS SDK referenced (names only).</summary>
internal static class AnalysisHost
{
    public static readonly SdkClientTypes Clients = new(new Dictionary<string, string>
    {
        ["IAmazonS3"] = "Amazon.S3", ["AmazonS3Client"] = "Amazon.S3",
        ["IAmazonDynamoDB"] = "Amazon.DynamoDBv2", ["AmazonDynamoDBClient"] = "Amazon.DynamoDBv2",
        ["IAmazonSQS"] = "Amazon.SQS", ["AmazonSQSClient"] = "Amazon.SQS",
        ["IAmazonSimpleNotificationService"] = "Amazon.SimpleNotificationService",
    }.ToImmutableDictionary());

    private static readonly Lazy<EventModel> Events = new(() => EventModelLoader.Load(Path.Combine(RealTable.Directory, EventModelLoader.FileName)));

    public static HandlerAnalysis Analyze(string handler, params string[] sources)
    {
        var files = sources.Select((text, i) => ($"/src/File{i}.cs", text));
        var project = new CompilationFactory().FromSources("App", files);
        var analysis = Analyze(handler, project, bindAllCode: false);
        // Every analysis test also checks that following code that cannot reach an SDK call by name changes nothing.
        var bound = Analyze(handler, new CompilationFactory().FromSources("App", files), bindAllCode: true);
        Summary(analysis).Should().Equal(Summary(bound), "binding all reached code must find the same calls, values and findings");
        return analysis;
    }

    private static HandlerAnalysis Analyze(string handler, ProjectCompilation project, bool bindAllCode) =>
        new ProjectAnalyzer(project, Clients, path => path.TrimStart('/'), Events.Value, bindAllCode)
            .Analyze(HandlerName.TryParse(handler)!, new SourceLocation("template.yaml", 1, 1));

    private static IEnumerable<string> Summary(HandlerAnalysis analysis) =>
        analysis.Describe()
            .Concat(analysis.Calls.Select(c => $"{c.Location} {c.Receiver?.Method} {string.Join(",", c.CarriedSetElsewhere.Keys)}"))
            .Concat(analysis.Findings.Select(f => f.ToString()));

    /// <summary>Each call as "Client.Method(arg, arg)" with argument values in <see cref="ValueText"/> form.</summary>
    public static IEnumerable<string> Describe(this HandlerAnalysis analysis) =>
        analysis.Calls.Select(c => $"{c.ClientType}.{c.Method}(" + string.Join(", ", c.Arguments.Select(a => (a.Name is null ? "" : a.Name + ": ") + ValueText.Of(a.Value))) + ")");
}
