using FluentAssertions;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Check;

public class CheckTests
{
    // A role that grants exactly what Reader needs, in other spellings than RoleGen's: a literal partition, region and
    // account for the logs, and ${Uploads.Arn}/in.json for the object.
    private const string ExactRole = """
          Reader:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: reader-fn
              Handler: App::App.Functions::Read
              Role: !GetAtt ReaderRole.Arn
          ReaderRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: {}
              Policies:
                - PolicyName: reader
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: [logs:CreateLogGroup, logs:CreateLogStream]
                        Resource: arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/reader-fn:*
                      - Effect: Allow
                        Action: logs:PutLogEvents
                        Resource: !Sub arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/reader-fn:*:*
                      - Effect: Allow
                        Action: s3:GetObject
                        Resource: !Sub "${Uploads.Arn}/in.json"
        """;

    [Fact]
    public void A_role_that_grants_exactly_what_the_code_needs_has_no_findings()
    {
        using var app = CheckApp.Create(ExactRole);
        var report = CheckApp.Check(app);

        report.Functions.Should().ContainSingle(f => f.LogicalId == "Reader");
        report.AllFindings.Should().BeEmpty();
    }

    [Fact]
    public void A_role_missing_an_action_the_code_needs_is_an_error_at_the_call()
    {
        using var app = CheckApp.Create(ExactRole.Replace("Action: s3:GetObject", "Action: s3:PutObject"));
        var report = CheckApp.Check(app);

        var missing = report.CheckFindings("Reader").Where(f => f.Code == FindingCodes.MissingPermission).ToList();
        missing.Should().ContainSingle();
        missing[0].Severity.Should().Be(Severity.Error);
        (missing[0].File, missing[0].Line).Should().Be(("src/App/Functions.cs", 6));
        missing[0].Message.Should().Contain("s3:GetObject on arn:${AWS::Partition}:s3:::${Uploads}/in.json").And.Contain("IAmazonS3.GetObjectAsync");
        report.CheckFindings("Reader").Should().Contain(f => f.Code == FindingCodes.BroaderThanNeeded && f.Message.Contains("actions it never needs: s3:PutObject"));
    }

    [Fact]
    public void AmazonS3FullAccess_is_broader_than_needed_and_a_wildcard_at_its_line()
    {
        using var app = CheckApp.Create("""
              Reader:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: App::App.Functions::Read
                  Policies:
                    - AmazonS3FullAccess
            """);
        var findings = CheckApp.Check(app).CheckFindings("Reader").Where(f => f.Message.Contains("AmazonS3FullAccess")).ToList();

        findings.Select(f => (f.Code, f.Severity, f.File, f.Line)).Should().BeEquivalentTo(new[]
        {
            (FindingCodes.BroaderThanNeeded, Severity.Warning, (string?)"template.yaml", (int?)17),
            (FindingCodes.WildcardGrant, Severity.Warning, (string?)"template.yaml", (int?)17),
        });
        findings.Single(f => f.Code == FindingCodes.BroaderThanNeeded).Message.Should()
            .Contain("s3:* where only s3:GetObject is needed")
            .And.Contain("* where only arn:${AWS::Partition}:s3:::${Uploads}/in.json is needed")
            .And.Contain("RoleGen would write instead: S3");
        findings.Single(f => f.Code == FindingCodes.WildcardGrant).Message.Should().Contain("s3:*").And.Contain("wildcard resource *");
    }

    [Theory]
    [InlineData("AWSLambdaFullAccess")] // deprecated, still in older serverless.template files
    [InlineData("AWSLambda_FullAccess")]
    public void The_Lambda_full_access_policies_are_seen_into(string policy)
    {
        using var app = CheckApp.Create($"""
              Reader:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: App::App.Functions::Read
                  Policies:
                    - AWSLambdaBasicExecutionRole
                    - {policy}
                    - AmazonS3ReadOnlyAccess
            """);
        var findings = CheckApp.Check(app).CheckFindings("Reader");

        findings.Should().NotContain(f => f.Code == FindingCodes.GrantNotVisible || f.Code == FindingCodes.MissingPermission);
        findings.Should().Contain(f => f.Code == FindingCodes.WildcardGrant && f.Message.Contains(policy) && f.Message.Contains("lambda:*"));
    }

