using FluentAssertions;
using RoleGen.Core.Templates;
using Xunit;
using static RoleGen.Tests.Templates.TemplateText;

namespace RoleGen.Tests.Templates;

public class TemplateExpressionReaderTests
{
    private const string Template = """
        Parameters:
          Stage:
            Type: String
            Default: dev
          Env:
            Type: String
            AllowedValues: [dev, prod]
        Mappings:
          Tables:
            dev: {Name: orders-dev, Region: eu-west-1}
            prod: {Name: orders-prod, Region: us-east-1}
            test: {Name: orders-test, Region: eu-west-2}
          Included:
            Fn::Transform:
              Name: AWS::Include
              Parameters: {Location: s3://bucket/maps.yaml}
        Resources:
          Orders:
            Type: AWS::DynamoDB::Table
          Queue:
            Type: AWS::SQS::Queue
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Value: VALUE
        """;

    private static IEnumerable<TemplateExpression> Read(string yamlValue)
    {
        var template = Yaml(Template.Replace("VALUE", yamlValue));
        var reader = new TemplateExpressionReader(template, RepositoryTypes());
        return reader.Read(At(template, "Resources", "Fn", "Properties", "Value"));
    }

    private static IEnumerable<string> Subs(string yamlValue) => Read(yamlValue).Select(e => e.Sub);

    [Theory]
    [InlineData("orders", "orders")]
    [InlineData("'price ${x}'", "price ${!x}")]
    [InlineData("42", "42")]
    [InlineData("!Ref Stage", "${Stage}")]
    [InlineData("!Ref AWS::Region", "${AWS::Region}")]
    [InlineData("!Ref AWS::AccountId", "${AWS::AccountId}")]
    [InlineData("!Sub '${AWS::StackName}-orders'", "${AWS::StackName}-orders")]
    [InlineData("!Sub 'keep ${!Literal} ${Stage}'", "keep ${!Literal} ${Stage}")]
    [InlineData("!Sub ['${Name}-${Stage}', {Name: !Ref Orders}]", "${Orders}-${Stage}")]
    [InlineData("!Sub ['${Name}', {Name: 'a${b}'}]", "a${!b}")]
    [InlineData("!Join ['', ['arn:', !Ref AWS::Partition, ':s3:::', !Ref Orders]]", "arn:${AWS::Partition}:s3:::${Orders}")]
    [InlineData("!Join ['-', [a, !Ref AWS::NoValue, b]]", "a-b")]
    [InlineData("!Select [1, [a, b, c]]", "b")]
    [InlineData("!Select [2, !Split [',', 'x,y,z']]", "z")]
    [InlineData("!FindInMap [Tables, dev, Name]", "orders-dev")]
    [InlineData("!FindInMap [Tables, !Ref Stage, Name, {DefaultValue: fallback}]", "orders-dev|orders-prod|orders-test|fallback")]
    public void Values_become_fn_sub_expressions(string yamlValue, string expected)
    {
        Subs(yamlValue).Should().Equal(expected.Split('|'));
    }

    [Theory]
    [InlineData("!Ref Orders", "${Orders}", "Orders", "AWS::DynamoDB::Table", null)]
    [InlineData("!GetAtt Queue.Arn", "${Queue.Arn}", "Queue", "AWS::SQS::Queue", "Arn")]
    [InlineData("!GetAtt [Queue, QueueName]", "${Queue.QueueName}", "Queue", "AWS::SQS::Queue", "QueueName")]
    [InlineData("!Sub '${Queue.Arn}'", "${Queue.Arn}", "Queue", "AWS::SQS::Queue", "Arn")]
    [InlineData("!Sub '${Orders}'", "${Orders}", "Orders", "AWS::DynamoDB::Table", null)]
    [InlineData("!Join ['', [!Ref Orders]]", "${Orders}", "Orders", "AWS::DynamoDB::Table", null)]
    public void A_single_ref_or_getatt_of_a_resource_denotes_it(string yamlValue, string sub, string logicalId, string type, string? attribute)
    {
        var expression = Read(yamlValue).Should().ContainSingle().Which;

        expression.Sub.Should().Be(sub);
        expression.Known.Should().BeTrue();
        expression.Resource.Should().Be(new TemplateResourceRef(logicalId, type, attribute));
    }

    [Theory]
    [InlineData("!Ref Stage")]
    [InlineData("!Ref AWS::Region")]
    [InlineData("!Sub 'arn:${AWS::Partition}:s3:::${Orders}'")]
    [InlineData("literal")]
    public void Anything_but_one_resource_reference_denotes_no_resource(string yamlValue)
    {
        Read(yamlValue).Should().ContainSingle().Which.Resource.Should().BeNull();
    }

