using FluentAssertions;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Mappings;
using RoleGen.Tests.Mappings;
using Xunit;

namespace RoleGen.Tests.Check;

public class PolicyLibraryTests
{
    private static readonly PolicyLibrary Library = PolicyLibraryLoader.Load(RealTable.Directory);

    /// <summary>Names SAM's policy templates use that are not IAM actions (the batch calls authorise as the single action).</summary>
    private static readonly HashSet<string> SamLegacyNames = new(StringComparer.Ordinal) { "sqs:ChangeMessageVisibilityBatch", "sqs:DeleteMessageBatch" };

    [Fact]
    public void Every_action_of_a_service_the_catalogue_carries_in_full_exists()
    {
        var catalog = RealTable.Value.Catalog;
        var statements = Library.Managed.Values.SelectMany(p => p.Statements.Select(s => (Owner: p.Name, s.Actions)))
            .Concat(Library.SamTemplates.Values.SelectMany(t => t.Statements.Select(s => (Owner: t.Name, s.Actions))))
            .Concat(Library.SamRole.SendTo.Select(p => (Owner: "sam-role sendTo " + p.Key, Actions: p.Value)));
        var unknown = new List<string>();
        var checkedCount = 0;
        foreach (var (owner, actions) in statements)
        foreach (var action in actions.Where(a => a != "*" && !SamLegacyNames.Contains(a)))
        {
            var service = action[..action.IndexOf(':')];
            // ec2 is in the catalogue only for the network-interface actions RoleGen grants.
            if (service == "ec2" || !catalog.Services.TryGetValue(service, out var known)) continue;
            checkedCount++;
            if (!known.Actions.Keys.Any(a => IamGlob.Matches(action[(action.IndexOf(':') + 1)..], a))) unknown.Add($"{owner}: {action}");
        }
        checkedCount.Should().BeGreaterThan(100);
        unknown.Should().BeEmpty();
    }

    [Fact]
    public void The_policies_the_brief_names_are_all_there()
    {
        Library.Managed.Keys.Should().Contain(new[]
        {
            "AmazonS3FullAccess", "AmazonS3ReadOnlyAccess", "AmazonDynamoDBFullAccess", "AmazonDynamoDBReadOnlyAccess",
            "AmazonSQSFullAccess", "AmazonSNSFullAccess", "AmazonKinesisFullAccess", "AWSLambdaBasicExecutionRole",
            "AWSLambdaSQSQueueExecutionRole", "AWSLambdaKinesisExecutionRole", "AWSLambdaDynamoDBExecutionRole",
            "AWSLambdaVPCAccessExecutionRole", "AWSXRayDaemonWriteAccess", "AdministratorAccess", "PowerUserAccess",
        });
        Library.SamTemplates.Keys.Should().Contain(new[]
        {
            "S3CrudPolicy", "S3ReadPolicy", "S3WritePolicy", "DynamoDBCrudPolicy", "DynamoDBReadPolicy", "DynamoDBWritePolicy",
            "SQSSendMessagePolicy", "SQSPollerPolicy", "SNSPublishMessagePolicy", "KMSDecryptPolicy", "KMSEncryptPolicy",
            "KinesisCrudPolicy", "KinesisStreamReadPolicy",
        });
        Library.SamTemplates["S3CrudPolicy"].Statements.Single().Resources.Should().Equal(
            "arn:${AWS::Partition}:s3:::${BucketName}", "arn:${AWS::Partition}:s3:::${BucketName}/*");
        Library.SamRole.Always.Should().Equal("AWSLambdaBasicExecutionRole");
    }

    [Theory]
    [InlineData("AmazonS3FullAccess", "AmazonS3FullAccess")]
    [InlineData("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", "AWSLambdaBasicExecutionRole")]
    [InlineData("arn:aws-cn:iam::aws:policy/AmazonSQSFullAccess", "AmazonSQSFullAccess")]
    public void Managed_policies_are_found_by_name_or_ARN(string text, string name)
    {
        Library.FindByNameOrArn(text, out var read).Should().NotBeNull();
        read.Should().Be(name);
    }

    [Fact]
    public void A_customer_policy_of_the_same_name_is_not_the_AWS_one()
    {
        Library.FindByNameOrArn("arn:aws:iam::123456789012:policy/AmazonS3FullAccess", out var name).Should().BeNull();
        name.Should().Be("AmazonS3FullAccess");
    }

    [Fact]
    public void A_broken_policy_file_stops_the_run_with_its_line()
    {
        var directory = Directory.CreateTempSubdirectory("rolegen-policies-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(directory, PolicyLibrary.Folder));
            foreach (var file in new[] { PolicyLibraryLoader.ManagedFile, PolicyLibraryLoader.SamTemplatesFile, PolicyLibraryLoader.SamRoleFile })
                File.Copy(Path.Combine(RealTable.Directory, PolicyLibrary.Folder, file), Path.Combine(directory, PolicyLibrary.Folder, file));
            File.WriteAllText(Path.Combine(directory, PolicyLibrary.Folder, PolicyLibraryLoader.SamTemplatesFile), """
                templates:
                  Broken:
                    parameters: [BucketName]
                    statements:
                      - actions: [s3:GetObject]
                        resources: ["arn:${AWS::Partition}:s3:::${Bucket}"]
                """);
            var act = () => PolicyLibraryLoader.Load(directory);
            act.Should().Throw<RoleGenInputException>().WithMessage("mappings/policies/sam-policy-templates.yaml:5: 'Broken': *${Bucket}*");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
