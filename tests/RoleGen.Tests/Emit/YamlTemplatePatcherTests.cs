using FluentAssertions;
using RoleGen.Core;
using RoleGen.Core.Emit;
using RoleGen.Core.Templates;
using RoleGen.Tests.Cli;
using RoleGen.Tests.Mappings;
using RoleGen.Tests.Pipeline;
using Xunit;

namespace RoleGen.Tests.Emit;

public class YamlTemplatePatcherTests
{
    private static readonly RoleGenKnowledge Knowledge = RoleGenKnowledge.Load(RealTable.Directory);

    // Comments, odd spacing, quoting styles, flow collections and blank lines that must survive byte for byte.
    private const string Original = """
        # Orders service   (keep this comment)
        AWSTemplateFormatVersion: "2010-09-09"
        Transform: AWS::Serverless-2016-10-31

        Parameters:
          Stage: { Type: String, Default: 'dev' }   # flow mapping

        Resources:
          Uploads:
            Type: AWS::S3::Bucket      # odd    spacing
          SharedRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: "sts:AssumeRole"}]}
          # the reader function
          Reader:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: dotnet8
              CodeUri: ./src/App/
              Handler: App::App.Functions::Read
              Role: !GetAtt SharedRole.Arn
              Environment:
                Variables:
                  BUCKET: !Ref Uploads     # from the template
          Writer:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: dotnet8
              CodeUri: ./src/App/
              Handler: App::App.Functions::Write
              Policies:
                - AmazonS3FullAccess     # far too broad
                - Statement:
                    - Effect: Allow
                      Action: "s3:*"
                      Resource: '*'

              Environment:
                Variables:
                  BUCKET: !Ref Uploads

        Outputs:
          Bucket:
            Value: !Ref Uploads   # trailing
        """;

    private const string Code = """
        using Amazon.S3;
        namespace App;
        public class Functions
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();
            public Task Read() => _s3.GetObjectAsync(Environment.GetEnvironmentVariable("BUCKET"), "in.json");
            public Task Write() => _s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = Environment.GetEnvironmentVariable("BUCKET"), Key = "out.json" });
        }
        """;

    private static TempApp App(string template = Original) => new TempApp().With("template.yaml", template).WithProject("src/App", "App").With("src/App/Functions.cs", Code);

    private static string Patch(TempApp app)
    {
        var report = new RoleGenerator(Knowledge).Generate(app.TemplatePath);
        return TemplatePatcher.Patch(TemplateLoader.Load(app.TemplatePath), report).Text;
    }

    /// <summary>The text with RoleGen's generated role resources cut out, to compare what is left byte for byte.</summary>
    private static string WithoutGeneratedRoles(string text)
    {
        var template = TemplateLoader.Parse("/t/template.yaml", text);
        var edits = new TextEdits(text);
        foreach (var entry in ((CfnMapping)template.Root["Resources"]!).Entries.Where(e => (e.Key.EndsWith("Role") || e.Key.EndsWith("RolePolicy")) && e.Value is CfnMapping m && m["Metadata"] is not null))
            edits.Replace(edits.LineStart(entry.KeySpan.Start), edits.NextLineStart(entry.Value.Span.End), "");
        return edits.Apply();
    }

    [Fact]
    public void Only_the_nodes_RoleGen_owns_change()
    {
        using var app = App();
        var patched = Patch(app);

        var expected = Original
            .Replace("""
                  SharedRole:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: "sts:AssumeRole"}]}

                """, "")
            .Replace("Role: !GetAtt SharedRole.Arn", "Role: !GetAtt ReaderRole.Arn")
            .Replace("""
                      Handler: App::App.Functions::Write
                      Policies:
                        - AmazonS3FullAccess     # far too broad
                        - Statement:
                            - Effect: Allow
                              Action: "s3:*"
                              Resource: '*'

                """, """
                      Handler: App::App.Functions::Write
                      Role: !GetAtt WriterRole.Arn

                """);
        WithoutGeneratedRoles(patched).Should().Be(expected);
    }

