using FluentAssertions;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Templates;
using Xunit;
using static RoleGen.Tests.Templates.TemplateText;

namespace RoleGen.Tests.Templates;

public class TemplateLoaderTests
{
    [Theory]
    [InlineData("!Ref Bucket", "{Ref: Bucket}")]
    [InlineData("!GetAtt Queue.Arn", "{Fn::GetAtt: [Queue, Arn]}")]
    [InlineData("!GetAtt Stack.Outputs.TableName", "{Fn::GetAtt: [Stack, Outputs.TableName]}")]
    [InlineData("!GetAtt [Queue, Arn]", "{Fn::GetAtt: [Queue, Arn]}")]
    [InlineData("!Sub 'arn:${AWS::Partition}:s3:::${Bucket}'", "{Fn::Sub: arn:${AWS::Partition}:s3:::${Bucket}}")]
    [InlineData("!Sub ['${A}-x', {A: !Ref B}]", "{Fn::Sub: [${A}-x, {A: {Ref: B}}]}")]
    [InlineData("!Join ['-', [a, !Ref B]]", "{Fn::Join: [-, [a, {Ref: B}]]}")]
    [InlineData("!If [IsProd, a, b]", "{Fn::If: [IsProd, a, b]}")]
    [InlineData("!FindInMap [M, !Ref AWS::Region, Name]", "{Fn::FindInMap: [M, {Ref: AWS::Region}, Name]}")]
    [InlineData("!ImportValue Shared-Table", "{Fn::ImportValue: Shared-Table}")]
    [InlineData("!Select [0, [a, b]]", "{Fn::Select: [0, [a, b]]}")]
    [InlineData("!Split [',', 'a,b']", "{Fn::Split: [,, a,b]}")]
    [InlineData("!Base64 text", "{Fn::Base64: text}")]
    [InlineData("!Cidr [10.0.0.0/16, 4, 8]", "{Fn::Cidr: [10.0.0.0/16, 4, 8]}")]
    [InlineData("!GetAZs ''", "{Fn::GetAZs: }")]
    [InlineData("!And [!Condition A, !Condition B]", "{Fn::And: [{Condition: A}, {Condition: B}]}")]
    [InlineData("!Or [!Condition A, !Condition B]", "{Fn::Or: [{Condition: A}, {Condition: B}]}")]
    [InlineData("!Not [!Condition A]", "{Fn::Not: [{Condition: A}]}")]
    [InlineData("!Equals [!Ref Env, prod]", "{Fn::Equals: [{Ref: Env}, prod]}")]
    [InlineData("!Condition IsProd", "{Condition: IsProd}")]
    public void Short_form_tags_expand_to_the_long_form(string yamlValue, string expected)
    {
        var template = Yaml($"Resources:\n  R:\n    Type: AWS::SQS::Queue\n    Properties:\n      Value: {yamlValue}\n");

        Render(At(template, "Resources", "R", "Properties", "Value")).Should().Be(expected);
    }

    [Fact]
    public void Block_style_short_forms_and_nested_tags_expand()
    {
        var template = Yaml("""
            Resources:
              R:
                Type: AWS::SQS::Queue
                Properties:
                  Value: !If
                    - IsProd
                    - !Sub "${A}"
                    - !Ref AWS::NoValue
            """);

        Render(At(template, "Resources", "R", "Properties", "Value"))
            .Should().Be("{Fn::If: [IsProd, {Fn::Sub: ${A}}, {Ref: AWS::NoValue}]}");
    }

    private const string SampleYaml = """
        AWSTemplateFormatVersion: '2010-09-09'
        Parameters:
          Stage:
            Type: String
            Default: dev
        Resources:
          Orders:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: !Sub "orders-${Stage}"
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: Orders::Orders.Function::Handle
              Timeout: 30
              Environment:
                Variables:
                  TABLE: !Ref Orders
                  ARN: !GetAtt Orders.Arn
              Layers: [a, b]
        """;

    private const string SampleJson = """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Parameters": { "Stage": { "Type": "String", "Default": "dev" } },
          "Resources": {
            "Orders": {
              "Type": "AWS::DynamoDB::Table",
              "Properties": { "TableName": { "Fn::Sub": "orders-${Stage}" } }
            },
            "Fn": {
              "Type": "AWS::Serverless::Function",
              "Properties": {
                "Handler": "Orders::Orders.Function::Handle",
                "Timeout": 30,
                "Environment": {
                  "Variables": {
                    "TABLE": { "Ref": "Orders" },
                    "ARN": { "Fn::GetAtt": ["Orders", "Arn"] }
                  }
                },
                "Layers": ["a", "b"]
              }
            }
          }
        }
        """;

