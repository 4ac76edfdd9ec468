using FluentAssertions;
using RoleGen.Core;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>Code in class libraries the function's project references runs in the function: its SDK calls count.</summary>
public class ReferencedProjectTests
{
    [Theory]
    [InlineData("", "Shared/DynamoDbProducts.cs")]
    // A template in a folder of its own cites code above it relatively too, so that reports read the same on every machine.
    [InlineData("deploy/", "../Shared/DynamoDbProducts.cs")]
    public void Sdk_calls_in_a_referenced_library_are_granted_and_cited_in_its_files(string templateFolder, string cited)
    {
        using var app = new TempApp()
            .With(templateFolder + "template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Products:
                    Type: AWS::DynamoDB::Table
                  GetProduct:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: dotnet8
                      CodeUri: CODE_URI
                      Handler: GetProduct::GetProduct.Function::Handle
                      Environment:
                        Variables:
                          PRODUCT_TABLE_NAME: !Ref Products
                """.Replace("CODE_URI", templateFolder.Length == 0 ? "./GetProduct/" : "../GetProduct/"))
            .With("GetProduct/GetProduct.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
                  <ItemGroup><ProjectReference Include="..\Shared\Shared.csproj" /></ItemGroup>
                </Project>
                """)
            .With("GetProduct/Function.cs", """
                using System.Threading.Tasks;
                using Shared;
                namespace GetProduct;
                public class Function
                {
                    private static readonly IProducts Products = new DynamoDbProducts();
                    public Task Handle(string id) => Products.Get(id);
                }
                """)
            .With("Shared/Shared.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net8.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
                </Project>
                """)
            .With("Shared/DynamoDbProducts.cs", """
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.Model;
                namespace Shared;
                public interface IProducts { Task Get(string id); }
                public class DynamoDbProducts : IProducts
                {
                    private static readonly string Table = Environment.GetEnvironmentVariable("PRODUCT_TABLE_NAME") ?? "";
                    private readonly IAmazonDynamoDB _client = new AmazonDynamoDBClient();
                    public Task Get(string id) => _client.GetItemAsync(Table, new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue(id) });
                }
                """);

        var function = new RoleGenerator(OneFunction.Knowledge).Generate(Path.Combine(app.Root, templateFolder, "template.yaml")).Functions.Single();

        function.Grants().Should().Contain("dynamodb:GetItem arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${Products}");
        function.Statements.Single(s => s.Actions.Contains("dynamodb:GetItem")).Reasons.Should().ContainSingle()
            .Which.File.Should().Be(cited);
    }

    [Fact]
    public void A_referenced_project_that_is_not_on_disk_is_a_warning_at_its_reference()
    {
        using var app = new TempApp()
            .With("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: dotnet8
                      CodeUri: ./App/
                      Handler: App::App.Function::Handle
                """)
            .With("App/App.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="..\Domain\Domain.csproj" />
                  </ItemGroup>
                </Project>
                """)
            .With("App/Function.cs", """
                namespace App;
                public class Function { public System.Threading.Tasks.Task Handle(string id) => System.Threading.Tasks.Task.CompletedTask; }
                """);

        var function = new RoleGenerator(OneFunction.Knowledge).Generate(app.TemplatePath).Functions.Single();

        function.Findings.Should().ContainSingle(f => f.Code == RoleGen.Core.Diagnostics.FindingCodes.MissingProjectReference)
            .Which.Should().Match<RoleGen.Core.Diagnostics.Finding>(f => f.File == "App/App.csproj" && f.Line == 4 && f.Message.Contains("..\\Domain\\Domain.csproj, which is not on disk"));
    }

    [Theory]
    // The template moved into deploy/ while CodeUri still names ./src/App/ from the repository root.
    [InlineData("deploy/template.yaml", "./src/App/", "under src/App, a folder that does not exist next to the template (CodeUri is relative to the template's folder)")]
    [InlineData("template.yaml", "./src/", "under src;")]
    public void A_function_whose_code_is_not_found_says_where_RoleGen_looked(string template, string codeUri, string says)
    {
        using var app = new TempApp()
            .With(template, OneFunctionTemplate(codeUri, "Other::App.Function::Handle"))
            .WithProject("src/App", "App")
            .With("src/App/Function.cs", "namespace App; public class Function { public void Handle() { } }");

        var function = new RoleGenerator(OneFunction.Knowledge).Generate(Path.Combine(app.Root, template)).Functions.Single();

        function.Findings.Should().ContainSingle(f => f.Code == RoleGen.Core.Diagnostics.FindingCodes.ProjectNotFound)
            .Which.Message.Should().Contain(says);
    }

    [Theory]
    [InlineData("template.yaml", "../bin/Orders/Release/net8.0/publish/")] // the deploy script publishes before it packages
    [InlineData("deploy/template.yaml", "./src/Orders/")]                  // CodeUri written for the repository root
    public void A_CodeUri_folder_that_does_not_exist_is_looked_for_by_assembly_in_the_repository(string template, string codeUri)
    {
        using var app = new TempApp()
            .With(".git/HEAD", "ref: refs/heads/main")
            .With(template, OneFunctionTemplate(codeUri, "Orders::Orders.Function::Handle", "TABLE: orders"))
            .WithProject("src/Orders", "Orders")
            .With("src/Orders/Function.cs", """
                using Amazon.DynamoDBv2;
                namespace Orders;
                public class Function
                {
                    private readonly IAmazonDynamoDB _ddb = new AmazonDynamoDBClient();
                    public System.Threading.Tasks.Task Handle(string id) => _ddb.DeleteItemAsync(System.Environment.GetEnvironmentVariable("TABLE"), new());
                }
                """);

        var function = new RoleGenerator(OneFunction.Knowledge).Generate(Path.Combine(app.Root, template)).Functions.Single();

        function.Grants().Should().Equal("dynamodb:DeleteItem arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders");
        function.Findings.Should().ContainSingle(f => f.Code == RoleGen.Core.Diagnostics.FindingCodes.CodeFoundElsewhere)
            .Which.Message.Should().Contain("src/Orders/Orders.csproj");
        function.Findings.Should().NotContain(f => f.Code == RoleGen.Core.Diagnostics.FindingCodes.ProjectNotFound);
    }

    private static string OneFunctionTemplate(string codeUri, string handler, string variable = "") => $"""
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: dotnet8
              CodeUri: {codeUri}
              Handler: {handler}
        {(variable.Length == 0 ? "" : $"      Environment:\n        Variables:\n          {variable}\n")}
        """;
}
