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