    [Fact]
    public void An_inline_wildcard_on_a_service_the_code_never_calls_is_reported()
    {
        using var app = CheckApp.Create("""
              Reader:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: App::App.Functions::Read
                  Policies:
                    - S3ReadPolicy:
                        BucketName: !Ref Uploads
                    - Statement:
                        - Effect: Allow
                          Action: dynamodb:*
                          Resource: '*'
            """);
        var findings = CheckApp.Check(app).CheckFindings("Reader").Where(f => f.Line == 20).ToList();

        findings.Should().Contain(f => f.Code == FindingCodes.BroaderThanNeeded && f.Message.Contains("actions it never needs: dynamodb:*") && f.Message.Contains("remove it"));
        findings.Should().Contain(f => f.Code == FindingCodes.WildcardGrant && f.Message.Contains("wildcard action dynamodb:* and wildcard resource *"));
    }

    [Fact]
    public void S3CrudPolicy_when_only_GetObject_is_needed_names_the_unneeded_actions_and_the_wider_resource()
    {
        using var app = CheckApp.Create("""
              Reader:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: App::App.Functions::Read
                  Policies:
                    - S3CrudPolicy:
                        BucketName: !Ref Uploads
            """);
        var report = CheckApp.Check(app);
        var findings = report.CheckFindings("Reader").Where(f => f.Message.Contains("S3CrudPolicy")).ToList();

        report.CheckFindings("Reader").Should().NotContain(f => f.Code == FindingCodes.MissingPermission);
        var broader = findings.Should().ContainSingle().Which;
        broader.Code.Should().Be(FindingCodes.BroaderThanNeeded);
        broader.Message.Should().Contain("actions it never needs: s3:ListBucket, s3:GetBucketLocation, s3:GetObjectVersion, s3:PutObject")
            .And.Contain("resources it never needs: arn:${AWS::Partition}:s3:::${Uploads}")
            .And.Contain("arn:${AWS::Partition}:s3:::${Uploads}/* where only arn:${AWS::Partition}:s3:::${Uploads}/in.json is needed");
        var statement = report.Functions.Single().Statements.Single(s => s.Actions.Contains("s3:GetObject"));
        broader.Message.Should().Contain($"RoleGen would write instead: {statement.Sid} (s3:GetObject on arn:${{AWS::Partition}}:s3:::${{Uploads}}/in.json)");
    }

