using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace RoleGen.Core.Analysis.Values;

/// <summary>
/// Where a value is being resolved: how many steps deep (calls, assignments), the values bound to the
/// parameters of the method being evaluated (when following a helper's return value), and the symbols
/// already on the path (so that <c>x = x + "a"</c> or mutual recursion ends).
/// </summary>
internal sealed record ResolveScope(int Depth, ImmutableDictionary<IParameterSymbol, Value> Parameters, ImmutableHashSet<ISymbol> Visiting)
{
    public const int MaxDepth = 8;

    public static ResolveScope Root { get; } = new(0,
        ImmutableDictionary.Create<IParameterSymbol, Value>(SymbolEqualityComparer.Default),
        ImmutableHashSet.Create<ISymbol>(SymbolEqualityComparer.Default));

    public bool TooDeep => Depth > MaxDepth;

    public ResolveScope Deeper() => this with { Depth = Depth + 1 };

    public ResolveScope Entering(ISymbol symbol) => this with { Depth = Depth + 1, Visiting = Visiting.Add(symbol.OriginalDefinition) };

    public bool IsVisiting(ISymbol symbol) => Visiting.Contains(symbol.OriginalDefinition);

    public ResolveScope WithParameters(ImmutableDictionary<IParameterSymbol, Value> parameters) => this with { Parameters = parameters };
}
