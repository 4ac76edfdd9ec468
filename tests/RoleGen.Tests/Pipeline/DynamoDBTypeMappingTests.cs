using FluentAssertions;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>A process-wide table mapping for an entity type (AWSConfigsDynamoDB.Context) names the table DynamoDBContext uses.</summary>
public class DynamoDBTypeMappingTests
{
    private const string Table = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/";

    [Theory]
    // Set up whenever the handler is built: the type's own table is never used.
    [InlineData("AWSConfigsDynamoDB.Context.TypeMappings[typeof(Blog)] = new Amazon.Util.TypeMapping(typeof(Blog), Environment.GetEnvironmentVariable(\"BLOG_TABLE\"));", $"{Table}${{Blogs}}")]
    [InlineData("AWSConfigsDynamoDB.Context.AddMapping(new TypeMapping(typeof(Blog), \"blogs-v2\"));", $"{Table}blogs-v2")]
    // Only on some paths: the type's own table stays possible.
    [InlineData("if (DateTime.UtcNow.Year > 2000) AWSConfigsDynamoDB.Context.AddMapping(new TypeMapping(typeof(Blog), Environment.GetEnvironmentVariable(\"BLOG_TABLE\")));", $"{Table}${{Blogs}}|{Table}Blog")]
    [InlineData("try { } catch { AWSConfigsDynamoDB.Context.AddMapping(new TypeMapping(typeof(Blog), \"blogs-v2\")); }", $"{Table}Blog|{Table}blogs-v2")]
    [InlineData("foreach (var type in new[] { typeof(Blog) }) AWSConfigsDynamoDB.Context.AddMapping(new TypeMapping(typeof(Blog), \"blogs-v2\"));", $"{Table}Blog|{Table}blogs-v2")]
    [InlineData("AWSConfigsDynamoDB.Context.AddMapping(new TypeMapping(typeof(Other), \"others\"));", $"{Table}Blog")] // another type's mapping
    // Only when the variable is set (the blueprints' shape): the variable's table when the template sets it, else the type's own.
    [InlineData("var name = Environment.GetEnvironmentVariable(\"BLOG_TABLE\"); if (!string.IsNullOrEmpty(name)) { AWSConfigsDynamoDB.Context.TypeMappings[typeof(Blog)] = new TypeMapping(typeof(Blog), name); }", $"{Table}${{Blogs}}")]
    [InlineData("var name = Environment.GetEnvironmentVariable(\"UNSET_TABLE\"); if (!string.IsNullOrEmpty(name)) { AWSConfigsDynamoDB.Context.TypeMappings[typeof(Blog)] = new TypeMapping(typeof(Blog), name); }", $"{Table}*")] // unset in the template: set elsewhere?
    [InlineData("var name = Environment.GetEnvironmentVariable(\"BLOG_TABLE\"); if (!string.IsNullOrEmpty(name) && DateTime.UtcNow.Year > 2000) { AWSConfigsDynamoDB.Context.TypeMappings[typeof(Blog)] = new TypeMapping(typeof(Blog), name); }", $"{Table}${{Blogs}}|{Table}Blog")]
    [InlineData("", $"{Table}Blog")]
    public void The_mapped_table_is_granted_instead_of_the_types_own_unless_the_mapping_is_conditional(string mapping, string expected)
    {
        var report = OneFunction.Run("""
            Blogs:
              Type: AWS::DynamoDB::Table
            """, $$"""
            using Amazon;
            using Amazon.Util;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.DataModel;
            namespace App;
            public class Blog { public string Id { get; set; } }
            public class Other { public string Id { get; set; } }
            public class Handler
            {
                private readonly DynamoDBContext _context;
                public Handler()
                {
                    {{mapping}}
                    _context = new DynamoDBContext(new AmazonDynamoDBClient());
                }
                public Task Run() => _context.LoadAsync<Blog>("id");
            }
            """, "BLOG_TABLE: !Ref Blogs");

        string.Join("|", report.Grants().Where(g => g.StartsWith("dynamodb:GetItem ", StringComparison.Ordinal)).Select(g => g["dynamodb:GetItem ".Length..])).Should().Be(expected);
    }
}