    [Fact]
    public void SAM_policy_templates_cover_what_they_grant_in_the_templates_terms()
    {
        // QueueName: !GetAtt Queue.QueueName makes arn:...:sqs:...:${Queue.QueueName}, which is what ${Queue.Arn} is.
        using var app = new Pipeline.TempApp().With("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Queue:
                Type: AWS::SQS::Queue
              Sender:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: dotnet8
                  CodeUri: ./src/App/
                  Handler: App::App.Functions::Send
                  Environment:
                    Variables:
                      QUEUE_URL: !Ref Queue
                  Policies:
                    - SQSSendMessagePolicy:
                        QueueName: !GetAtt Queue.QueueName
            """).WithProject("src/App", "App").With("src/App/Functions.cs", """
            using Amazon.SQS;
            namespace App;
            public class Functions
            {
                private readonly IAmazonSQS _sqs = new AmazonSQSClient();
                public Task Send() => _sqs.SendMessageAsync(Environment.GetEnvironmentVariable("QUEUE_URL"), "hello");
            }
            """);
        var findings = CheckApp.Check(app).CheckFindings("Sender").ToList();

        findings.Should().NotContain(f => f.Code == FindingCodes.MissingPermission);
        findings.Should().ContainSingle(f => f.Message.Contains("SQSSendMessagePolicy"))
            .Which.Message.Should().Contain("sqs:SendMessage* where only sqs:SendMessage is needed");
    }

    [Theory]
    [InlineData("SecretArn: { Type: String }", "VALUE: !Ref SecretArn",
        "new Amazon.SecretsManager.AmazonSecretsManagerClient().GetSecretValueAsync(new Amazon.SecretsManager.Model.GetSecretValueRequest { SecretId = Env() })",
        "AWSSecretsManagerGetSecretValuePolicy: { SecretArn: !Ref SecretArn }")]
    [InlineData("", "VALUE: !Ref Flow",
        "new Amazon.StepFunctions.AmazonStepFunctionsClient().StartExecutionAsync(new Amazon.StepFunctions.Model.StartExecutionRequest { StateMachineArn = Env() })",
        "StepFunctionsExecutionPolicy: { StateMachineName: !GetAtt Flow.Name }")]
    [InlineData("", "VALUE: !Ref Bus",
        "new Amazon.EventBridge.AmazonEventBridgeClient().PutEventsAsync(new Amazon.EventBridge.Model.PutEventsRequest { Entries = new() { new() { EventBusName = Env() } } })",
        "EventBridgePutEventsPolicy: { EventBusName: !Ref Bus }")]
    [InlineData("", "VALUE: app/db",
        "new Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementClient().GetParameterAsync(new Amazon.SimpleSystemsManagement.Model.GetParameterRequest { Name = Env() })",
        "SSMParameterReadPolicy: { ParameterName: app/db }")]
    [InlineData("", "VALUE: /app/db",
        "new Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementClient().GetParameterAsync(new Amazon.SimpleSystemsManagement.Model.GetParameterRequest { Name = Env() })",
        "SSMParameterWithSlashPrefixReadPolicy: { ParameterName: /app/db }")]
    public void SAM_policy_templates_of_the_other_mapped_services_cover_what_the_code_needs(string parameters, string environment, string call, string policy)
    {
        using var app = new Pipeline.TempApp().With("template.yaml", $$"""
            Transform: AWS::Serverless-2016-10-31
            {{(parameters.Length == 0 ? "" : "Parameters:\n  " + parameters)}}
            Resources:
              Flow:
                Type: AWS::Serverless::StateMachine
              Bus:
                Type: AWS::Events::EventBus
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: dotnet8
                  CodeUri: ./src/App/
                  Handler: App::App.Functions::Run
                  Environment:
                    Variables:
                      {{environment}}
                  Policies:
                    - {{policy}}
            """).WithProject("src/App", "App").With("src/App/Functions.cs", $$"""
            namespace App;
            public class Functions
            {
                private static string Env() => Environment.GetEnvironmentVariable("VALUE")!;
                public Task Run() => {{call}};
            }
            """);
        var findings = CheckApp.Check(app).CheckFindings("Fn").ToList();

        findings.Should().NotContain(f => f.Code == FindingCodes.MissingPermission || f.Code == FindingCodes.GrantNotVisible);
    }

    [Theory]
    [InlineData("!FindInMap [Names, Tables, Orders]", "!FindInMap [Names, Tables, Orders]")]
    [InlineData("!Sub '${AWS::StackName}-orders'", "!Sub '${AWS::StackName}-orders'")]
    [InlineData("orders", "orders")]
    public void A_grant_on_the_tables_arn_covers_its_name_however_the_template_spells_it(string tableName, string environment)
    {
        using var app = new Pipeline.TempApp().With("template.yaml", $$"""
            Transform: AWS::Serverless-2016-10-31
            Mappings:
              Names:
                Tables:
                  Orders: orders
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: {{tableName}}
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: dotnet8
                  CodeUri: ./src/App/
                  Handler: App::App.Functions::Run
                  Environment:
                    Variables:
                      TABLE: {{environment}}
                  Policies:
                    - Statement:
                        - Effect: Allow
                          Action: dynamodb:PutItem
                          Resource: !GetAtt Table.Arn
            """).WithProject("src/App", "App").With("src/App/Functions.cs", """
            using Amazon.DynamoDBv2;
            namespace App;
            public class Functions
            {
                public Task Run() => new AmazonDynamoDBClient().PutItemAsync(Environment.GetEnvironmentVariable("TABLE"), new());
            }
            """);

        CheckApp.Check(app).CheckFindings("Fn").Should().NotContain(f => f.Code == FindingCodes.MissingPermission);
    }

    [Theory]
    // A service RoleGen does not map but knows the IAM prefix of (sdk-clients.yaml iamPrefixes): its grants may be what the call needs.
    [InlineData("new Amazon.Athena.AmazonAthenaClient().StartQueryExecutionAsync(new())", "athena:StartQueryExecution", null, null)]
    [InlineData("new Amazon.ECS.AmazonECSClient().RunTaskAsync(new())", "ecs:RunTask", null, null)]
    // ...but not a grant of another service.
    [InlineData("new Amazon.Athena.AmazonAthenaClient().StartQueryExecutionAsync(new())", "glue:GetTable", "remove it", "may need it")]
    // A service whose prefix RoleGen does not know: any grant may be what it needs.
    [InlineData("new Amazon.Pinpoint.AmazonPinpointClient().SendMessagesAsync(new())", "athena:StartQueryExecution", "one of them may need it", "remove it")]
    [InlineData("Task.CompletedTask", "athena:StartQueryExecution", "remove it", "may need it")]
    public void A_grant_no_mapped_call_needs_is_not_called_removable_when_the_code_makes_calls_RoleGen_cannot_map(string call, string action, string? says, string? doesNotSay)
    {
        using var app = GrantedOneStatement(action, "arn:${AWS::Partition}:athena:${AWS::Region}:${AWS::AccountId}:workgroup/primary", "", call);

        var broader = CheckApp.Check(app).CheckFindings("Fn").Where(f => f.Code == FindingCodes.BroaderThanNeeded && f.Message.Contains(action));
        if (says is null) broader.Should().BeEmpty();
        else broader.Should().ContainSingle().Which.Message.Should().Contain(says).And.NotContain(doesNotSay);
    }

    [Theory]
    [InlineData("App::App.Functions::Nope")]      // RG1003
    [InlineData("Other::App.Functions::Run")]     // RG1005
    public void A_function_whose_code_RoleGen_could_not_find_has_no_grant_called_unneeded(string handler)
    {
        using var app = GrantedOneStatement("athena:StartQueryExecution", "arn:${AWS::Partition}:athena:${AWS::Region}:${AWS::AccountId}:workgroup/primary", "", "Task.CompletedTask");
        app.With("template.yaml", File.ReadAllText(app.TemplatePath).Replace("App::App.Functions::Run", handler));

        var findings = CheckApp.Check(app).Functions.Single().Findings;
        findings.Should().Contain(f => f.Code == FindingCodes.HandlerNotFound || f.Code == FindingCodes.ProjectNotFound);
        findings.Should().NotContain(f => f.Code == FindingCodes.BroaderThanNeeded);
    }

    [Theory]
    // The code's table is known only in part (table/*): the grant on Orders may be it, so neither an error nor "never needed".
    [InlineData("Environment.GetEnvironmentVariable(\"UNSET\")", "Orders", Severity.Warning, false)]
    // A grant outside the pattern cannot be the one the code uses.
    [InlineData("\"archive-\" + Environment.GetEnvironmentVariable(\"UNSET\")", "Orders", Severity.Error, true)]
    public void A_grant_inside_a_resource_known_only_in_part_may_be_the_one_the_code_uses(string table, string granted, Severity missing, bool neverNeeded)
    {
        using var app = GrantedOneStatement("dynamodb:DeleteTable", "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/" + granted,
            "using Amazon.DynamoDBv2;", $"new AmazonDynamoDBClient().DeleteTableAsync({table})");

        var findings = CheckApp.Check(app).CheckFindings("Fn").ToList();
        findings.Should().ContainSingle(f => f.Code == FindingCodes.MissingPermission).Which.Severity.Should().Be(missing);
        findings.Any(f => f.Code == FindingCodes.BroaderThanNeeded && f.Message.Contains("never needs")).Should().Be(neverNeeded);
        if (missing == Severity.Warning)
            findings.Single(f => f.Code == FindingCodes.MissingPermission).Message.Should().Contain($"current grants name arn:${{AWS::Partition}}:dynamodb:${{AWS::Region}}:${{AWS::AccountId}}:table/{granted}, which may be the one the code uses");
    }

    /// <summary>Function Fn, whose template policy allows <paramref name="action"/> on <paramref name="resource"/> (Sub syntax), and whose code runs <paramref name="call"/>.</summary>
    private static Pipeline.TempApp GrantedOneStatement(string action, string resource, string usings, string call) =>
        new Pipeline.TempApp().With("template.yaml", $$"""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: dotnet8
                  CodeUri: ./src/App/
                  Handler: App::App.Functions::Run
                  Policies:
                    - Statement:
                        - Effect: Allow
                          Action: {{action}}
                          Resource: !Sub {{resource}}
            """).WithProject("src/App", "App").With("src/App/Functions.cs", $$"""
            {{usings}}
            namespace App;
            public class Functions
            {
                public Task Run() => {{call}};
            }
            """);

    [Fact]
    public void A_SAM_policy_template_given_the_queue_url_instead_of_its_name_does_not_cover_the_queue()
    {
        using var app = new Pipeline.TempApp().With("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Queue:
                Type: AWS::SQS::Queue
              Sender:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: dotnet8
                  CodeUri: ./src/App/
                  Handler: App::App.Functions::Send
                  Environment:
                    Variables:
                      QUEUE_URL: !Ref Queue
                  Policies:
                    - SQSSendMessagePolicy:
                        QueueName: !Ref Queue
            """).WithProject("src/App", "App").With("src/App/Functions.cs", """
            using Amazon.SQS;
            namespace App;
            public class Functions
            {
                private readonly IAmazonSQS _sqs = new AmazonSQSClient();
                public Task Send() => _sqs.SendMessageAsync(Environment.GetEnvironmentVariable("QUEUE_URL"), "hello");
            }
            """);

        CheckApp.Check(app).CheckFindings("Sender").Should().Contain(f => f.Code == FindingCodes.MissingPermission && f.Message.Contains("sqs:SendMessage on ${Queue.Arn}"));
    }

