using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RoleGen.Core.Analysis.Values;

namespace RoleGen.Core.Analysis;

/// <summary>The region a client was built for: its construction, or the config it was given.</summary>
public sealed partial class SdkCallFinder
{
    /// <summary>
    /// The region the receiver client was built for, when every construction of it the code shows pins the same one:
    /// <c>new AmazonS3Client(RegionEndpoint.USEast1)</c>, <c>RegionEndpoint.GetBySystemName("eu-west-1")</c>, also inside a
    /// client config's initializer. Null otherwise (the stack's region).
    /// </summary>
    private Value? ClientRegion(SemanticModel model, ExpressionSyntax receiver)
    {
        var expression = Unwrap(receiver);
        var symbol = model.GetSymbolInfo(expression).Symbol;
        List<ExpressionSyntax> sources = expression is BaseObjectCreationExpressionSyntax creation
            ? [creation]
            : symbol is ILocalSymbol or IFieldSymbol or IPropertySymbol ? Sources(symbol).Select(Unwrap).ToList() : [];
        if (sources.Count > 0 && sources.All(s => s is BaseObjectCreationExpressionSyntax))
            return Agreed(sources.Select(s => RegionOf((BaseObjectCreationExpressionSyntax)s)).ToList());
        // Handed in (a constructor or method parameter, a field set from one): the clients its callers built. Only where
        // some code names a region at all, and once per receiver: following values is the costly part of a run.
        if (!values.ProjectMayPinClientRegion || HandedIn(model, receiver) is not ({ } handed, { } client)) return null;
        if (!_handedInRegions.TryGetValue(handed, out var region))
            _handedInRegions[handed] = region = RegionOfHandedIn(handed, client);
        return region;
    }

    private Value? RegionOfHandedIn(ISymbol symbol, Value client)
    {
        if (client is ObjectValue or OneOfValue) return RegionOfClient(client);
        // Built by the container (services.AddAWSService<IAmazonS3>(options)): the options' region.
        var type = symbol switch { IFieldSymbol f => f.Type, IPropertySymbol p => p.Type, IParameterSymbol p => p.Type, ILocalSymbol l => l.Type, _ => null };
        if (type is null || values.ContainerClientOptions(type.Name) is not { } options) return null;
        return Agreed(options.Select(o => o is ObjectValue { Properties: var set } && set.GetValueOrDefault("Region") is { } endpoint ? RegionOfEndpoint(endpoint) : null).ToList());
    }

    private readonly Dictionary<ISymbol, Value?> _handedInRegions = new(SymbolEqualityComparer.Default);

    /// <summary>The one region every construction pins; null when one pins none or they differ (the stack's region).</summary>
    private static Value? Agreed(IReadOnlyList<Value?> regions) =>
        regions.Count > 0 && regions[0] is { } first && regions.All(r => r is not null && ValueText.Of(r) == ValueText.Of(first)) ? first : null;

    /// <summary>
    /// The region of a client as a value: <c>new AmazonS3Client(RegionEndpoint.USWest2)</c> (positional arguments of an SDK
    /// constructor), or a config holding <c>RegionEndpoint</c>; each possible client must pin the same one.
    /// </summary>
    private Value? RegionOfClient(Value client) => client switch
    {
        OneOfValue oneOf => Agreed(oneOf.Options.Where(o => o is not NullValue).Select(RegionOfClient).ToList()),
        ObjectValue made when clients.IsClient(made.TypeName, null) => made.Arguments.Select(RegionOfEndpoint).FirstOrDefault(r => r is not null)
            ?? made.Arguments.OfType<ObjectValue>().Select(config => config.Properties.GetValueOrDefault("RegionEndpoint") is { } endpoint ? RegionOfEndpoint(endpoint) : null).FirstOrDefault(r => r is not null)
            // new DynamoDBContext(client): the client's region.
            ?? made.Arguments.OfType<ObjectValue>().Where(inner => clients.IsClient(inner.TypeName, null)).Select(RegionOfClient).FirstOrDefault(r => r is not null),
        _ => null,
    };

    /// <summary>A RegionEndpoint value's region: <c>RegionEndpoint.USWest2</c>, or one made by <c>GetBySystemName</c>.</summary>
    private Value? RegionOfEndpoint(Value endpoint) => endpoint switch
    {
        NamedConstantValue { Type: "RegionEndpoint" } field => new LiteralValue(clients.OtherClients.RegionOf(field.Member)),
        ObjectValue { TypeName: "RegionEndpoint" } made => made.Properties.GetValueOrDefault("SystemName"),
        _ => null,
    };

    private Value? RegionOf(BaseObjectCreationExpressionSyntax creation, bool followArguments = true)
    {
        if (RegionIn(creation) is { } own) return own;
        if (!followArguments || creation.ArgumentList is not { } list) return null;
        // new AmazonS3Client(config), the config built elsewhere: by its initializer, or set up after it (config.RegionEndpoint = ...).
        foreach (var argument in list.Arguments)
        {
            var held = project.Model(argument.SyntaxTree).GetSymbolInfo(argument.Expression).Symbol;
            if (held is not (ILocalSymbol or IFieldSymbol or IPropertySymbol)) continue;
            foreach (var source in Sources(held).Select(Unwrap))
                if (source is BaseObjectCreationExpressionSyntax made && RegionOf(made, followArguments: false) is { } region) return region;
            foreach (var assigned in MemberAssignments(held, "RegionEndpoint"))
                if (RegionIn(assigned) is { } region) return region;
        }
        // A region kept in a local or field (var region = RegionEndpoint.USEast1; new AmazonLambdaClient(region), or
        // RegionEndpoint = region in the config's initializer): the construction followed as a value.
        return values.ProjectMayPinClientRegion ? RegionOfClient(values.Resolve(creation)) : null;
    }

    /// <summary>The region the first RegionEndpoint field or GetBySystemName call in the node names.</summary>
    private Value? RegionIn(SyntaxNode root) =>
        root.DescendantNodesAndSelf().OfType<ExpressionSyntax>()
            .Where(node => node is InvocationExpressionSyntax or MemberAccessExpressionSyntax)
            .Select(values.RegionName)
            .FirstOrDefault(region => region is not null);
}