    [Fact]
    public void If_gives_the_options_of_both_branches()
    {
        Read("!If [IsProd, !Ref Orders, orders-dev]").Select(e => (e.Sub, e.Resource?.LogicalId))
            .Should().Equal(("${Orders}", "Orders"), ("orders-dev", null));
    }

    [Fact]
    public void If_with_no_value_branch_gives_only_the_other_branch()
    {
        Subs("!If [IsProd, a, !Ref AWS::NoValue]").Should().Equal("a");
    }

    [Fact]
    public void Join_of_parts_with_several_options_is_their_cartesian_product()
    {
        Subs("!Join ['-', [!If [C, a, b], !If [D, x, y], z]]")
            .Should().Equal("a-x-z", "a-y-z", "b-x-z", "b-y-z");
    }

    [Fact]
    public void Sub_variables_with_several_options_multiply()
    {
        Subs("!Sub ['${A}/${B}', {A: !If [C, a1, a2], B: !If [D, b1, b2]}]")
            .Should().Equal("a1/b1", "a1/b2", "a2/b1", "a2/b2");
    }

    [Fact]
    public void Join_beyond_sixteen_combinations_widens_the_varying_parts()
    {
        var expression = Read("!Join ['-', [!If [A, a1, a2], !If [B, b1, b2], !If [C, c1, c2], !If [D, d1, d2], !If [E, e1, e2], fixed]]")
            .Should().ContainSingle().Which;

        expression.Sub.Should().Be("*-*-*-*-*-fixed");
        expression.Note.Should().Contain("16");
    }

    [Fact]
    public void Join_of_exactly_sixteen_combinations_is_kept_whole()
    {
        Subs("!Join ['', [!If [A, a, b], !If [B, a, b], !If [C, a, b], !If [D, a, b]]]").Should().HaveCount(16);
    }

    [Theory]
    [InlineData("!FindInMap [Tables, !Ref AWS::Region, Name]", "orders-dev|orders-prod|orders-test")]
    [InlineData("!FindInMap [Tables, !Ref Env, Name]", "orders-dev|orders-prod")]
    [InlineData("!FindInMap [Tables, prod, !If [C, Name, Region]]", "orders-prod|us-east-1")]
    [InlineData("!FindInMap [Tables, !Ref Stage, Region]", "eu-west-1|us-east-1|eu-west-2")]
    public void FindInMap_with_a_non_literal_key_gives_every_value_it_can_select(string yamlValue, string expected)
    {
        Subs(yamlValue).Should().Equal(expected.Split('|'));
    }

    [Theory]
    [InlineData("!ImportValue shared-orders-table", "Fn::ImportValue")]
    [InlineData("'{{resolve:ssm:/orders/table}}'", "SSM Parameter Store")]
    [InlineData("'{{resolve:secretsmanager:orders-db:SecretString:password}}'", "Secrets Manager")]
    [InlineData("!Sub '{{resolve:ssm:/orders/${Stage}/table}}'", "SSM Parameter Store")]
    [InlineData("!GetAZs ''", "Fn::GetAZs")]
    [InlineData("!Select [0, !GetAZs '']", "Fn::Select")]
    [InlineData("!FindInMap [Tables, missing, Name]", "no entry")]
    [InlineData("!FindInMap [Included, !Ref AWS::Region, Table]", "Fn::Transform (AWS::Include) fills at deploy time")]
    [InlineData("[a, b]", "list")]
    public void Values_known_only_at_deploy_are_unknown_with_a_note(string yamlValue, string noteFragment)
    {
        var expression = Read(yamlValue).Should().ContainSingle().Which;

        expression.Known.Should().BeFalse();
        expression.Sub.Should().Be("*");
        expression.Note.Should().Contain(noteFragment);
    }

    [Fact]
    public void An_unknown_part_makes_the_whole_unknown_but_keeps_the_known_parts()
    {
        var expression = Read("!Join ['', ['arn:aws:s3:::', !ImportValue shared-bucket, '/*']]").Should().ContainSingle().Which;

        expression.Sub.Should().Be("arn:aws:s3:::*/*");
        expression.Known.Should().BeFalse();
        expression.Note.Should().Contain("ImportValue");
    }

    [Fact]
    public void A_reference_to_an_undeclared_name_is_kept_with_a_note()
    {
        var expression = Read("!GetAtt FnRole.Arn").Should().ContainSingle().Which;

        expression.Sub.Should().Be("${FnRole.Arn}");
        expression.Resource.Should().BeNull();
        expression.Note.Should().Contain("not declared");
    }
}
