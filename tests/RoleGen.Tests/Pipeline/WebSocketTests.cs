using FluentAssertions;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// The API Gateway Management API through the real mapping table: posting to a WebSocket connection is
/// execute-api:ManageConnections on the @connections route of the API and stage the client's ServiceURL names.
/// </summary>
public class WebSocketTests
{
    private const string Api = "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:";

    [Theory]
    [InlineData("Environment.GetEnvironmentVariable(\"CALLBACK_URL\")", "PostToConnectionAsync(new PostToConnectionRequest { ConnectionId = id })", "${Chat}/prod/POST/@connections/*")]
    [InlineData("\"https://abc123.execute-api.eu-west-1.amazonaws.com/dev\"", "PostToConnectionAsync(new PostToConnectionRequest { ConnectionId = id })", "abc123/dev/POST/@connections/*")]
    [InlineData("\"https://abc123.execute-api.eu-west-1.amazonaws.com/dev/\"", "DeleteConnectionAsync(new DeleteConnectionRequest { ConnectionId = \"c1\" })", "abc123/dev/DELETE/@connections/c1")]
    [InlineData("Environment.GetEnvironmentVariable(\"ENDPOINT\") + \"/live\"", "GetConnectionAsync(new GetConnectionRequest { ConnectionId = id })", "${Chat}/live/GET/@connections/*")]
    public void A_connection_call_is_granted_on_the_API_and_stage_the_client_points_at(string serviceUrl, string call, string resource)
    {
        var report = Run(serviceUrl, call);

        report.Grants().Should().Equal($"execute-api:ManageConnections {Api}{resource}");
        report.Findings.Should().NotContain(f => f.Severity >= Severity.Warning);
    }

    [Fact]
    public void An_endpoint_made_from_the_event_at_run_time_is_any_API_and_stage_with_a_finding()
    {
        var report = Run("$\"https://{domain}/{stage}\"", "PostToConnectionAsync(new PostToConnectionRequest { ConnectionId = id })");

        report.Grants().Should().Equal($"execute-api:ManageConnections {Api}*/*/POST/@connections/*");
        report.Findings.Should().Contain(f => f.Code == FindingCodes.UnresolvedResource || f.Code == FindingCodes.PartiallyResolvedResource);
    }

    [Fact]
    public void A_client_handed_to_a_helper_keeps_the_endpoint_it_was_made_for()
    {
        var report = OneFunction.Run("", """
            using Amazon.ApiGatewayManagementApi;
            using Amazon.ApiGatewayManagementApi.Model;
            namespace App;
            public class Handler
            {
                public Task Run(string id)
                {
                    var client = new AmazonApiGatewayManagementApiClient(new AmazonApiGatewayManagementApiConfig { ServiceURL = "https://abc123.execute-api.eu-west-1.amazonaws.com/dev" });
                    return Send(client, id);
                }
                private static Task Send(AmazonApiGatewayManagementApiClient client, string id) =>
                    client.PostToConnectionAsync(new PostToConnectionRequest { ConnectionId = id });
            }
            """);

        report.Grants().Should().Equal($"execute-api:ManageConnections {Api}abc123/dev/POST/@connections/*");
    }

    /// <summary>The blueprint's shape: the endpoint from the request, the client made by a factory the runtime's constructor sets.</summary>
    private const string EventEndpointHandler = """
        using Amazon.ApiGatewayManagementApi;
        using Amazon.ApiGatewayManagementApi.Model;
        using Amazon.Lambda.APIGatewayEvents;
        namespace App;
        public class Handler
        {
            Func<string, IAmazonApiGatewayManagementApi> ClientFactory { get; }
            public Handler()
            {
                ClientFactory = (Func<string, AmazonApiGatewayManagementApiClient>)((endpoint) =>
                {
                    return new AmazonApiGatewayManagementApiClient(new AmazonApiGatewayManagementApiConfig { ServiceURL = endpoint });
                });
            }
            public Handler(Func<string, IAmazonApiGatewayManagementApi> factory) => ClientFactory = factory; // for tests
            public async Task<APIGatewayProxyResponse> Run(APIGatewayProxyRequest request)
            {
                var domainName = request.RequestContext.DomainName;
                var endpoint = $"https://{domainName}/{request.RequestContext.Stage}";
                var client = ClientFactory(endpoint);
                await client.PostToConnectionAsync(new PostToConnectionRequest { ConnectionId = request.Body });
                return new APIGatewayProxyResponse { StatusCode = 200 };
            }
        }
        """;