    [Fact]
    public void The_generated_roles_are_marked_and_complete()
    {
        using var app = App();
        var template = TemplateLoader.Parse("/t/template.yaml", Patch(app));
        var role = template.Resources["WriterRole"];
        role.Type.Should().Be("AWS::IAM::Role");
        ((CfnMapping)((CfnMapping)role.Definition["Metadata"]!)["RoleGen"]!)["generated"].Should().BeOfType<CfnScalar>().Which.Value.Should().Be("true");
        var text = Patch(app);
        text.Should().Contain("arn:${AWS::Partition}:s3:::${Uploads}/out.json").And.Contain("arn:${AWS::Partition}:s3:::${Uploads}/in.json");
        template.Resources.Keys.Should().Contain(["ReaderRole", "WriterRole"]).And.NotContain("SharedRole");
    }

    [Fact]
    public void The_generated_role_sends_to_the_queue_and_topic_SAM_creates_for_EventInvokeConfig()
    {
        // Without a Destination SAM creates WriterEventInvokeConfigOnFailureQueue and ...OnSuccessTopic and grants on them
        // in the role it generates, which --in-place replaces: the generated role must grant them too.
        var invokeConfig = """
                  EventInvokeConfig:
                    MaximumRetryAttempts: 1
                    DestinationConfig:
                      OnSuccess:
                        Type: SNS
                      OnFailure:
                        Type: SQS

            """;
        using var app = App(Original.Replace("      Handler: App::App.Functions::Write\n", "      Handler: App::App.Functions::Write\n" + invokeConfig));
        var text = Patch(app);

        text.Should().Contain(invokeConfig, "the template's own EventInvokeConfig stays as it was");
        var statements = (CfnSequence)((CfnMapping)((CfnMapping)((CfnSequence)TemplateLoader.Parse("/t/template.yaml", text).Resources["WriterRole"].Properties["Policies"]!).Items[0])["PolicyDocument"]!)["Statement"]!;
        Granted(statements, "sqs:SendMessage").Should().Equal("${WriterEventInvokeConfigOnFailureQueue.Arn}");
        Granted(statements, "sns:Publish").Should().Equal("${WriterEventInvokeConfigOnSuccessTopic}");
        text.Should().Contain("Writer.EventInvokeConfig.DestinationConfig.OnFailure");
    }

    /// <summary>The resources (Fn::Sub text) of the statements that grant this action.</summary>
    private static IEnumerable<string> Granted(CfnSequence statements, string action) =>
        statements.Items.OfType<CfnMapping>()
            .Where(s => s["Action"] is CfnSequence actions ? actions.Items.OfType<CfnScalar>().Any(a => a.Value == action) : (s["Action"] as CfnScalar)?.Value == action)
            .SelectMany(s => s["Resource"] is CfnSequence r ? r.Items : [s["Resource"]!])
            .Select(r => r is CfnMapping m && m.AsIntrinsic() is ("Fn::Sub", CfnScalar sub) ? sub.Value : ((CfnScalar)r).Value);

    [Fact]
    public void A_second_run_changes_nothing()
    {
        using var app = App();
        var once = Patch(app);
        app.With("template.yaml", once);
        Patch(app).Should().Be(once);
    }

    [Fact]
    public void The_log_group_of_a_generated_name_goes_in_a_policy_attached_to_the_role_and_follows_the_function()
    {
        using var app = App();
        var once = Patch(app);
        var template = TemplateLoader.Parse("/t/template.yaml", once);
        var policy = template.Resources["ReaderRolePolicy"];
        policy.Type.Should().Be("AWS::IAM::Policy");
        var attachedTo = ((CfnSequence)policy.Properties["Roles"]!).Items.Should().ContainSingle().Which;
        (attachedTo is CfnMapping m && m.AsIntrinsic() is ("Ref", CfnScalar { Value: "ReaderRole" })).Should().BeTrue("the policy is attached to the function's role");
        var statements = (CfnSequence)((CfnMapping)policy.Properties["PolicyDocument"]!)["Statement"]!;
        Granted(statements, "logs:PutLogEvents").Should().Equal("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/${Reader}:*:*");
        once.Should().NotContain("${AWS::StackName}-Reader-*", "the name is not guessed: CloudFormation shortens long ones");

        // Given a FunctionName, the role names the log group itself and the attached policy goes away.
        app.With("template.yaml", once.Replace("      Handler: App::App.Functions::Read\n", "      Handler: App::App.Functions::Read\n      FunctionName: reader\n", StringComparison.Ordinal));
        var named = Patch(app);
        named.Should().NotContain("ReaderRolePolicy").And.Contain("log-group:/aws/lambda/reader:*").And.Contain("WriterRolePolicy");
        app.With("template.yaml", named);
        Patch(app).Should().Be(named);
    }

