using FluentAssertions;
using RoleGen.Core;
using RoleGen.Core.Check;
using RoleGen.Core.Mappings;
using RoleGen.Core.Templates;
using RoleGen.Tests.Mappings;
using RoleGen.Tests.Pipeline;
using Xunit;

namespace RoleGen.Tests.Check;

public class ResourceMatcherTests
{
    private static readonly RoleGenKnowledge Knowledge = RoleGenKnowledge.Load(RealTable.Directory);

    private static ResourceMatcher Matcher()
    {
        using var app = new TempApp().With("template.yaml", """
            Parameters:
              AccountsTableName:
                Type: String
                Default: Accounts
              NoDefault:
                Type: String
            Resources:
              Accounts:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: !Ref AccountsTableName
              Queue:
                Type: AWS::SQS::Queue
              NamedQueue:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: orders
              Table:
                Type: AWS::DynamoDB::Table
              Topic:
                Type: AWS::SNS::Topic
              Key:
                Type: AWS::KMS::Key
              Fn:
                Type: AWS::Serverless::Function
            """);
        return new ResourceMatcher(TemplateLoader.Load(app.TemplatePath), Knowledge.Types, Knowledge.Table.Catalog);
    }

    [Theory]
    [InlineData("${Queue.Arn}", "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${Queue.QueueName}")]
    [InlineData("${NamedQueue.Arn}", "arn:aws:sqs:eu-west-1:123456789012:orders")]
    [InlineData("${Table.Arn}", "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${Table}")]
    [InlineData("${Topic}", "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:${Topic.TopicName}")]
    [InlineData("${Key.Arn}", "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${Key}")]
    // A parameter at its Default, also through the resource named by it.
    [InlineData("arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${AccountsTableName}", "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/Accounts")]
    [InlineData("${Accounts.Arn}", "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/Accounts")]
    [InlineData("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/${Fn}:*", "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/${AWS::StackName}-Fn-*:*")]
    public void Different_spellings_of_one_resource_are_the_same(string granted, string needed)
    {
        var matcher = Matcher();
        matcher.Same(granted, needed).Should().BeTrue($"{matcher.Canonical(granted)} vs {matcher.Canonical(needed)}");
        matcher.Covers(granted, needed).Should().BeTrue();
    }

    [Theory]
    [InlineData("*", "arn:${AWS::Partition}:s3:::${Uploads}/in.json", true)]
    [InlineData("arn:aws:s3:::*", "arn:${AWS::Partition}:s3:::${Uploads}/in.json", true)]
    [InlineData("arn:${AWS::Partition}:s3:::${Uploads}/*", "arn:${AWS::Partition}:s3:::${Uploads}/in.json", true)]
    [InlineData("arn:${AWS::Partition}:s3:::${Uploads}/*", "arn:${AWS::Partition}:s3:::${Other}/in.json", false)]
    [InlineData("arn:${AWS::Partition}:s3:::${Uploads}", "arn:${AWS::Partition}:s3:::${Uploads}/in.json", false)]
    [InlineData("arn:${AWS::Partition}:s3:::${Uploads}/in.???n", "arn:${AWS::Partition}:s3:::${Uploads}/in.json", true)]
    [InlineData("arn:${AWS::Partition}:s3:::${Uploads}/?", "arn:${AWS::Partition}:s3:::${Uploads}/*", false)]
    [InlineData("arn:${AWS::Partition}:s3:::${Uploads}/a*", "arn:${AWS::Partition}:s3:::${Uploads}/*", false)]
    [InlineData("arn:aws-cn:s3:::b/*", "arn:${AWS::Partition}:s3:::b/x", true)]
    [InlineData("arn:aws:dynamodb:*:*:table/${Table}", "${Table.Arn}", true)]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/other", "${Table.Arn}", false)]
    [InlineData("arn:aws:dynamodb:*:*:table/${NoDefault}", "arn:aws:dynamodb:*:*:table/Accounts", false)]
    public void Granted_wildcards_cover_needed_resources(string granted, string needed, bool covers) =>
        Matcher().Covers(granted, needed).Should().Be(covers);

    [Theory]
    [InlineData("*", true)]
    [InlineData("arn:aws:s3:::*", true)]
    [InlineData("arn:aws:dynamodb:*:*:table/*", true)]
    [InlineData("arn:${AWS::Partition}:s3:::${Uploads}/*", false)]
    [InlineData("${Table.Arn}", false)]
    public void Every_resource_of_a_kind_is_a_wildcard(string granted, bool wildcard) =>
        Matcher().IsWildcard(granted).Should().Be(wildcard);

    [Theory]
    [InlineData("s3:Get*", "s3:GetObject", true)]
    [InlineData("S3:getobject", "s3:GetObject", true)]
    [InlineData("sqs:SendMessage*", "sqs:SendMessageBatch", true)]
    [InlineData("s3:Get*", "s3:PutObject", false)]
    [InlineData("*", "kms:Decrypt", true)]
    [InlineData("s3:?etObject", "s3:GetObject", true)]
    public void Action_patterns_match_without_regard_to_case(string pattern, string action, bool matches) =>
        IamGlob.Matches(pattern, action).Should().Be(matches);
}
