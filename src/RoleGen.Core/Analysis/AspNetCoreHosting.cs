using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RoleGen.Core.Analysis;

/// <summary>
/// An ASP.NET Core application hosted in Lambda (Amazon.Lambda.AspNetCoreServer): the handler is the
/// <c>FunctionHandlerAsync</c> its entry point inherits from <c>APIGatewayProxyFunction</c> and friends, a package type
/// whose code is not in the sources. What runs is the application: the entry point's own methods (<c>Init</c>), the
/// startup class it names (<c>UseStartup&lt;Startup&gt;()</c>, or the base's type argument) with <c>ConfigureServices</c>
/// and <c>Configure</c>, and every controller action, any of which a request may reach.
/// </summary>
internal static class AspNetCoreHosting
{
    private static readonly ImmutableHashSet<string> EntryPointBases = ImmutableHashSet.Create(StringComparer.Ordinal,
        "APIGatewayProxyFunction", "APIGatewayHttpApiV2ProxyFunction", "ApplicationLoadBalancerFunction", "AbstractAspNetCoreFunction");

    private static readonly ImmutableHashSet<string> ControllerBases = ImmutableHashSet.Create(StringComparer.Ordinal, "ControllerBase", "Controller");

    public static bool IsEntryPoint(INamedTypeSymbol type) => BaseTypes(type).Any(b => EntryPointBases.Contains(b.Name));

    public static ImmutableArray<IMethodSymbol> EntryPoints(INamedTypeSymbol entryPoint, IEnumerable<INamedTypeSymbol> sourceTypes, Func<SyntaxTree, SemanticModel> model)
    {
        var startups = BaseTypes(entryPoint).Where(b => EntryPointBases.Contains(b.Name)).SelectMany(b => b.TypeArguments).OfType<INamedTypeSymbol>()
            .Concat(entryPoint.DeclaringSyntaxReferences
                .SelectMany(r => r.GetSyntax().DescendantNodes().OfType<GenericNameSyntax>())
                .Where(g => g.Identifier.ValueText == "UseStartup" && g.TypeArgumentList.Arguments.Count == 1)
                .Select(g => model(g.SyntaxTree).GetTypeInfo(g.TypeArgumentList.Arguments[0]).Type)
                .OfType<INamedTypeSymbol>())
            .Where(t => t.Locations.Any(l => l.IsInSource))
            .Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        return OwnCode(entryPoint)
            .Concat(startups.SelectMany(OwnCode))
            .Concat(ControllerActions(sourceTypes))
            .Distinct<IMethodSymbol>(SymbolEqualityComparer.Default)
            .ToImmutableArray();
    }

    /// <summary>Calls that route requests to controllers (minimal hosting's <c>app.MapControllers()</c>, or a startup's).</summary>
    private static readonly string[] ControllerRouting =
        ["MapControllers", "MapControllerRoute", "MapDefaultControllerRoute", "MapAreaControllerRoute", "UseMvc", "UseMvcWithDefaultRoute"];

    /// <summary>
    /// What an executable ASP.NET Core app (<c>AddAWSLambdaHosting</c>, minimal hosting) runs besides its entry point:
    /// the startup classes it names (<c>UseStartup&lt;Startup&gt;()</c>) and, when it routes to controllers, every
    /// controller action. Its own lambdas (<c>app.MapGet(...)</c>) are in the entry point's code already.
    /// </summary>
    public static IEnumerable<IMethodSymbol> HostedByProgram(Values.SyntaxIndex index, IEnumerable<INamedTypeSymbol> sourceTypes, Func<SyntaxTree, SemanticModel> model)
    {
        var startups = index.CallsNamed("UseStartup")
            .Select(call => (call as InvocationExpressionSyntax)?.Expression switch
            {
                MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments: [var type] } } => type,
                GenericNameSyntax { TypeArgumentList.Arguments: [var type] } => type,
                _ => null,
            })
            .OfType<TypeSyntax>()
            .Select(type => model(type.SyntaxTree).GetTypeInfo(type).Type)
            .OfType<INamedTypeSymbol>()
            .Where(t => t.Locations.Any(l => l.IsInSource))
            .Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default)
            .SelectMany(OwnCode);
        var routesToControllers = ControllerRouting.Any(name => index.CallsNamed(name).Any());
        return routesToControllers ? startups.Concat(ControllerActions(sourceTypes)) : startups;
    }

    private static IEnumerable<IMethodSymbol> ControllerActions(IEnumerable<INamedTypeSymbol> sourceTypes) =>
        sourceTypes
            .Where(t => !t.IsAbstract && (BaseTypes(t).Any(b => ControllerBases.Contains(b.Name)) ||
                                          t.GetAttributes().Any(a => a.AttributeClass?.Name is "ApiControllerAttribute" or "ApiController")))
            .SelectMany(c => c.GetMembers().OfType<IMethodSymbol>().Where(m => m is { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public, IsStatic: false }));

    /// <summary>A type's methods and constructors declared in source (the entry point's Init, a startup's ConfigureServices and Configure).</summary>
    private static IEnumerable<IMethodSymbol> OwnCode(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind is MethodKind.Ordinary or MethodKind.Constructor && !m.IsImplicitlyDeclared);

    private static IEnumerable<INamedTypeSymbol> BaseTypes(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType) yield return current;
    }
}