    [Fact]
    public void A_resource_of_the_attached_policy_s_name_that_RoleGen_did_not_write_leaves_the_function_alone()
    {
        using var app = App(Original.Replace("  Uploads:\n", "  ReaderRolePolicy:\n    Type: AWS::SNS::Topic\n  Uploads:\n", StringComparison.Ordinal));
        var report = new RoleGenerator(Knowledge).Generate(app.TemplatePath);
        var result = TemplatePatcher.Patch(TemplateLoader.Load(app.TemplatePath), report);
        result.Skipped.Should().ContainSingle().Which.Should().Be(("Reader", "a resource named ReaderRolePolicy already exists and was not written by RoleGen"));
    }

    [Fact]
    public void A_shared_role_another_resource_still_uses_stays()
    {
        var template = Original.Replace("""
            Outputs:
              Bucket:
            """, """
            Outputs:
              Role:
                Value: !GetAtt SharedRole.Arn
              Bucket:
            """);
        using var app = App(template);
        TemplateLoader.Parse("/t/template.yaml", Patch(app)).Resources.Keys.Should().Contain("SharedRole");
    }

    [Fact]
    public void The_generated_roles_keep_the_permissions_boundaries_the_functions_had()
    {
        // Writer's own boundary (SAM applies it to the role it generates); Reader's through the role it used, which goes.
        var template = Original
            .Replace("      Handler: App::App.Functions::Write\n", "      Handler: App::App.Functions::Write\n      PermissionsBoundary: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/WriterBoundary\n")
            .Replace("    Type: AWS::IAM::Role\n    Properties:\n", "    Type: AWS::IAM::Role\n    Properties:\n      PermissionsBoundary: arn:aws:iam::123456789012:policy/SharedBoundary\n");
        using var app = App(template);
        var patched = Patch(app);

        var resources = TemplateLoader.Parse("/t/template.yaml", patched).Resources;
        resources.Keys.Should().NotContain("SharedRole");
        resources["WriterRole"].Properties["PermissionsBoundary"].Should().BeOfType<CfnMapping>().Which.AsIntrinsic().Should()
            .Match<(string Function, CfnNode Argument)?>(i => i!.Value.Function == "Fn::Sub" && ((CfnScalar)i.Value.Argument).Value == "arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/WriterBoundary");
        resources["ReaderRole"].Properties["PermissionsBoundary"].Should().BeOfType<CfnScalar>().Which.Value.Should().Be("arn:aws:iam::123456789012:policy/SharedBoundary");

        app.With("template.yaml", patched);
        Patch(app).Should().Be(patched, "a second run reads the boundary back from the role it wrote");
    }

    [Fact]
    public void A_conditional_boundary_from_globals_is_kept_as_the_template_writes_it()
    {
        var template = Original
            .Replace("Parameters:\n", "Conditions:\n  HasBoundary: !Not [!Equals [!Ref Boundary, '']]\n\nParameters:\n  Boundary: { Type: String, Default: '' }\n")
            .Replace("Resources:\n", "Globals:\n  Function:\n    PermissionsBoundary: !If [HasBoundary, !Ref Boundary, !Ref AWS::NoValue]\n\nResources:\n");
        using var app = App(template);
        var patched = Patch(app);

        var resources = TemplateLoader.Parse("/t/template.yaml", patched).Resources;
        foreach (var role in new[] { "ReaderRole", "WriterRole" })
            CfnJson.Write(resources[role].Properties["PermissionsBoundary"]!).Should().Be("""{"Fn::If": ["HasBoundary", {"Ref": "Boundary"}, {"Ref": "AWS::NoValue"}]}""", role);
    }