    [Fact]
    public void Json_and_yaml_forms_of_a_template_give_the_same_tree()
    {
        var yaml = TemplateLoader.Parse("t.yaml", SampleYaml);
        var json = TemplateLoader.Parse("t.template", SampleJson);

        yaml.Format.Should().Be(TemplateFormat.Yaml);
        json.Format.Should().Be(TemplateFormat.Json);
        Render(json.Root).Should().Be(Render(yaml.Root));
        json.Resources.Keys.Should().BeEquivalentTo(yaml.Resources.Keys);
        json.Parameters.Keys.Should().Equal("Stage");
    }

    [Fact]
    public void Json_is_detected_by_extension_even_when_the_text_starts_with_a_comment()
    {
        var template = TemplateLoader.Parse("serverless.json", "// generated\n" + SampleJson);

        template.Format.Should().Be(TemplateFormat.Json);
        template.Resources["Orders"].Type.Should().Be("AWS::DynamoDB::Table");
    }

    [Theory]
    [InlineData("t.yaml", new object[] { "Resources", "Orders", "Type" }, "AWS::DynamoDB::Table", 8, 11)]
    [InlineData("t.yaml", new object[] { "Resources", "Fn", "Properties", "Timeout" }, "30", 15, 16)]
    [InlineData("t.yaml", new object[] { "Resources", "Fn", "Properties", "Layers" }, "[a, b]", 20, 15)]
    [InlineData("t.yaml", new object[] { "Resources", "Fn", "Properties", "Environment", "Variables", "TABLE" }, "!Ref Orders", 18, 18)]
    [InlineData("t.yaml", new object[] { "Resources", "Fn", "Properties", "Environment", "Variables", "TABLE", "Ref" }, "Orders", 18, 23)]
    [InlineData("t.yaml", new object[] { "Resources", "Orders", "Properties", "TableName", "Fn::Sub" }, "\"orders-${Stage}\"", 10, 23)]
    [InlineData("t.json", new object[] { "Resources", "Orders", "Type" }, "\"AWS::DynamoDB::Table\"", 6, 15)]
    [InlineData("t.json", new object[] { "Resources", "Fn", "Properties", "Timeout" }, "30", 13, 20)]
    [InlineData("t.json", new object[] { "Resources", "Fn", "Properties", "Layers" }, "[\"a\", \"b\"]", 20, 19)]
    [InlineData("t.json", new object[] { "Resources", "Orders", "Properties" }, "{ \"TableName\": { \"Fn::Sub\": \"orders-${Stage}\" } }", 7, 21)]
    public void Spans_give_line_column_and_the_exact_text_of_the_node(string file, object[] path, string text, int line, int column)
    {
        var source = file.EndsWith(".json") ? SampleJson : SampleYaml;
        var template = TemplateLoader.Parse(file, source);

        var span = At(template, path).Span;

        source.Substring(span.Start, span.End - span.Start).Should().Be(text);
        (span.Line, span.Column).Should().Be((line, column));
    }

    [Fact]
    public void Block_mapping_spans_run_from_the_first_key_to_the_end_of_the_last_value()
    {
        var template = TemplateLoader.Parse("t.yaml", SampleYaml);

        var variables = At(template, "Resources", "Fn", "Properties", "Environment", "Variables");

        SampleYaml.Substring(variables.Span.Start, variables.Span.End - variables.Span.Start)
            .Should().Be("TABLE: !Ref Orders\n          ARN: !GetAtt Orders.Arn");
    }

    [Fact]
    public void Resource_spans_start_at_the_logical_id()
    {
        var template = TemplateLoader.Parse("t.yaml", SampleYaml);

        var span = template.Resources["Orders"].Span;

        (span.Line, span.Column).Should().Be((7, 3));
        SampleYaml[span.Start..span.End].Should().StartWith("Orders:").And.EndWith("\"orders-${Stage}\"");
    }

