using System.Collections.Immutable;
using RoleGen.Core.Diagnostics;

namespace RoleGen.Core.Analysis;

/// <summary>What one handler's code does with AWS: every SDK call it can reach, and what stopped the analysis.</summary>
public sealed record HandlerAnalysis(ImmutableArray<SdkCall> Calls, ImmutableArray<Finding> Findings);