    [Fact]
    public void A_shared_role_says_which_other_function_needs_what_this_one_does_not()
    {
        using var app = CheckApp.Create("""
              Reader:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: App::App.Functions::Read
                  Role: !GetAtt SharedRole.Arn
              Writer:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: App::App.Functions::Write
                  Role: !GetAtt SharedRole.Arn
              SharedRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
                  ManagedPolicyArns:
                    - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
              SharedPolicy:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyName: objects
                  Roles: [!Ref SharedRole]
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: [s3:GetObject, s3:PutObject]
                        Resource: !Sub arn:${AWS::Partition}:s3:::${Uploads}/*
            """);
        var report = CheckApp.Check(app, "Reader");

        report.Functions.Select(f => f.LogicalId).Should().Equal("Reader");
        var reader = report.CheckFindings("Reader").ToList();
        reader.Should().NotContain(f => f.Code == FindingCodes.MissingPermission);
        reader.Should().ContainSingle(f => f.Code == FindingCodes.BroaderThanNeeded && f.Message.Contains("AWS::IAM::Policy SharedPolicy"))
            .Which.Message.Should().Contain("actions it never needs: s3:PutObject (needed by Writer, which shares the role)")
            .And.Contain("Role SharedRole is shared with Writer");
        reader.Should().Contain(f => f.Code == FindingCodes.WildcardGrant && f.Message.Contains("managed policy AWSLambdaBasicExecutionRole (role SharedRole, ManagedPolicyArns)") && f.Severity == Severity.Warning);
    }

