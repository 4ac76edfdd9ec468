using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RoleGen.Core.Analysis;

/// <summary>
/// One <c>IServiceCollection</c> registration: the service type, the implementation type when the registration
/// names it (<c>AddSingleton&lt;IFoo, Foo&gt;()</c>, <c>typeof</c> forms, the type a factory or instance builds), and the
/// factory lambda or instance expression that gives the object. Implementation null: the registration's object is
/// built by code whose type RoleGen cannot tell, so any implementation may run.
/// </summary>
public sealed record DiRegistration(ITypeSymbol Service, INamedTypeSymbol? Implementation, ExpressionSyntax? Provider, InvocationExpressionSyntax At);

/// <summary>Reads registrations from invocations (<c>services.AddScoped&lt;IFoo, Foo&gt;()</c> and the other forms).</summary>
public static class DiRegistrationReader
{
    private static readonly string[] Lifetimes = ["Singleton", "Scoped", "Transient"];

    /// <summary>Method names that register a service: Add/TryAdd/AddKeyed/TryAddKeyed + lifetime, and AddHttpClient.</summary>
    public static readonly ImmutableHashSet<string> MethodNames = Lifetimes
        .SelectMany(l => new[] { "Add" + l, "TryAdd" + l, "AddKeyed" + l, "TryAddKeyed" + l })
        .Append("AddHttpClient")
        .ToImmutableHashSet(StringComparer.Ordinal);

    public static bool IsRegistrationName(string? name) => name is not null && MethodNames.Contains(name);

    /// <summary>The registration an invocation makes, or null when it is not one (or its service type cannot be read).</summary>
    public static DiRegistration? Read(SemanticModel model, InvocationExpressionSyntax invocation)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax access) return null;
        var name = access.Name.Identifier.ValueText;
        if (!MethodNames.Contains(name)) return null;
        var receiverType = model.TypeOf(access.Expression);
        if (receiverType is not null and not IErrorTypeSymbol && !IsServiceCollection(receiverType)) return null;

        var keyed = name.Contains("Keyed", StringComparison.Ordinal);
        var arguments = invocation.ArgumentList.Arguments.Select(a => a.Expression).ToList();
        if (keyed && arguments.Count > 0 && access.Name is GenericNameSyntax) arguments.RemoveAt(0); // the key
        var typeArguments = (access.Name as GenericNameSyntax)?.TypeArgumentList.Arguments.Select(t => model.GetTypeInfo(t).Type).ToList() ?? [];

        // typeof forms: AddSingleton(typeof(IFoo), typeof(Foo)), AddSingleton(typeof(Foo)), AddKeyedSingleton(typeof(IFoo), key, typeof(Foo))
        var typeOfs = arguments.OfType<TypeOfExpressionSyntax>().Select(t => model.GetTypeInfo(t.Type).Type).ToList();
        if (typeArguments.Count == 0 && typeOfs.Count > 0)
        {
            var service = typeOfs[0];
            var implementationType = typeOfs.Count > 1 ? typeOfs[^1] as INamedTypeSymbol : service as INamedTypeSymbol;
            var provider = arguments.LastOrDefault(a => a is not TypeOfExpressionSyntax && a is AnonymousFunctionExpressionSyntax);
            return service is null ? null : new DiRegistration(service, provider is null ? Concrete(implementationType) : ProvidedType(model, provider), provider, invocation);
        }

        var instanceOrFactory = arguments.LastOrDefault(a => a is not LiteralExpressionSyntax);
        if (typeArguments.Count >= 2)
            return typeArguments[0] is { } service ? new DiRegistration(service, Concrete(typeArguments[1] as INamedTypeSymbol), instanceOrFactory, invocation) : null;
        if (typeArguments.Count == 1)
        {
            var service = typeArguments[0];
            if (service is null) return null;
            var implementation = instanceOrFactory is null ? Concrete(service as INamedTypeSymbol) : ProvidedType(model, instanceOrFactory);
            return new DiRegistration(service, implementation, instanceOrFactory, invocation);
        }
        if (instanceOrFactory is null) return null;
        // AddSingleton(instance) or AddSingleton(sp => ...): the service is the type the expression gives.
        var provided = ProvidedType(model, instanceOrFactory);
        if (provided is not null) return new DiRegistration(provided, provided, instanceOrFactory, invocation);
        // AddSingleton(new DynamoDBContextConfig { .. }) where the SDK is not restored: the instance's type by name.
        return instanceOrFactory is not AnonymousFunctionExpressionSyntax && model.GetTypeInfo(instanceOrFactory).Type is IErrorTypeSymbol { Name.Length: > 0 } unresolved
            ? new DiRegistration(unresolved, null, instanceOrFactory, invocation)
            : null;
    }

    /// <summary>The type a factory lambda returns or an instance expression has, when it is a concrete class.</summary>
    public static INamedTypeSymbol? ProvidedType(SemanticModel model, ExpressionSyntax provider)
    {
        var expression = provider switch
        {
            LambdaExpressionSyntax { ExpressionBody: { } body } => body,
            LambdaExpressionSyntax { Block: { } block } => block.DescendantNodes(n => n is not AnonymousFunctionExpressionSyntax).OfType<ReturnStatementSyntax>().FirstOrDefault()?.Expression,
            _ => provider,
        };
        if (expression is null) return null;
        var type = model.GetTypeInfo(expression).Type;
        return Concrete(type as INamedTypeSymbol);
    }

    /// <summary>
    /// <c>provider.GetRequiredService&lt;Exporter&gt;().ExportAsync()</c> (or through a <c>var</c> local) when the DI package is not
    /// referenced: the call does not bind, but the service type is written in the code; its methods of that name may run.
    /// </summary>
    public static ImmutableArray<ISymbol> ContainerService(SemanticModel model, InvocationExpressionSyntax invocation)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax access || GenericCallTypes.ContainerService(model, access.Expression) is not INamedTypeSymbol service) return [];
        var name = access.Name.Identifier.ValueText;
        var arity = invocation.ArgumentList.Arguments.Count;
        return [.. SelfBasesAndInterfaces(service).SelectMany(t => t.GetMembers(name)).OfType<IMethodSymbol>()
            .Where(m => m.MethodKind == MethodKind.Ordinary && GenericCallTypes.Accepts(m, arity))];
    }

    private static IEnumerable<INamedTypeSymbol> SelfBasesAndInterfaces(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType) yield return current;
        foreach (var implemented in type.AllInterfaces) yield return implemented;
    }

    private static INamedTypeSymbol? Concrete(INamedTypeSymbol? type) =>
        type is { TypeKind: TypeKind.Class or TypeKind.Struct, IsAbstract: false } and not IErrorTypeSymbol ? type : null;

    private static bool IsServiceCollection(ITypeSymbol type) =>
        type.Name is "IServiceCollection" or "ServiceCollection" || type.AllInterfaces.Any(i => i.Name == "IServiceCollection");
}