    [Fact]
    public void A_conditional_functions_role_and_policy_are_created_under_its_condition()
    {
        using var app = App(Original
            .Replace("Parameters:\n", "Conditions:\n  IsProd: !Equals [!Ref Stage, prod]\n\nParameters:\n")
            .Replace("  Writer:\n    Type: AWS::Serverless::Function\n", "  Writer:\n    Type: AWS::Serverless::Function\n    Condition: IsProd\n"));
        var resources = TemplateLoader.Parse("/t/template.yaml", Patch(app)).Resources;

        resources["WriterRole"].Definition["Condition"].Should().BeOfType<CfnScalar>().Which.Value.Should().Be("IsProd");
        resources["WriterRolePolicy"].Definition["Condition"].Should().BeOfType<CfnScalar>().Which.Value.Should().Be("IsProd");
        resources["ReaderRole"].Definition["Condition"].Should().BeNull();
    }

    [Fact]
    public void A_statement_naming_a_conditional_resource_holds_under_its_condition_and_check_reads_it_back()
    {
        var yaml = Original
            .Replace("Parameters:\n", "Conditions:\n  IsProd: !Equals [!Ref Stage, prod]\n\nParameters:\n")
            .Replace("  Uploads:\n    Type: AWS::S3::Bucket      # odd    spacing\n", "  Uploads:\n    Type: AWS::S3::Bucket      # odd    spacing\n    Condition: IsProd\n")
            .Replace("Outputs:\n  Bucket:\n    Value: !Ref Uploads   # trailing\n", "");
        yaml.Should().Contain("Condition: IsProd");
        using var app = App(yaml);
        var path = app.TemplatePath;
        var report = new RoleGenerator(Knowledge).Generate(path);
        var patched = TemplatePatcher.Patch(TemplateLoader.Load(path), report).Text;
        File.WriteAllText(path, patched);

        var role = TemplateLoader.Load(path).Resources["ReaderRole"];
        var policy = ((CfnSequence)role.Properties["Policies"]!).Items.Single();
        CfnJson.Write(policy).Should().StartWith("{\"Fn::If\": [\"IsProd\", {\"PolicyName\": \"ReaderPolicy\"").And.EndWith("{\"Ref\": \"AWS::NoValue\"}]}");
        var check = new RoleGen.Core.Check.RoleChecker(Knowledge, RoleGen.Core.Mappings.PolicyLibraryLoader.Load(RealTable.Directory)).Check(path);
        check.AllFindings.Should().NotContain(f => f.Code == RoleGen.Core.Diagnostics.FindingCodes.MissingPermission || f.Code == RoleGen.Core.Diagnostics.FindingCodes.GrantNotVisible);
    }

    [Fact]
    public void The_cli_writes_in_place_atomically_and_keeps_crlf_line_endings()
    {
        using var app = App(Original.Replace("\n", "\r\n"));
        var result = RoleGenProcess.Run(app.Root, "generate", "--template", "template.yaml", "--in-place");
        result.ExitCode.Should().Be(0, result.Stderr);
        var written = File.ReadAllText(app.TemplatePath);
        written.Should().Contain("ReaderRole:\r\n").And.NotContain("SharedRole:");
        written.Replace("\r\n", "").Should().NotContain("\n", "every line keeps its CRLF ending");
        Directory.GetFiles(app.Root).Should().ContainSingle("no temporary file is left behind");
        RoleGenProcess.Run(app.Root, "generate", "--template", "template.yaml", "--in-place").Stderr.Should().Contain("up to date");
    }

