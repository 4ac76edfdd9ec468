using System.Collections.Immutable;
using RoleGen.Core.Diagnostics;

namespace RoleGen.Core.Analysis;

/// <summary>What one handler's code does with AWS: every SDK call it can reach, and what stopped the analysis.</summary>
public sealed record HandlerAnalysis(ImmutableArray<SdkCall> Calls, ImmutableArray<Finding> Findings)
{
    /// <summary>
    /// The source files (full paths, ordinal order) whose code the analysis read beyond declarations: every file declaring
    /// a type whose members the handler reaches (their bodies and initializers), and every file a reported location is in;
    /// every file of the project when the analysis asked a question of all code (where an injected client's carried value is set).
    /// A change to any other file that leaves all declarations as they were cannot change this analysis: the report cache
    /// relies on it to analyse again only the functions a changed file touches.
    /// </summary>
    public ImmutableArray<string> SourceFiles { get; init; } = [];

    /// <summary>The simple type names of the handler's parameters (its event type among them: SQSEvent, KinesisEvent...).</summary>
    public ImmutableArray<string> ParameterTypes { get; init; } = [];
}