    [Theory]
    [InlineData("Value: plain", false)]
    [InlineData("Value: 'single'", true)]
    [InlineData("Value: \"double\"", true)]
    [InlineData("Value: 42", false)]
    public void Scalars_remember_whether_they_were_quoted(string line, bool quoted)
    {
        var template = Yaml($"Resources:\n  R:\n    Type: AWS::SQS::Queue\n    Properties:\n      {line}\n");

        ((CfnScalar)At(template, "Resources", "R", "Properties", "Value")).Quoted.Should().Be(quoted);
    }

    [Theory]
    [InlineData("Resources:\n  R:\n    Type: AWS::SQS::Queue\n    Properties: {a: [1, 2}\n", 4)]
    [InlineData("Resources:\n  R:\n    Type: AWS::SQS::Queue\n     Bad: indentation\n", 4)]
    [InlineData("Resources:\n  R:\n    Type: AWS::SQS::Queue\n  R:\n    Type: AWS::SNS::Topic\n", 4)]
    public void Bad_yaml_is_an_input_error_at_its_line(string yaml, int line)
    {
        var act = () => TemplateLoader.Parse("dir/template.yaml", yaml);

        var error = act.Should().Throw<RoleGenInputException>().Which;
        error.Location.Should().NotBeNull();
        error.Location!.File.Should().Be("template.yaml");
        error.Location.Line.Should().Be(line);
    }

    [Fact]
    public void Bad_json_is_an_input_error_at_its_line()
    {
        var act = () => TemplateLoader.Parse("t.json", "{\n  \"Resources\": {\n    \"R\": { \"Type\": \"AWS::SQS::Queue\" },,\n  }\n}");

        act.Should().Throw<RoleGenInputException>().Which.Location!.Line.Should().Be(3);
    }

    [Fact]
    public void A_template_without_resources_is_an_input_error()
    {
        var act = () => Yaml("AWSTemplateFormatVersion: '2010-09-09'\nParameters: {}\n");

        act.Should().Throw<RoleGenInputException>().WithMessage("*no Resources*");
    }

    [Fact]
    public void A_template_whose_root_is_not_a_mapping_is_an_input_error()
    {
        var act = () => Yaml("- just\n- a list\n");

        act.Should().Throw<RoleGenInputException>().WithMessage("*top level must be a mapping*")
            .Which.Location!.Line.Should().Be(1);
    }

    [Fact]
    public void A_resource_without_type_is_an_input_error_naming_its_line()
    {
        var act = () => Yaml("Resources:\n  Good:\n    Type: AWS::SQS::Queue\n  Typeless:\n    Properties: {}\n");

        var error = act.Should().Throw<RoleGenInputException>().WithMessage("*Typeless*has no Type*").Which;
        (error.Location!.Line, error.Location.Column).Should().Be((4, 3));
    }

    [Fact]
    public void A_missing_file_is_an_input_error_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), "rolegen-no-such-dir", "template.yaml");

        var act = () => TemplateLoader.Load(path);

        act.Should().Throw<RoleGenInputException>().WithMessage($"*{path}*");
    }

    [Fact]
    public void Load_reads_the_file_and_keeps_its_path_and_text()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rolegen-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, SampleYaml);
        try
        {
            var template = TemplateLoader.Load(path);

            template.Path.Should().Be(path);
            template.Text.Should().Be(SampleYaml);
            template.Directory.Should().Be(Path.GetDirectoryName(path));
            template.Parameters["Stage"]["Default"].Should().BeOfType<CfnScalar>().Which.Value.Should().Be("dev");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Directory_follows_a_path_changed_with_a_with_expression()
    {
        var template = TemplateLoader.Parse(Path.Combine(Path.GetTempPath(), "a", "template.yaml"), SampleYaml);

        var moved = template with { Path = Path.Combine(Path.GetTempPath(), "b", "template.yaml") };

        template.Directory.Should().Be(Path.Combine(Path.GetTempPath(), "a"));
        moved.Directory.Should().Be(Path.Combine(Path.GetTempPath(), "b"));
    }

    [Fact]
    public void Yaml_aliases_resolve_to_the_anchored_value()
    {
        var template = Yaml("Resources:\n  A:\n    Type: &t AWS::SQS::Queue\n  B:\n    Type: *t\n");

        template.Resources["B"].Type.Should().Be("AWS::SQS::Queue");
    }
}