    [Theory]
    [InlineData("!Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations")]
    [InlineData("!Join ['', ['arn:', !Ref AWS::Partition, ':apigateway:', !Ref AWS::Region, ':lambda:path/2015-03-31/functions/', !GetAtt Fn.Arn, '/invocations']]")]
    [InlineData("!Sub\n  - arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Target}/invocations\n  - Target: !GetAtt Fn.Arn")]
    public void An_endpoint_made_from_the_request_is_the_API_that_invokes_the_function_and_its_stage(string integrationUri)
    {
        var report = OneFunction.Run(WebSocketApi(integrationUri.Replace("\\n", "\n"), ["prod"]), EventEndpointHandler);

        report.Grants().Should().Equal($"execute-api:ManageConnections {Api}${{Chat}}/prod/POST/@connections/*");
        report.Findings.Should().NotContain(f => f.Severity >= Severity.Warning);
    }

    [Fact]
    public void An_API_with_several_stages_gives_each_stage_the_function_may_be_invoked_through()
    {
        var report = OneFunction.Run(WebSocketApi("!Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations", ["dev", "prod"]), EventEndpointHandler);

        report.Grants().Should().Equal(
            $"execute-api:ManageConnections {Api}${{Chat}}/dev/POST/@connections/*",
            $"execute-api:ManageConnections {Api}${{Chat}}/prod/POST/@connections/*");
    }

    [Fact]
    public void An_endpoint_from_the_request_of_a_function_no_integration_invokes_stays_any_API_with_a_finding_that_says_so()
    {
        var report = OneFunction.Run(WebSocketApi("!Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Other.Arn}/invocations", ["prod"]), EventEndpointHandler);

        report.Grants().Should().Equal($"execute-api:ManageConnections {Api}*/*/POST/@connections/*");
        report.Findings.Should().Contain(f => f.Code == FindingCodes.UnresolvedResource && f.Message.Contains("the template declares no ApiGateway event source for Fn"));
    }

    private static string WebSocketApi(string integrationUri, string[] stages) => $"""
        Chat:
          Type: AWS::ApiGatewayV2::Api
          Properties:
            ProtocolType: WEBSOCKET
        Integration:
          Type: AWS::ApiGatewayV2::Integration
          Properties:
            ApiId: !Ref Chat
            IntegrationType: AWS_PROXY
            IntegrationUri: {integrationUri.Replace("\n", "\n    ")}
        {string.Concat(stages.Select(stage => $"""
        Stage{stage}:
          Type: AWS::ApiGatewayV2::Stage
          Properties:
            ApiId: !Ref Chat
            StageName: {stage}

        """))}
        """;

    private static RoleGen.Core.FunctionReport Run(string serviceUrl, string call) => OneFunction.Run("""
        Chat:
          Type: AWS::ApiGatewayV2::Api
          Properties:
            ProtocolType: WEBSOCKET
        """, $$"""
        using Amazon.ApiGatewayManagementApi;
        using Amazon.ApiGatewayManagementApi.Model;
        namespace App;
        public class Handler
        {
            public Task Run(string id, string domain, string stage)
            {
                var client = new AmazonApiGatewayManagementApiClient(new AmazonApiGatewayManagementApiConfig { ServiceURL = {{serviceUrl}} });
                return client.{{call}};
            }
        }
        """, "CALLBACK_URL: !Sub \"https://${Chat}.execute-api.${AWS::Region}.amazonaws.com/prod\"\nENDPOINT: !GetAtt Chat.ApiEndpoint");
}
