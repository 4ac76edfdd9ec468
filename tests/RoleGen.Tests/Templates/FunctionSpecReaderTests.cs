using FluentAssertions;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Templates;
using Xunit;
using static RoleGen.Tests.Templates.TemplateText;

namespace RoleGen.Tests.Templates;

public sealed class FunctionSpecReaderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"rolegen-fn-{Guid.NewGuid():N}");

    public FunctionSpecReaderTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private CfnTemplate TemplateInFolder(string yaml) => TemplateLoader.Parse(Path.Combine(_folder, "template.yaml"), yaml);

    [Fact]
    public void Globals_merge_into_serverless_functions_with_the_function_winning()
    {
        var template = Yaml("""
            Globals:
              Function:
                Runtime: dotnet8
                Timeout: 10
                Layers: [GlobalLayer]
                Environment:
                  Variables:
                    STAGE: prod
                    TABLE: global-table
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: A::B.C::D
                  Timeout: 30
                  Layers: [OwnLayer]
                  Environment:
                    Variables:
                      TABLE: !Ref Orders
              Orders:
                Type: AWS::DynamoDB::Table
            """);

        var function = FunctionSpecReader.Read(template).Functions.Single();

        function.Environment.Keys.Should().Equal("STAGE", "TABLE");
        Render(function.Environment["STAGE"]).Should().Be("prod");
        Render(function.Environment["TABLE"]).Should().Be("{Ref: Orders}");
        function.Runtime.Should().Be("dotnet8");
        Render(function.Properties["Timeout"]!).Should().Be("30");
        Render(function.Properties["Layers"]!).Should().Be("[GlobalLayer, OwnLayer]");
    }

    [Theory]
    [InlineData("Role: null")]
    [InlineData("Role: ~")]
    [InlineData("Role:")]
    public void A_property_set_to_null_is_not_set(string role)
    {
        var template = Yaml($$"""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: A::B.C::D
                  Runtime: dotnet8
                  {{role}}
                  Policies: [AmazonS3ReadOnlyAccess]
            """);

        var function = FunctionSpecReader.Read(template).Functions.Single();

        function.Properties["Role"].Should().BeNull();
        function.Properties["Policies"].Should().NotBeNull();
    }

    [Fact]
    public void A_quoted_null_is_a_value()
    {
        var function = FunctionSpecReader.Read(Yaml("""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: A::B.C::D
                  Runtime: dotnet8
                  Description: "null"
            """)).Functions.Single();

        function.Properties["Description"].Should().NotBeNull();
    }

    [Theory]
    [InlineData("OrderFn", false)]
    [InlineData("order-fn", true)]
    [InlineData("Order_Fn", true)]
    public void A_function_whose_logical_id_is_not_alphanumeric_is_an_error(string logicalId, bool error)
    {
        var template = Yaml($$"""
            Resources:
              {{logicalId}}:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: A::B.C::D
                  Runtime: dotnet8
            """);

        var findings = FunctionSpecReader.Read(template).Findings;

        if (error) findings.Should().ContainSingle(f => f.Code == FindingCodes.TemplateInvalid && f.Severity == Severity.Error).Which.Message.Should().Contain($"'{logicalId}'");
        else findings.Should().NotContain(f => f.Code == FindingCodes.TemplateInvalid);
    }

    [Fact]
    public void An_intrinsic_in_the_function_replaces_the_global_value_whole()
    {
        var template = Yaml("""
            Globals:
              Function:
                Tracing: {Bucket: b, Key: k}
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: A::B.C::D
                  Tracing: !If [IsProd, Active, PassThrough]
            """);

        var function = FunctionSpecReader.Read(template).Functions.Single();

        Render(function.Properties["Tracing"]!).Should().Be("{Fn::If: [IsProd, Active, PassThrough]}");
    }

    [Fact]
    public void Globals_do_not_apply_to_plain_lambda_functions()
    {
        var template = Yaml("""
            Globals:
              Function:
                Runtime: dotnet8
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: A::B.C::D
                  Code: {S3Bucket: b, S3Key: k}
            """);

        var function = FunctionSpecReader.Read(template).Functions.Single();

        function.ResourceType.Should().Be(FunctionSpecReader.LambdaFunction);
        function.Runtime.Should().BeNull();
    }

    [Fact]
    public void Functions_come_in_template_order_and_other_resources_are_skipped()
    {
        var template = Yaml("""
            Resources:
              Zeta:
                Type: AWS::Serverless::Function
                Properties: {Handler: z}
              Queue:
                Type: AWS::SQS::Queue
              Alpha:
                Type: AWS::Lambda::Function
                Properties: {Handler: a}
            """);

        FunctionSpecReader.Read(template).Functions.Select(f => f.LogicalId).Should().Equal("Zeta", "Alpha");
    }

    [Theory]
    [InlineData("Transform: AWS::Serverless-2016-10-31", null)]
    [InlineData("Transform: [AWS::Serverless-2016-10-31]", null)]
    [InlineData("Transform:\n  - AWS::Serverless-2016-10-31\n  - Name: DatadogServerless\n    Parameters: {stackName: x}", "DatadogServerless")]
    [InlineData("Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]", "AWS::LanguageExtensions")]
    [InlineData("", null)]
    public void A_macro_other_than_SAM_in_Transform_is_a_warning(string transform, string? macro)
    {
        var template = Yaml(transform + "\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: {Handler: a}\n");

        var findings = FunctionSpecReader.Read(template).Findings.Where(f => f.Code == FindingCodes.UnknownTransform).ToList();

        if (macro is null) findings.Should().BeEmpty();
        else findings.Should().ContainSingle().Which.Should().Match<Finding>(f => f.Severity == Severity.Warning && f.Message.StartsWith($"Transform {macro} rewrites the template"));
    }

    [Fact]
    public void A_function_without_handler_is_listed_with_a_null_handler()
    {
        var template = Yaml("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: dotnet8\n");

        var result = FunctionSpecReader.Read(template);

        result.Functions.Should().ContainSingle().Which.Handler.Should().BeNull();
    }

    [Fact]
    public void A_handler_computed_by_an_intrinsic_is_null_with_a_finding()
    {
        var template = Yaml("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: !Ref HandlerName\n");

        var result = FunctionSpecReader.Read(template);

        result.Functions.Single().Handler.Should().BeNull();
        result.Findings.Should().ContainSingle().Which.Should().Match<Finding>(f =>
            f.Code == FindingCodes.HandlerFormat && f.Line == 5 && f.File == "template.yaml");
    }

    [Fact]
    public void Image_functions_take_their_handler_from_the_image_command_and_code_from_the_docker_context()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "src", "Fn"));
        var template = TemplateInFolder("""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  PackageType: Image
                  ImageConfig:
                    Command: ["Fn::Fn.Function::Handle"]
                Metadata:
                  DockerContext: ./src/Fn
                  Dockerfile: Dockerfile
            """);

        var function = FunctionSpecReader.Read(template).Functions.Single();

        function.Handler.Should().Be("Fn::Fn.Function::Handle");
        function.CodeDirectory.Should().Be(Path.Combine(_folder, "src", "Fn"));
    }

    [Theory]
    [InlineData("CodeUri: ./src/Orders.Api/", "src/Orders.Api")]
    [InlineData("CodeUri: src/Orders.Api", "src/Orders.Api")]
    [InlineData("CodeUri: ../outside", "../outside")]
    [InlineData("CodeUri: .", "")]
    [InlineData("CodeUri: ./artifacts/fn.zip", "")]
    [InlineData("CodeUri: ./existing.dll", "")]
    [InlineData("CodeUri: s3://bucket/key.zip", "")]
    [InlineData("CodeUri: {Bucket: b, Key: k}", "")]
    [InlineData("InlineCode: 'exports.handler = 1'", "")]
    [InlineData("Handler: x", "")]
    public void Serverless_code_uri_resolves_against_the_template_folder(string codeProperty, string expectedRelative)
    {
        Directory.CreateDirectory(Path.Combine(_folder, "src", "Orders.Api"));
        File.WriteAllText(Path.Combine(_folder, "existing.dll"), "");
        var template = TemplateInFolder($"Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      {codeProperty}\n");

        var function = FunctionSpecReader.Read(template).Functions.Single();

        function.CodeDirectory.Should().Be(Path.GetFullPath(Path.Combine(_folder, expectedRelative)).TrimEnd(Path.DirectorySeparatorChar));
    }

    [Theory]
    [InlineData("Code: ./src/Fn", "src/Fn")]
    [InlineData("Code: {S3Bucket: b, S3Key: k}", "")]
    [InlineData("Code: {ZipFile: 'code'}", "")]
    public void Lambda_code_resolves_against_the_template_folder(string codeProperty, string expectedRelative)
    {
        var template = TemplateInFolder($"Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      {codeProperty}\n");

        var function = FunctionSpecReader.Read(template).Functions.Single();

        function.CodeDirectory.Should().Be(Path.GetFullPath(Path.Combine(_folder, expectedRelative)).TrimEnd(Path.DirectorySeparatorChar));
    }

    [Theory]
    [InlineData("AWS::Serverless::Function", "CodeUri: ./src/Orders.Api/", false)]
    [InlineData("AWS::Serverless::Function", "CodeUri: .", false)]
    [InlineData("AWS::Serverless::Function", "Handler: x", false)]
    [InlineData("AWS::Serverless::Function", "CodeUri: ./artifacts/fn.zip", true)]
    [InlineData("AWS::Serverless::Function", "CodeUri: s3://bucket/key.zip", true)]
    [InlineData("AWS::Serverless::Function", "CodeUri: {Bucket: !Ref B, Key: !Sub 'fn-${V}.zip'}", true)]
    [InlineData("AWS::Lambda::Function", "Code: {S3Bucket: b, S3Key: k}", true)]
    [InlineData("AWS::Lambda::Function", "Code: {ZipFile: 'code'}", false)]
    public void Code_in_S3_or_an_archive_is_elsewhere_than_this_checkout(string type, string codeProperty, bool elsewhere)
    {
        var template = TemplateInFolder($"Resources:\n  Fn:\n    Type: {type}\n    Properties:\n      {codeProperty}\n");

        FunctionSpecReader.Read(template).Functions.Single().CodeElsewhere.Should().Be(elsewhere);
    }

    [Fact]
    public void Sam_events_are_read_with_their_type_and_properties()
    {
        var template = Yaml("""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: h
                  Events:
                    Orders:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt Queue.Arn
                        BatchSize: 10
                    Nightly:
                      Type: Schedule
            """);

        var events = FunctionSpecReader.Read(template).Functions.Single().Events;

        events.Select(e => (e.Name, e.Type)).Should().Equal(("Orders", "SQS"), ("Nightly", "Schedule"));
        Render(events[0].Properties).Should().Be("{Queue: {Fn::GetAtt: [Queue, Arn]}, BatchSize: 10}");
        events[1].Properties.Entries.Should().BeEmpty();
        events[0].Span.Line.Should().Be(7);
    }

    [Theory]
    [InlineData("!Ref Fn", true)]
    [InlineData("!GetAtt Fn.Arn", true)]
    [InlineData("!Ref FnAliaslive", true)]
    [InlineData("orders-fn", true)]
    [InlineData("orders-fn:live", true)]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:function:orders-fn", true)]
    [InlineData("!Sub '${Fn.Arn}'", true)]
    [InlineData("!Ref Other", false)]
    [InlineData("other-fn", false)]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:function:orders-fn-2", false)]
    public void Event_source_mappings_attach_to_the_function_they_name(string functionName, bool attached)
    {
        var template = Yaml($"""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: h
                  FunctionName: orders-fn
              Other:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: h
              StreamMapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties:
                  FunctionName: {functionName}
                  EventSourceArn: !GetAtt Stream.Arn
            """);

        var events = FunctionSpecReader.Read(template).Functions.Single(f => f.LogicalId == "Fn").Events;

        if (attached)
        {
            var mapping = events.Should().ContainSingle().Which;
            (mapping.Name, mapping.Type).Should().Be(("StreamMapping", FunctionSpecReader.EventSourceMappingEventType));
            Render(mapping.Properties["EventSourceArn"]!).Should().Be("{Fn::GetAtt: [Stream, Arn]}");
        }
        else
        {
            events.Should().BeEmpty();
        }
    }

    [Fact]
    public void Function_name_and_span_are_kept()
    {
        var template = Yaml("Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      FunctionName: !Sub '${AWS::StackName}-fn'\n      Handler: h\n");

        var function = FunctionSpecReader.Read(template).Functions.Single();

        Render(function.FunctionName!).Should().Be("{Fn::Sub: ${AWS::StackName}-fn}");
        function.LiteralFunctionName.Should().BeNull();
        (function.Span.Line, function.Span.Column).Should().Be((2, 3));
    }

    [Fact]
    public void Environment_computed_by_an_intrinsic_is_empty_with_a_finding()
    {
        var template = Yaml("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: h\n      Environment:\n        Variables: !If [C, {A: a}, {B: b}]\n");

        var result = FunctionSpecReader.Read(template);

        result.Functions.Single().Environment.Should().BeEmpty();
        result.Findings.Should().ContainSingle().Which.Code.Should().Be(FindingCodes.UnknownTemplateValue);
    }
}