    [Fact]
    public void The_cli_lists_the_grants_it_replaced_and_leaves_a_policy_the_user_attached_to_the_generated_role()
    {
        using var app = App();
        var first = RoleGenProcess.Run(app.Root, "generate", "--template", "template.yaml", "--in-place");
        first.ExitCode.Should().Be(0, first.Stderr);
        first.Stderr.Should().Contain("Writer: replaced grants its code does not need").And.Contain("WriterRole")
            .And.Contain("AmazonS3FullAccess").And.MatchRegex(@"template\.yaml\(\d+,\d+\): info RG3002: Writer: ");
        first.Stderr.Should().NotContain("Reader: replaced grants", "SharedRole granted Reader nothing");

        // What the advice says to do: a policy of the user's own, attached to the generated role.
        var kept = "  ExtensionSecret:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: extension\n      Roles: [!Ref WriterRole]\n" +
                   "      PolicyDocument: {Version: '2012-10-17', Statement: [{Effect: Allow, Action: secretsmanager:GetSecretValue, Resource: !Sub 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:dd-*'}]}\n";
        var withPolicy = File.ReadAllText(app.TemplatePath).Replace("\nOutputs:", kept + "\nOutputs:");
        withPolicy.Should().Contain("ExtensionSecret:");
        File.WriteAllText(app.TemplatePath, withPolicy);
        var second = RoleGenProcess.Run(app.Root, "generate", "--template", "template.yaml", "--in-place");
        second.Stderr.Should().Contain("up to date");
        File.ReadAllText(app.TemplatePath).Should().Be(withPolicy);
    }
}

public class JsonTemplatePatcherTests
{
    private static readonly RoleGenKnowledge Knowledge = RoleGenKnowledge.Load(RealTable.Directory);

    private const string Original = """
        {
            "AWSTemplateFormatVersion": "2010-09-09",
            "Transform": "AWS::Serverless-2016-10-31",
            "Resources": {
                "Uploads": { "Type": "AWS::S3::Bucket" },
                "Reader": {
                    "Type": "AWS::Serverless::Function",
                    "Properties": {
                        "Runtime": "dotnet8",
                        "CodeUri": "./src/App/",
                        "Handler": "App::App.Functions::Read",
                        "Policies": [ "AmazonS3FullAccess" ],
                        "Environment": { "Variables": { "BUCKET": { "Ref": "Uploads" } } }
                    }
                }
            }
        }
        """;

    private const string Code = """
        using Amazon.S3;
        namespace App;
        public class Functions
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();
            public Task Read() => _s3.GetObjectAsync(Environment.GetEnvironmentVariable("BUCKET"), "in.json");
        }
        """;

    private static string Patch(TempApp app)
    {
        var report = new RoleGenerator(Knowledge).Generate(app.TemplatePath);
        return TemplatePatcher.Patch(TemplateLoader.Load(app.TemplatePath), report).Text;
    }

    [Fact]
    public void A_conditional_functions_role_is_created_under_its_condition_in_json_too()
    {
        var template = Original.Replace("\"Reader\": {\n            \"Type\": \"AWS::Serverless::Function\",", "\"Reader\": {\n            \"Type\": \"AWS::Serverless::Function\",\n            \"Condition\": \"IsProd\",");
        template.Should().Contain("\"Condition\": \"IsProd\"");
        using var app = new TempApp().With("template.json", template).WithProject("src/App", "App").With("src/App/Functions.cs", Code);
        var path = Path.Combine(app.Root, "template.json");
        var patched = TemplatePatcher.Patch(TemplateLoader.Load(path), new RoleGenerator(Knowledge).Generate(path)).Text;

        Newtonsoft.Json.Linq.JObject.Parse(patched)["Resources"]!["ReaderRole"]!["Condition"]!.ToString().Should().Be("IsProd");
    }

