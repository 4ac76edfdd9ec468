using System.Collections.Immutable;

namespace RoleGen.Core.Analysis;

/// <summary>
/// The .NET types whose method calls are SDK calls (from the mapping table): simple type name to namespace.
/// Types resolve by full name where the SDK is referenced, and by simple name where it is not.
/// </summary>
public sealed record SdkClientTypes(ImmutableDictionary<string, string> NamespaceByType)
{
    public bool Matches(string simpleName, string? resolvedNamespace) =>
        NamespaceByType.TryGetValue(simpleName, out var ns) && (resolvedNamespace is null || resolvedNamespace == ns);
}
