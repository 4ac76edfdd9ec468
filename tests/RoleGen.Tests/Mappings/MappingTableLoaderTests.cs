using FluentAssertions;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Mappings;
using Xunit;

namespace RoleGen.Tests.Mappings;

/// <summary>
/// The loader rejects broken mapping files with "mappings/&lt;file&gt;.yaml:&lt;line&gt;: &lt;operation&gt;: &lt;problem&gt;".
/// Each case writes a small file into a temporary mappings folder that uses the real catalogue.
/// </summary>
public sealed class MappingTableLoaderTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "rolegen-mappings-" + Guid.NewGuid().ToString("N"));

    public MappingTableLoaderTests()
    {
        Directory.CreateDirectory(Path.Combine(dir, "catalog"));
        foreach (var f in Directory.GetFiles(Path.Combine(RealTable.Directory, "catalog"), "*.json"))
            File.Copy(f, Path.Combine(dir, "catalog", Path.GetFileName(f)));
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private const string Head = """
        service: s3
        bind:
          BucketName: BucketName
          ObjectName: Key
        clients:
          - namespace: Amazon.S3
            types: [IAmazonS3]
            operations:
        """;

    /// <summary>Writes s3.yaml = Head + the operation lines (8 spaces of indent added); returns the load error.</summary>
    private RoleGenInputException LoadFails(params string[] operationLines)
    {
        File.WriteAllText(Path.Combine(dir, "s3.yaml"), Head + "\n" + string.Join("\n", operationLines.Select(l => "      " + l)) + "\n");
        var act = () => MappingTableLoader.Load(dir);
        return act.Should().Throw<RoleGenInputException>().Which;
    }

    // Head has 8 lines, so the first operation line is line 9.

    [Fact]
    public void Valid_file_loads_with_operation_line()
    {
        File.WriteAllText(Path.Combine(dir, "s3.yaml"), Head + "\n" + """
                  GetObject:
                    grants:
                      - { action: s3:GetObject, on: object }
            """ + "\n");
        var table = MappingTableLoader.Load(dir);
        table.ClientsByType["IAmazonS3"].Operations["GetObject"].Line.Should().Be(9);
    }

    [Fact]
    public void Unknown_action_is_rejected()
    {
        var e = LoadFails("GetObject:", "  grants:", "    - { action: s3:GetObjekt, on: object }");
        e.Message.Should().Be("mappings/s3.yaml:11: GetObject: unknown action 's3:GetObjekt' (not in mappings/catalog)");
        e.Location.Should().Be(new SourceLocation("mappings/s3.yaml", 11, 1));
    }

    [Fact]
    public void On_that_is_not_a_resource_type_of_the_action_is_rejected()
    {
        var e = LoadFails("ListObjectsV2:", "  grants:", "    - { action: s3:ListBucket, on: object }");
        e.Message.Should().StartWith("mappings/s3.yaml:11: ListObjectsV2: 'object' is not a resource type of s3:ListBucket");
    }

    [Fact]
    public void Star_on_an_action_with_resource_types_is_rejected()
    {
        var e = LoadFails("GetObject:", "  grants:", "    - { action: s3:GetObject, on: \"*\" }");
        e.Message.Should().StartWith("mappings/s3.yaml:11: GetObject: s3:GetObject has resource types");
    }

    [Fact]
    public void Resource_type_on_an_action_without_resource_types_is_rejected()
    {
        var e = LoadFails("ListBuckets:", "  grants:", "    - { action: s3:ListAllMyBuckets, on: bucket }");
        e.Message.Should().StartWith("mappings/s3.yaml:11: ListBuckets: s3:ListAllMyBuckets has no resource types");
    }

    [Fact]
    public void Unbound_placeholder_is_rejected()
    {
        // accesspoint's ARN has ${AccessPointName}, which neither the file nor the grant binds.
        var e = LoadFails("HeadBucket:", "  grants:", "    - { action: s3:ListBucket, on: accesspoint }");
        e.Message.Should().StartWith("mappings/s3.yaml:11: HeadBucket: placeholder ${AccessPointName} of accesspoint");
    }

    [Fact]
    public void Placeholder_bound_to_star_on_purpose_is_accepted_as_the_literal()
    {
        File.WriteAllText(Path.Combine(dir, "s3.yaml"), Head + "\n" + """
                  HeadBucket:
                    grants:
                      - { action: s3:ListBucket, on: accesspoint, bind: { AccessPointName: '*' } }
            """ + "\n");
        MappingTableLoader.Load(dir).ClientsByType["IAmazonS3"].Operations["HeadBucket"].Grants[0]
            .Bind["AccessPointName"].Should().Be("'*'");
    }

    [Fact]
    public void Compound_bind_paths_load_and_malformed_ones_are_rejected()
    {
        File.WriteAllText(Path.Combine(dir, "s3.yaml"), Head + "\n" + """
                  GetObject:
                    grants:
                      - { action: s3:GetObject, on: object, bind: { ObjectName: "Prefix ?? 'in/' + Key" } }
            """ + "\n");
        MappingTableLoader.Load(dir).ClientsByType["IAmazonS3"].Operations["GetObject"].Grants[0]
            .Bind["ObjectName"].Should().Be("Prefix ?? 'in/' + Key");

        LoadFails("GetObject:", "  grants:", "    - { action: s3:GetObject, on: object, bind: { ObjectName: \"Prefix ?? + Key\" } }")
            .Message.Should().StartWith("mappings/s3.yaml:11: GetObject: bind ObjectName: 'Prefix ?? + Key' is not a request path");
    }

    [Theory]
    [InlineData("  adders: { AddKey: [\"Objects[].Key\", \"Objects[].VersionId\"] }", null)]
    [InlineData("  adders: { AddKey: [\"Objects[].Key\", \"Other[].VersionId\"] }", "mappings/s3.yaml:13: DeleteObjects: adders: AddKey must list item paths of one collection")]
    [InlineData("  adders: { AddKey: [\"Key\"] }", "mappings/s3.yaml:13: DeleteObjects: adders: AddKey must list item paths of one collection")]
    [InlineData("  adders: { AddKey: [] }", "mappings/s3.yaml:13: DeleteObjects: adders: AddKey must list item paths of one collection")]
    public void Adders_name_item_paths_of_one_collection_of_the_request(string adders, string? error)
    {
        string[] lines = ["DeleteObjects:", "  request: DeleteObjectsRequest", "  grants:", "    - { action: s3:DeleteObject, on: object, bind: { ObjectName: \"Objects[].Key\" } }", adders];
        if (error is not null)
        {
            LoadFails(lines).Message.Should().StartWith(error);
            return;
        }
        File.WriteAllText(Path.Combine(dir, "s3.yaml"), Head + "\n" + string.Join("\n", lines.Select(l => "      " + l)) + "\n");
        MappingTableLoader.Load(dir).AddersByRequest["DeleteObjectsRequest"]["AddKey"].Should().Equal("Objects[].Key", "Objects[].VersionId");
    }

    [Fact]
    public void Adders_need_the_request_type_they_are_methods_of() =>
        LoadFails("DeleteObjects:", "  grants:", "    - { action: s3:DeleteObject, on: object }", "  adders: { AddKey: [\"Objects[].Key\"] }")
            .Message.Should().StartWith("mappings/s3.yaml:12: DeleteObjects: adders are methods of the request type");

    [Fact]
    public void A_carried_path_inside_a_compound_path_must_be_carried()
    {
        // ^Prefix? is optional when the maker is not seen, but whatever makes the object must still say what it carries.
        var e = LoadFails(
            "GetObject:", "  grants:", "    - { action: s3:GetObject, on: object, bind: { ObjectName: \"^Prefix? + Key\" } }",
            "new:", "  returns: IAmazonS3", "  grants: []", "  note: the constructor");
        e.Message.Should().StartWith("mappings/s3.yaml:11: GetObject: ^Prefix?: not every operation that returns IAmazonS3 carries Prefix");
    }

    [Fact]
    public void Bind_of_a_name_that_is_not_a_placeholder_is_rejected()
    {
        var e = LoadFails("GetObject:", "  grants:", "    - { action: s3:GetObject, on: object, bind: { Bucket: BucketName } }");
        e.Message.Should().StartWith("mappings/s3.yaml:11: GetObject: bind Bucket: not a placeholder of object");
    }

    [Theory]
    [InlineData("VersionId ==")]
    [InlineData("Version Id")]
    [InlineData("!VersionId == x")]
    [InlineData("VersionId > 3")]
    public void Bad_if_expression_is_rejected(string expression)
    {
        var e = LoadFails("GetObject:", "  grants:", $"    - {{ action: s3:GetObject, on: object, if: \"{expression}\" }}");
        e.Message.Should().StartWith("mappings/s3.yaml:11: GetObject: if: ");
    }

    [Fact]
    public void Bad_unless_expression_is_rejected_on_its_own_line()
    {
        var e = LoadFails("GetObject:", "  grants:", "    - action: s3:GetObject", "      on: object", "      unless: \"== x\"");
        e.Message.Should().StartWith("mappings/s3.yaml:13: GetObject: unless: ");
    }

    [Fact]
    public void Unknown_kind_is_rejected()
    {
        File.WriteAllText(Path.Combine(dir, "s3.yaml"), "service: s3\nkinds:\n  BucketName: bucket-name\nclients: []\n");
        var act = () => MappingTableLoader.Load(dir);
        act.Should().Throw<RoleGenInputException>().WithMessage("mappings/s3.yaml:3: kinds: BucketName: unknown kind 'bucket-name'*");
    }

    [Fact]
    public void Unknown_grant_key_is_rejected()
    {
        var e = LoadFails("GetObject:", "  grants:", "    - { action: s3:GetObject, on: object, unles: VersionId }");
        e.Message.Should().StartWith("mappings/s3.yaml:11: GetObject: unknown key 'unles'");
    }

    [Fact]
    public void Condition_key_of_another_action_is_rejected()
    {
        var e = LoadFails("GetObject:", "  grants:", "    - { action: s3:GetObject, on: object, condition: { StringLike: { \"s3:prefix\": \"${Prefix}*\" } } }");
        e.Message.Should().StartWith("mappings/s3.yaml:11: GetObject: condition key 's3:prefix' is not a condition key of s3:GetObject");
    }

    [Fact]
    public void Empty_grants_without_a_note_are_rejected()
    {
        var e = LoadFails("GetBucketLocation:", "  grants: []");
        e.Message.Should().StartWith("mappings/s3.yaml:10: GetBucketLocation: grants: [] (no permission needed) must say why in note");
    }

    [Fact]
    public void Duplicate_operation_is_rejected()
    {
        var e = LoadFails(
            "GetObject:", "  grants:", "    - { action: s3:GetObject, on: object }",
            "GetObject:", "  grants:", "    - { action: s3:GetObject, on: object }");
        e.Message.Should().MatchRegex(@"^mappings/s3\.yaml:12: .*[Dd]uplicate");
    }

    [Fact]
    public void Duplicate_grant_key_is_rejected()
    {
        var e = LoadFails("GetObject:", "  grants:", "    - { action: s3:GetObject, on: object, on: bucket }");
        e.Message.Should().MatchRegex(@"^mappings/s3\.yaml:11: .*[Dd]uplicate");
    }

    [Fact]
    public void Broken_yaml_is_rejected_with_its_line()
    {
        var e = LoadFails("GetObject:", "  grants:", "    - { action: s3:GetObject, on: object");
        e.Message.Should().MatchRegex(@"^mappings/s3\.yaml:1[1-2]: YAML: ");
    }

    [Fact]
    public void Async_suffix_is_rejected()
    {
        var e = LoadFails("GetObjectAsync:", "  grants:", "    - { action: s3:GetObject, on: object }");
        e.Message.Should().Be("mappings/s3.yaml:9: GetObjectAsync: operation names are written without the Async suffix");
    }

    [Fact]
    public void Files_owned_elsewhere_are_not_read_as_service_files()
    {
        File.WriteAllText(Path.Combine(dir, "cloudformation.yaml"), "resources: {}\n");
        File.WriteAllText(Path.Combine(dir, "implied.yaml"), "anything: [\n");
        File.WriteAllText(Path.Combine(dir, "s3.yaml"), "service: s3\nclients: []\n");
        MappingTableLoader.Load(dir).Services.Should().ContainSingle();
    }

    [Fact]
    public void Mappings_folder_is_found_by_walking_up()
    {
        MappingTableLoader.FindMappingsDirectory(AppContext.BaseDirectory).Should().EndWith("mappings");
        File.Exists(Path.Combine(MappingTableLoader.FindMappingsDirectory(AppContext.BaseDirectory), "README.md")).Should().BeTrue();
    }

    [Theory]
    [InlineData("VersionId", "VersionId", false, null, null)]
    [InlineData("!VersionId", "VersionId", true, null, null)]
    [InlineData("TaggingDirective == REPLACE", "TaggingDirective", false, "==", "REPLACE")]
    [InlineData("Statement@partiql-kind != 'SELECT'", "Statement@partiql-kind", false, "!=", "SELECT")]
    [InlineData("TransactItems[].Put", "TransactItems[].Put", false, null, null)]
    public void Expressions_parse(string text, string path, bool negated, string? op, string? value)
    {
        GrantExpression.Parse(text).Should().Be(new GrantExpression(path, negated, op, value));
    }

    [Theory]
    [InlineData("IAmazonLambda", null, true)]
    [InlineData("AmazonStepFunctionsClient", "Amazon.StepFunctions", true)]
    [InlineData("IAmazonSecretsManager", "Amazon.SecretsManager", true)]
    [InlineData("IAmazonService", "Amazon.Runtime", false)]
    [InlineData("AmazonLambdaClient", "MyCompany.Fakes", false)]
    [InlineData("IAmazonLambdaFactory2", "Amazon", true)]
    [InlineData("Amazon", null, false)]
    [InlineData("AmazonClient", null, false)]
    [InlineData("AmazonLambdaConfig", "Amazon.Lambda", false)]
    public void The_shipped_table_knows_how_sdk_clients_are_named(string type, string? resolvedNamespace, bool client) =>
        RealTable.Value.OtherClients.Matches(type, resolvedNamespace).Should().Be(client);

    [Fact]
    public void A_broken_client_naming_file_is_rejected_with_its_name()
    {
        File.WriteAllText(Path.Combine(dir, SdkClientNaming.FileName), "namespace: Amazon\nnames: [\"IAmazon(.*)\"]\nexcept: []\n");
        var act = () => MappingTableLoader.Load(dir);
        act.Should().Throw<RoleGenInputException>().WithMessage("mappings/sdk-clients.yaml: name pattern 'IAmazon(.*)' may hold only letters, digits, _ and *");
    }
}
