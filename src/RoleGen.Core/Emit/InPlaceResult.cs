using System.Collections.Immutable;

namespace RoleGen.Core.Emit;

/// <summary>The patched template text, and the functions left as they were (with why).</summary>
public sealed record InPlaceResult(string Text, ImmutableArray<string> Updated, ImmutableArray<(string Function, string Why)> Skipped);