    /// <summary>
    /// A statement this function never needs on a role another function shares: removing it would break that function
    /// (or may, when RoleGen could not analyse it), so the advice is to move it, or to wait for a role per function.
    /// </summary>
    [Theory]
    [InlineData("App::App.Functions::Write", "The function needs nothing it grants; only the functions that share the role do: move it to their own roles rather than remove it.")]
    [InlineData("App::App.Functions::Missing", "The function needs nothing it grants, but Writer, which shares the role and whose code RoleGen did not analyse, may: do not remove it before each function has its own role.")]
    [InlineData("App::App.Functions::Read", "The function needs nothing it grants: remove it.")]
    public void A_statement_on_a_shared_role_is_not_to_be_removed_while_a_sharer_may_need_it(string otherHandler, string advice)
    {
        using var app = CheckApp.Create($$"""
              Reader:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: App::App.Functions::Read
                  Role: !GetAtt SharedRole.Arn
              Writer:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: {{otherHandler}}
                  Role: !GetAtt SharedRole.Arn
              SharedRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
                  Policies:
                    - PolicyName: objects
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: s3:GetObject
                            Resource: !Sub arn:${AWS::Partition}:s3:::${Uploads}/*
                          - Effect: Allow
                            Action: s3:PutObject
                            Resource: !Sub arn:${AWS::Partition}:s3:::${Uploads}/out.json
            """);

        var findings = CheckApp.Check(app, "Reader").CheckFindings("Reader").Where(f => f.Code == FindingCodes.BroaderThanNeeded).ToList();

        findings.Should().ContainSingle(f => f.Message.Contains("s3:PutObject")).Which.Message.Should().Contain(advice).And.Contain("Role SharedRole is shared with Writer");
    }

