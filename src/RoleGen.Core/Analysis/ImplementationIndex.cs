using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace RoleGen.Core.Analysis;

/// <summary>
/// Answers "which source methods can run when this interface, abstract or virtual member is called":
/// every implementation and override declared in the compilation.
/// </summary>
public sealed class ImplementationIndex(Compilation compilation)
{
    private readonly Lazy<ImmutableArray<INamedTypeSymbol>> _types = new(() => AllSourceTypes(compilation.Assembly.GlobalNamespace).ToImmutableArray());
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<ISymbol>> _cache = new(SymbolEqualityComparer.Default);

    public ImmutableArray<INamedTypeSymbol> SourceTypes => _types.Value;

    public ImmutableArray<ISymbol> ImplementationsOf(ISymbol member) => _cache.GetOrAdd(member.OriginalDefinition, Find);

    private ImmutableArray<ISymbol> Find(ISymbol member)
    {
        var found = ImmutableArray.CreateBuilder<ISymbol>();
        if (member.ContainingType?.TypeKind == TypeKind.Interface)
        {
            foreach (var type in SourceTypes)
            {
                if (type.TypeKind is TypeKind.Interface) continue;
                if (!type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, member.ContainingType.OriginalDefinition))) continue;
                var implementation = type.FindImplementationForInterfaceMember(ConstructedIn(type, member) ?? member);
                if (implementation is not null) found.Add(implementation.OriginalDefinition);
            }
        }
        else if (member.IsAbstract || member.IsVirtual || member.IsOverride)
        {
            foreach (var type in SourceTypes)
            foreach (var candidate in type.GetMembers(member.Name))
                if (Overrides(candidate, member)) found.Add(candidate.OriginalDefinition);
        }
        return found.ToImmutable();
    }

    /// <summary>The interface member as seen through the type's constructed interface (generic interfaces).</summary>
    private static ISymbol? ConstructedIn(INamedTypeSymbol type, ISymbol member)
    {
        var constructed = type.AllInterfaces.FirstOrDefault(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, member.ContainingType.OriginalDefinition));
        return constructed?.GetMembers(member.Name).FirstOrDefault(m => SymbolEqualityComparer.Default.Equals(m.OriginalDefinition, member.OriginalDefinition));
    }

    private static bool Overrides(ISymbol candidate, ISymbol member)
    {
        for (var current = Overridden(candidate); current is not null; current = Overridden(current))
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, member.OriginalDefinition)) return true;
        return false;
    }

    private static ISymbol? Overridden(ISymbol symbol) => symbol switch
    {
        IMethodSymbol m => m.OverriddenMethod,
        IPropertySymbol p => p.OverriddenProperty,
        IEventSymbol e => e.OverriddenEvent,
        _ => null,
    };

    private static IEnumerable<INamedTypeSymbol> AllSourceTypes(INamespaceSymbol ns)
    {
        foreach (var member in ns.GetMembers())
        {
            if (member is INamespaceSymbol child)
                foreach (var type in AllSourceTypes(child)) yield return type;
            else if (member is INamedTypeSymbol type)
                foreach (var nested in WithNested(type)) yield return nested;
        }
    }

    private static IEnumerable<INamedTypeSymbol> WithNested(INamedTypeSymbol type)
    {
        yield return type;
        foreach (var nested in type.GetTypeMembers())
        foreach (var inner in WithNested(nested)) yield return inner;
    }
}