/// <summary>The registrations found in the code a handler reaches, by service type.</summary>
public sealed class DiRegistrations
{
    private readonly Dictionary<ITypeSymbol, List<DiRegistration>> _byService = new(SymbolEqualityComparer.Default);

    public static DiRegistrations Empty { get; } = new();

    public IReadOnlyCollection<DiRegistration> All => _byService.Values.SelectMany(r => r).ToList();

    /// <summary>Adds a registration; false when the same call was already seen.</summary>
    public bool Add(DiRegistration registration)
    {
        var key = registration.Service.OriginalDefinition;
        if (!_byService.TryGetValue(key, out var list)) _byService[key] = list = [];
        if (list.Any(r => r.At == registration.At)) return false;
        list.Add(registration);
        return true;
    }

    public IReadOnlyList<DiRegistration> For(ITypeSymbol service)
    {
        if (service is not IErrorTypeSymbol unresolved) return _byService.TryGetValue(service.OriginalDefinition, out var list) ? list : [];
        // A type that does not resolve (an SDK or library type, not restored) is a symbol of its own wherever it is written
        // (IAmazonDynamoDB, Amazon.DynamoDBv2.IAmazonDynamoDB): the same type by name.
        return _byService.Where(e => e.Key is IErrorTypeSymbol other && other.Name == unresolved.Name && other.Arity == unresolved.Arity)
            .SelectMany(e => e.Value).ToList();
    }

    /// <summary>
    /// The implementation types a call through <paramref name="service"/> can reach, or null when any implementation
    /// may run (the service is not registered, or one of its registrations builds an object of a type RoleGen cannot tell).
    /// </summary>
    public IReadOnlyList<INamedTypeSymbol>? ImplementationsOf(ITypeSymbol service)
    {
        var registrations = For(service);
        if (registrations.Count == 0 || registrations.Any(r => r.Implementation is null)) return null;
        return registrations.Select(r => r.Implementation!).ToList();
    }
}
