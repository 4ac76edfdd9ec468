using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RoleGen.Core.Analysis;

/// <summary>A call in reachable code whose target is not source code: a candidate SDK call.</summary>
public sealed record ExternalCall(InvocationExpressionSyntax Invocation, ISymbol Owner);

/// <summary>What the handler can reach: the members whose code may run (a hash set the walk hands over: the value resolver asks it for every candidate), and the calls out of the compilation they make.</summary>
public sealed record ReachableCode(IReadOnlySet<ISymbol> Members, ImmutableArray<ExternalCall> ExternalCalls)
{
    /// <summary>The dependency-injection registrations in the reached code.</summary>
    public DiRegistrations Registrations { get; init; } = DiRegistrations.Empty;

    public bool Contains(ISymbol? member) => member is not null && Members.Contains(member.OriginalDefinition);
}
