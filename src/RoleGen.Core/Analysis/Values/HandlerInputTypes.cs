using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace RoleGen.Core.Analysis.Values;

/// <summary>
/// The types whose instances arrive as data: a handler's input (its parameters' types) or what code deserializes,
/// and, through their properties, fields, element types and type arguments, every type nested in them. A
/// serializer sets their members, so code never does; findings say so instead of "never set".
/// </summary>
internal static class HandlerInputTypes
{
    public static ImmutableHashSet<ITypeSymbol> Of(IEnumerable<IMethodSymbol> entryMethods) =>
        Nested(entryMethods.SelectMany(m => m.Parameters).Select(p => p.Type));

    /// <summary>The types and every type nested in them.</summary>
    public static ImmutableHashSet<ITypeSymbol> Nested(IEnumerable<ITypeSymbol> roots)
    {
        var found = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<ITypeSymbol>(roots);
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (type is IArrayTypeSymbol array) { pending.Push(array.ElementType); continue; }
            if (type is not INamedTypeSymbol named || !found.Add(named.OriginalDefinition)) continue;
            foreach (var argument in named.TypeArguments) pending.Push(argument);
            if (!named.Locations.Any(l => l.IsInSource)) continue; // library types: only their type arguments matter
            if (named.BaseType is { } baseType) pending.Push(baseType);
            foreach (var member in named.GetMembers().Where(m => !m.IsStatic))
            {
                if (member is IPropertySymbol property) pending.Push(property.Type);
                else if (member is IFieldSymbol { IsImplicitlyDeclared: false } field) pending.Push(field.Type);
            }
        }
        return found.ToImmutableHashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
    }
}