    [Fact]
    public void What_SAM_adds_to_its_role_is_info_and_counts_as_granted()
    {
        using var app = CheckApp.Create("""
              Reader:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: App::App.Functions::Read
                  Policies:
                    - Statement:
                        - Effect: Allow
                          Action: s3:GetObject
                          Resource: !Sub arn:${AWS::Partition}:s3:::${Uploads}/in.json
            """);
        var findings = CheckApp.Check(app).CheckFindings("Reader").ToList();

        findings.Should().NotContain(f => f.Code == FindingCodes.MissingPermission, "AWSLambdaBasicExecutionRole grants the logs");
        findings.Should().OnlyContain(f => f.Severity == Severity.Info && f.Message.Contains("AWSLambdaBasicExecutionRole"));
        findings.Select(f => f.Code).Should().BeEquivalentTo(new[] { FindingCodes.BroaderThanNeeded, FindingCodes.WildcardGrant });
    }

    [Theory]
    [InlineData("Active")]
    [InlineData("PassThrough")]
    [InlineData("!Ref TracingMode")]
    public void SAM_adds_the_XRay_policy_for_any_Tracing_value(string mode)
    {
        // samtranslator SamFunction._construct_role: `if self.Tracing:` attaches the X-Ray managed policy whatever the mode.
        using var app = CheckApp.Create($$"""
              Reader:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: App::App.Functions::Read
                  Tracing: {{mode}}
                  Policies:
                    - Statement:
                        - Effect: Allow
                          Action: s3:GetObject
                          Resource: !Sub arn:${AWS::Partition}:s3:::${Uploads}/in.json
            """);
        var findings = CheckApp.Check(app).CheckFindings("Reader").ToList();

        findings.Should().NotContain(f => f.Code == FindingCodes.MissingPermission);
        findings.Should().Contain(f => f.Message.Contains("AWSXrayWriteOnlyAccess") && f.Message.Contains("Tracing"),
            "SAM's generated role carries AWSXrayWriteOnlyAccess for Tracing: " + mode);
    }

