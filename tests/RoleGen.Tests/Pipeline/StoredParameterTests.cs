using FluentAssertions;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// Names kept in Parameter Store by the template (an AWS::SSM::Parameter whose Value is !Ref Table) and read back by the
/// code (GetParameter's Parameter.Value): the resource is the one the template writes there.
/// </summary>
public class StoredParameterTests
{
    private const string Resources = """
        Orders:
          Type: AWS::DynamoDB::Table
        OrdersTableName:
          Type: AWS::SSM::Parameter
          Properties:
            Name: /shop/orders-table
            Type: String
            Value: !Ref Orders
        GeneratedName:
          Type: AWS::SSM::Parameter
          Properties:
            Type: String
            Value: !Sub "${Orders}-archive"
        """;

    [Theory]
    // The parameter's !Ref (its name) in an environment variable.
    [InlineData("Environment.GetEnvironmentVariable(\"PARAM\")", "table/${Orders}")]
    // Its name written in the code.
    [InlineData("\"/shop/orders-table\"", "table/${Orders}")]
    // A parameter CloudFormation names, whose value is built from the table's name.
    [InlineData("Environment.GetEnvironmentVariable(\"GENERATED\")", "table/${Orders}-archive")]
    public void A_value_the_template_stores_in_a_parameter_is_the_resource(string parameterName, string table)
    {
        var report = Run($$"""
            public async Task Run(string id)
            {
                var response = await _ssm.GetParameterAsync(new GetParameterRequest { Name = {{parameterName}} });
                await _db.GetItemAsync(response.Parameter.Value, Key(id));
            }
            """);

        report.Grants().Should().Contain($"dynamodb:GetItem arn:${{AWS::Partition}}:dynamodb:${{AWS::Region}}:${{AWS::AccountId}}:{table}");
        report.Findings.Should().NotContain(f => f.Code == FindingCodes.UnresolvedResource);
    }

    /// <summary>The MediaIngester shape: a static helper returns the value (with ?.), the caller passes the name.</summary>
    [Fact]
    public void Through_a_helper_that_returns_the_value()
    {
        var report = Run("""
            public async Task Run(string id)
            {
                var table = await ValueOf(_ssm, Environment.GetEnvironmentVariable("PARAM"));
                await _db.DeleteItemAsync(table, Key(id));
            }
            private static async Task<string> ValueOf(IAmazonSimpleSystemsManagement ssm, string name)
            {
                var request = new GetParameterRequest { Name = name, WithDecryption = true };
                var response = await ssm.GetParameterAsync(request);
                return response?.Parameter?.Value;
            }
            """);

        report.Grants().Should().Contain("dynamodb:DeleteItem arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${Orders}")
            .And.Contain("ssm:GetParameter arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/shop/orders-table")
            .And.NotContain(g => g.Contains("parameter${OrdersTableName}") || g.Contains("parameter/${OrdersTableName}")); // the name the template writes, one spelling
        report.Findings.Should().NotContain(f => f.Code == FindingCodes.UnresolvedResource);
    }

    [Fact]
    public void A_parameter_the_template_does_not_declare_stays_unknown_and_says_so()
    {
        var report = Run("""
            public async Task Run(string id)
            {
                var response = await _ssm.GetParameterAsync(new GetParameterRequest { Name = "/shop/other-table" });
                await _db.GetItemAsync(response.Parameter.Value, Key(id));
            }
            """);

        report.Grants().Should().Contain("dynamodb:GetItem arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/*");
        report.Findings.Should().Contain(f => f.Code == FindingCodes.UnresolvedResource && f.Message.Contains("the value stored under \"/shop/other-table\" is read at run time"));
    }

    private static Core.FunctionReport Run(string members) => OneFunction.Run(Resources, $$"""
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.Model;
        using Amazon.SimpleSystemsManagement;
        using Amazon.SimpleSystemsManagement.Model;
        namespace App;
        public class Handler
        {
            private readonly IAmazonSimpleSystemsManagement _ssm = new AmazonSimpleSystemsManagementClient();
            private readonly IAmazonDynamoDB _db = new AmazonDynamoDBClient();
            private static Dictionary<string, AttributeValue> Key(string id) => new() { ["id"] = new AttributeValue(id) };
            {{members}}
        }
        """, "PARAM: !Ref OrdersTableName\nGENERATED: !Ref GeneratedName");
}