    [Fact]
    public void A_statement_naming_a_conditional_resource_is_written_under_its_condition_in_json()
    {
        var template = Original.Replace("\"Uploads\": { \"Type\": \"AWS::S3::Bucket\" },", "\"Uploads\": { \"Type\": \"AWS::S3::Bucket\", \"Condition\": \"IsProd\" },\n        \"Logs\": { \"Type\": \"AWS::S3::Bucket\" },")
            .Replace("\"BUCKET\": { \"Ref\": \"Uploads\" }", "\"BUCKET\": { \"Fn::If\": [\"IsProd\", { \"Ref\": \"Uploads\" }, { \"Ref\": \"Logs\" }] }");
        template.Should().Contain("\"Condition\": \"IsProd\"").And.Contain("Fn::If");
        using var app = new TempApp().With("template.json", template).WithProject("src/App", "App").With("src/App/Functions.cs", Code);
        var path = Path.Combine(app.Root, "template.json");
        var patched = TemplatePatcher.Patch(TemplateLoader.Load(path), new RoleGenerator(Knowledge).Generate(path)).Text;

        var statements = (Newtonsoft.Json.Linq.JArray)Newtonsoft.Json.Linq.JObject.Parse(patched)["Resources"]!["ReaderRole"]!["Properties"]!["Policies"]![0]!["PolicyDocument"]!["Statement"]!;
        statements.Select(s => s.ToString(Newtonsoft.Json.Formatting.None)).Should().Contain(s => s.StartsWith("{\"Sid\":\"S31\"") && s.Contains("${Logs}"))
            .And.Contain(s => s.StartsWith("{\"Fn::If\":[\"IsProd\",{\"Sid\":\"S31IfIsProd\"") && s.Contains("${Uploads}") && s.EndsWith("{\"Ref\":\"AWS::NoValue\"}]}"));
    }

    [Fact]
    public void A_json_template_keeps_its_indentation_and_gets_valid_json()
    {
        using var app = new TempApp().With("template.json", Original).WithProject("src/App", "App").With("src/App/Functions.cs", Code);
        var path = Path.Combine(app.Root, "template.json");
        var report = new RoleGenerator(Knowledge).Generate(path);
        var patched = TemplatePatcher.Patch(TemplateLoader.Load(path), report).Text;

        var json = Newtonsoft.Json.Linq.JObject.Parse(patched);
        json["Resources"]!["Reader"]!["Properties"]!["Role"]!.ToString(Newtonsoft.Json.Formatting.None).Should().Be("{\"Fn::GetAtt\":[\"ReaderRole\",\"Arn\"]}");
        json["Resources"]!["Reader"]!["Properties"]!["Policies"].Should().BeNull();
        json["Resources"]!["ReaderRole"]!["Properties"]!["Policies"]![0]!["PolicyDocument"]!["Statement"]!.ToString().Should().Contain("arn:${AWS::Partition}:s3:::${Uploads}/in.json");
        patched.Should().StartWith("""
            {
                "AWSTemplateFormatVersion": "2010-09-09",
                "Transform": "AWS::Serverless-2016-10-31",
                "Resources": {
                    "Uploads": { "Type": "AWS::S3::Bucket" },
            """).And.Contain("""
                            "Handler": "App::App.Functions::Read",
                            "Role": {"Fn::GetAtt": ["ReaderRole", "Arn"]},
                            "Environment": { "Variables": { "BUCKET": { "Ref": "Uploads" } } }
            """).And.Contain("""
                    },
                    "ReaderRole": {
                        "Type": "AWS::IAM::Role",
            """);

        File.WriteAllText(path, patched);
        var again = TemplatePatcher.Patch(TemplateLoader.Load(path), new RoleGenerator(Knowledge).Generate(path)).Text;
        again.Should().Be(patched, "a second run changes nothing");
    }

    [Fact]
    public void A_json_template_s_function_keeps_its_permissions_boundary()
    {
        var template = Original.Replace(
            "\"Handler\": \"App::App.Functions::Read\",",
            "\"Handler\": \"App::App.Functions::Read\",\n                \"PermissionsBoundary\": { \"Fn::Sub\": \"arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/Boundary\" },");
        template.Should().Contain("PermissionsBoundary");
        using var app = new TempApp().With("template.json", template).WithProject("src/App", "App").With("src/App/Functions.cs", Code);
        var path = Path.Combine(app.Root, "template.json");
        var patched = TemplatePatcher.Patch(TemplateLoader.Load(path), new RoleGenerator(Knowledge).Generate(path)).Text;

        var json = Newtonsoft.Json.Linq.JObject.Parse(patched);
        json["Resources"]!["ReaderRole"]!["Properties"]!["PermissionsBoundary"]!.ToString(Newtonsoft.Json.Formatting.None)
            .Should().Be("""{"Fn::Sub":"arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/Boundary"}""");
    }
}