    /// <summary>
    /// An EventInvokeConfig destination of Type SQS or SNS without a Destination: SAM creates the queue or topic and
    /// grants on it in the role it generates (samtranslator _validate_and_inject_resource), which is what the function needs.
    /// </summary>
    [Theory]
    [InlineData("OnSuccess", "SQS", "sqs:SendMessage on ${ReaderEventInvokeConfigOnSuccessQueue.Arn}")]
    [InlineData("OnFailure", "SQS", "sqs:SendMessage on ${ReaderEventInvokeConfigOnFailureQueue.Arn}")]
    [InlineData("OnSuccess", "SNS", "sns:Publish on ${ReaderEventInvokeConfigOnSuccessTopic}")]
    [InlineData("OnFailure", "SNS", "sns:Publish on ${ReaderEventInvokeConfigOnFailureTopic}")]
    public void SAMs_grant_on_the_destination_it_creates_is_seen_and_needed(string outcome, string type, string need)
    {
        var invokeConfig = $$"""
                  EventInvokeConfig:
                    DestinationConfig:
                      {{outcome}}:
                        Type: {{type}}
            """;
        using var sam = CheckApp.Create("""
              Reader:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: App::App.Functions::Read
                  Policies:
                    - Statement:
                        - Effect: Allow
                          Action: s3:GetObject
                          Resource: !Sub arn:${AWS::Partition}:s3:::${Uploads}/in.json
            """ + "\n" + invokeConfig);
        var findings = CheckApp.Check(sam).CheckFindings("Reader").ToList();
        findings.Should().NotContain(f => f.Code == FindingCodes.MissingPermission);
        findings.Should().NotContain(f => f.Message.Contains($"ReaderEventInvokeConfig{outcome}"), "SAM grants what the function needs on the queue or topic it creates");

        using var own = CheckApp.Create(ExactRole.Replace("      Role: !GetAtt ReaderRole.Arn\n", "      Role: !GetAtt ReaderRole.Arn\n" + invokeConfig + "\n"));
        CheckApp.Check(own).CheckFindings("Reader").Should().ContainSingle(f => f.Code == FindingCodes.MissingPermission)
            .Which.Message.Should().Contain(need, "the role the template gives the function has no grant on the target SAM creates");
    }

    [Fact]
    public void Without_Tracing_SAM_adds_no_XRay_policy()
    {
        using var app = CheckApp.Create("""
              Reader:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: App::App.Functions::Read
                  Policies:
                    - Statement:
                        - Effect: Allow
                          Action: s3:GetObject
                          Resource: !Sub arn:${AWS::Partition}:s3:::${Uploads}/in.json
            """);
        CheckApp.Check(app).CheckFindings("Reader").Should().NotContain(f => f.Message.Contains("AWSXrayWriteOnlyAccess"));
    }

    [Fact]
    public void A_policy_RoleGen_cannot_see_into_is_info_and_makes_missing_permissions_warnings()
    {
        using var app = CheckApp.Create("""
              Reader:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: App::App.Functions::Read
                  Policies:
                    - arn:aws:iam::123456789012:policy/team-s3-access
            """);
        var findings = CheckApp.Check(app).CheckFindings("Reader").ToList();

        findings.Should().ContainSingle(f => f.Code == FindingCodes.GrantNotVisible)
            .Which.Should().Match<Finding>(f => f.Severity == Severity.Info && f.Message.Contains("managed policy team-s3-access"));
        findings.Should().ContainSingle(f => f.Code == FindingCodes.MissingPermission)
            .Which.Severity.Should().Be(Severity.Warning);
    }

    [Fact]
    public void A_Deny_statement_removes_a_grant()
    {
        using var app = CheckApp.Create(ExactRole + "\n" +
            "              - Effect: Deny\n" +
            "                Action: s3:*\n" +
            "                Resource: '*'\n");

        CheckApp.Check(app).CheckFindings("Reader").Should().ContainSingle(f => f.Code == FindingCodes.MissingPermission)
            .Which.Message.Should().Contain("a Deny statement removes it");
    }

    [Fact]
    public void An_unknown_function_id_is_bad_input()
    {
        using var app = CheckApp.Create(ExactRole);
        var act = () => CheckApp.Check(app, "Nope");
        act.Should().Throw<RoleGenInputException>().WithMessage("*no function named Nope*");
    }
}
