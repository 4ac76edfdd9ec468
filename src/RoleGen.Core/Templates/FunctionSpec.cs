using System.Collections.Immutable;

namespace RoleGen.Core.Templates;

/// <summary>
/// One Lambda function as the template declares it, after <c>Globals.Function</c> has been merged in.
/// Values that may be intrinsics (<c>!Ref</c>, <c>!Sub</c>...) are kept as <see cref="CfnNode"/>s.
/// </summary>
public sealed record FunctionSpec(
    string LogicalId,
    string ResourceType,
    string? Handler,
    string? Runtime,
    string CodeDirectory,
    CfnNode? FunctionName,
    ImmutableSortedDictionary<string, CfnNode> Environment,
    ImmutableArray<EventSourceSpec> Events,
    CfnMapping Properties,
    TextSpan Span)
{
    /// <summary>SAM's <c>Metadata.BuildMethod</c> (<c>dotnet8</c>, <c>dotnet7</c> for native AOT on a <c>provided</c> runtime), when set.</summary>
    public string? BuildMethod { get; init; }

    /// <summary>The code is an S3 location or a packaged archive (<see cref="FunctionCode.IsElsewhere"/>), not a folder of this checkout.</summary>
    public bool CodeElsewhere { get; init; }

    /// <summary>The function's name when the template spells it as a literal; else null (CloudFormation generates it).</summary>
    public string? LiteralFunctionName => (FunctionName as CfnScalar)?.Value;
}

/// <summary>An event source of a function: a SAM <c>Events</c> entry or an <c>AWS::Lambda::EventSourceMapping</c>.</summary>
public sealed record EventSourceSpec(string Name, string Type, CfnMapping Properties, TextSpan Span);
