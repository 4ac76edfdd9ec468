using System.Collections.Immutable;

namespace RoleGen.Core.Templates;

/// <summary>
/// API Gateway v2 integrations (WebSocket APIs, HTTP APIs written in plain CloudFormation) that invoke a function.
/// SAM has no event type for a WebSocket route, so the integration is the only place the template ties the function
/// to its API. Each is an event source of type <see cref="EventType"/> with the integration's properties plus the
/// StageName of a stage of the same API (one source per stage), which mappings/events.yaml binds the request's
/// ApiId, DomainName and Stage to.
/// </summary>
internal sealed class ApiIntegrations(IReadOnlyList<CfnResource> resources)
{
    public const string EventType = "ApiGatewayV2Integration";

    private readonly List<CfnResource> _integrations =
        resources.Where(r => r.Type == "AWS::ApiGatewayV2::Integration" && r.Properties["IntegrationUri"] is not null).ToList();

    private readonly List<CfnResource> _stages =
        resources.Where(r => r.Type == "AWS::ApiGatewayV2::Stage" && r.Properties["StageName"] is not null).ToList();

    public IEnumerable<EventSourceSpec> Invoking(string logicalId)
    {
        foreach (var integration in _integrations)
        {
            if (!FunctionReference.Mentions(integration.Properties["IntegrationUri"]!, logicalId)) continue;
            var api = ApiKey(integration.Properties["ApiId"]);
            var stages = api is null ? [] : _stages.Where(s => ApiKey(s.Properties["ApiId"]) == api).ToList();
            if (stages.Count == 0)
                yield return new EventSourceSpec(integration.LogicalId, EventType, integration.Properties, integration.Span);
            foreach (var stage in stages)
                yield return new EventSourceSpec(integration.LogicalId, EventType, WithStage(integration.Properties, stage.Properties["StageName"]!), integration.Span);
        }
    }

    /// <summary>The API an ApiId names, comparable between resources: a Ref's target or a literal id.</summary>
    private static string? ApiKey(CfnNode? node) => node switch
    {
        CfnScalar literal => "id:" + literal.Value,
        CfnMapping mapping when mapping.AsIntrinsic() is ("Ref", CfnScalar target) => "ref:" + target.Value,
        _ => null,
    };

    private static CfnMapping WithStage(CfnMapping properties, CfnNode stageName) =>
        properties with { Entries = properties.Entries.Where(e => e.Key != "StageName").Append(new CfnEntry("StageName", stageName, stageName.Span)).ToImmutableArray() };
}
