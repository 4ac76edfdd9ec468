using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace RoleGen.Core.Analysis;

/// <summary>
/// Library calls that run the project's handlers of their argument's type (mappings/sdk-clients.yaml
/// <c>dispatchers</c>): MediatR's <c>Send(new CreateOrder(...))</c> runs the <c>IRequestHandler&lt;CreateOrder, ...&gt;</c>
/// the container finds by scanning the assembly, which no code of the project constructs. Types are matched by name, so
/// that it works whether or not the library's package is restored.
/// </summary>
public sealed class CallbackDispatch(ImmutableDictionary<string, string> interfaceByMethod, ImplementationIndex types)
{
    public bool Dispatches(string? method) => method is not null && interfaceByMethod.ContainsKey(method);

    /// <summary>The source types handling <paramref name="requestType"/> for <paramref name="method"/>; every handler of its interface when the request's type is not known (null).</summary>
    public IEnumerable<INamedTypeSymbol> Handlers(string method, string? requestType)
    {
        if (!interfaceByMethod.TryGetValue(method, out var contract)) return [];
        return types.SourceTypes.Where(t => !t.IsAbstract && Contracts(t).Any(i =>
            i.Name == contract && i.TypeArguments.Length > 0 && (requestType is null || i.TypeArguments[0].Name == requestType)));
    }

    /// <summary>The type's interfaces and, where the library is not restored, the unresolved base Roslyn takes the first of them for.</summary>
    private static IEnumerable<INamedTypeSymbol> Contracts(INamedTypeSymbol type)
    {
        foreach (var contract in type.AllInterfaces) yield return contract;
        for (var current = type.BaseType; current is not null; current = current.BaseType)
            if (current is IErrorTypeSymbol) yield return current;
    }
}
