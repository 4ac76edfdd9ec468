using System.Collections.Immutable;
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
        var analyzer = new ProjectAnalyzer(project, Clients, path => path.TrimStart('/'), Events.Value);
        return analyzer.Analyze(HandlerName.TryParse(handler)!, new SourceLocation("template.yaml", 1, 1));
    }

    /// <summary>Each call as "Client.Method(arg, arg)" with argument values in <see cref="ValueText"/> form.</summary>
    public static IEnumerable<string> Describe(this HandlerAnalysis analysis) =>
        analysis.Calls.Select(c => $"{c.ClientType}.{c.Method}(" + string.Join(", ", c.Arguments.Select(a => (a.Name is null ? "" : a.Name + ": ") + ValueText.Of(a.Value))) + ")");
}
