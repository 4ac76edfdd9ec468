using FluentAssertions;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>The calls functions make on Step Functions, EventBridge, Lambda, Secrets Manager and Parameter Store, through the real mapping table.</summary>
public class MoreServicesTests
{
    private const string Resources = """
        Flow:
          Type: AWS::Serverless::StateMachine
        Bus:
          Type: AWS::Events::EventBus
        Worker:
          Type: AWS::Serverless::Function
        Secret:
          Type: AWS::SecretsManager::Secret
        """;

    private const string Environment = "FLOW: !Ref Flow\nBUS: !Ref Bus\nWORKER: !Ref Worker\nWORKER_ARN: !GetAtt Worker.Arn\nSECRET: !Ref Secret";

    [Theory]
    [InlineData("new AmazonStepFunctionsClient().StartExecutionAsync(new StartExecutionRequest { StateMachineArn = Env(\"FLOW\"), Input = \"{}\" })",
        "states:StartExecution ${Flow}")]
    [InlineData("new AmazonStepFunctionsClient().SendTaskSuccessAsync(new SendTaskSuccessRequest { TaskToken = \"t\", Output = \"{}\" })", "states:SendTaskSuccess *")]
    [InlineData("new AmazonEventBridgeClient().PutEventsAsync(new PutEventsRequest { Entries = new List<PutEventsRequestEntry> { new() { EventBusName = Env(\"BUS\"), Detail = \"{}\" } } })",
        "events:PutEvents arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/${Bus}")]
    [InlineData("new AmazonEventBridgeClient().PutEventsAsync(new PutEventsRequest { Entries = new List<PutEventsRequestEntry> { new() { Source = \"orders\", Detail = \"{}\" } } })",
        "events:PutEvents arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default")]
    [InlineData("new AmazonLambdaClient().InvokeAsync(new InvokeRequest { FunctionName = Env(\"WORKER\"), Payload = \"{}\" })",
        "lambda:InvokeFunction arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${Worker}")]
    [InlineData("new AmazonLambdaClient().InvokeAsync(new InvokeRequest { FunctionName = Env(\"WORKER_ARN\") })", "lambda:InvokeFunction ${Worker.Arn}")]
    [InlineData("new AmazonLambdaClient().InvokeAsync(new InvokeRequest { FunctionName = Env(\"WORKER\"), Qualifier = \"live\" })",
        "lambda:InvokeFunction arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${Worker}:live")]
    [InlineData("new AmazonSecretsManagerClient().GetSecretValueAsync(new GetSecretValueRequest { SecretId = \"prod/db\" })",
        "secretsmanager:GetSecretValue arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:prod/db-??????")]
    [InlineData("new AmazonSecretsManagerClient().GetSecretValueAsync(new GetSecretValueRequest { SecretId = Env(\"SECRET\") })", "secretsmanager:GetSecretValue ${Secret}")]
    // The caching client (AWSSDK.SecretsManager.Caching): describes the secret and reads its value.
    [InlineData("new Amazon.SecretsManager.Extensions.Caching.SecretsManagerCache().GetSecretString(Env(\"SECRET\"))", "secretsmanager:DescribeSecret ${Secret}|secretsmanager:GetSecretValue ${Secret}")]
    [InlineData("((Amazon.SecretsManager.Extensions.Caching.ISecretsManagerCache)null!).GetSecretBinary(\"prod/db\")",
        "secretsmanager:DescribeSecret arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:prod/db-??????|secretsmanager:GetSecretValue arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:prod/db-??????")]
    [InlineData("new AmazonSimpleSystemsManagementClient().GetParameterAsync(new GetParameterRequest { Name = \"/app/db-url\", WithDecryption = true })",
        "ssm:GetParameter arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/app/db-url")]
    [InlineData("new AmazonSimpleSystemsManagementClient().GetParametersByPathAsync(new GetParametersByPathRequest { Path = \"/app\", Recursive = true })",
        "ssm:GetParametersByPath arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/app*")]
    [InlineData("new AmazonSimpleSystemsManagementClient().GetParametersAsync(new GetParametersRequest { Names = new List<string> { \"/a\", \"b\" } })",
        "ssm:GetParameters arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/a|ssm:GetParameters arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/b")]
    public void Each_call_is_granted_on_the_resource_it_names(string call, string expected)
    {
        var report = OneFunction.Run(Resources, $$"""
            using Amazon.StepFunctions;
            using Amazon.StepFunctions.Model;
            using Amazon.EventBridge;
            using Amazon.EventBridge.Model;
            using Amazon.Lambda;
            using Amazon.Lambda.Model;
            using Amazon.SecretsManager;
            using Amazon.SecretsManager.Model;
            using Amazon.SimpleSystemsManagement;
            using Amazon.SimpleSystemsManagement.Model;
            namespace App;
            public class Handler
            {
                private static string Env(string name) => Environment.GetEnvironmentVariable(name);
                public Task Run() => {{call}};
            }
            """, Environment);

        report.Findings.Should().NotContain(f => f.Severity == Severity.Error);
        report.Grants().Should().Equal(expected.Split('|'));
    }

    [Fact]
    public void A_method_of_a_partly_mapped_client_that_the_table_lacks_is_RG1001()
    {
        var report = OneFunction.Run("", """
            using Amazon.Lambda;
            namespace App;
            public class Handler
            {
                public Task Run() => new AmazonLambdaClient().DeleteFunctionAsync("old");
            }
            """);

        report.Findings.Should().ContainSingle(f => f.Code == FindingCodes.UnknownSdkCall).Which.Message.Should().Contain("mappings/lambda.yaml");
    }

    [Fact]
    public void A_secret_under_a_customer_managed_key_needs_decrypt_on_the_key()
    {
        var report = OneFunction.Run("""
            Key:
              Type: AWS::KMS::Key
            Secret:
              Type: AWS::SecretsManager::Secret
              Properties:
                KmsKeyId: !Ref Key
            """, """
            using Amazon.SecretsManager;
            using Amazon.SecretsManager.Model;
            namespace App;
            public class Handler
            {
                public Task Run() => new AmazonSecretsManagerClient().GetSecretValueAsync(new GetSecretValueRequest { SecretId = Environment.GetEnvironmentVariable("SECRET") });
            }
            """, "SECRET: !Ref Secret");

        report.Grants().Should().Contain("secretsmanager:GetSecretValue ${Secret}")
            .And.Contain("kms:Decrypt arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${Key} if StringEquals{kms:ViaService=secretsmanager.${AWS::Region}.amazonaws.com}");
    }

    [Fact]
    public void Powertools_parameter_providers_are_granted_what_they_read()
    {
        var report = OneFunction.Run("", """
            using AWS.Lambda.Powertools.Parameters;
            namespace App;
            public class Handler
            {
                public async Task Run()
                {
                    var one = await ParametersManager.SsmProvider.WithMaxAge(TimeSpan.FromSeconds(10)).GetAsync("/app/one");
                    var all = await ParametersManager.SsmProvider.Recursive().GetMultipleAsync("/app/config/");
                    var secret = await ParametersManager.SecretsProvider.GetAsync("app/secret");
                }
            }
            """);

        report.Findings.Should().NotContain(f => f.Severity == Severity.Error);
        report.Grants().Should().Equal(
            "secretsmanager:GetSecretValue arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:app/secret-??????",
            "ssm:GetParameter arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/app/one",
            "ssm:GetParametersByPath arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/app/config/*");
    }

    private const string Ssm = "ssm:GetParameter arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/app/one";
    private const string Secret = "secretsmanager:GetSecretValue arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:/app/one-??????";
    private const string Ddb = "dynamodb:GetItem arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/params";

    [Theory]
    [InlineData("private IParameterProvider Provider() => ParametersManager.SsmProvider;", "Provider()", new[] { Ssm })]
    [InlineData("private IParameterProvider? _p; private IParameterProvider Provider() { _p ??= ParametersManager.SsmProvider; return _p; }", "Provider()", new[] { Ssm })]
    [InlineData("private readonly IParameterProvider _p = ParametersManager.SsmProvider;", "_p", new[] { Ssm })]
    [InlineData("private IParameterProvider Provider(int kind) => kind switch { 0 => ParametersManager.SsmProvider, 1 => ParametersManager.SecretsProvider, _ => ParametersManager.DynamoDBProvider.UseTable(\"params\") };", "Provider(0)", new[] { Ddb, Secret, Ssm })]
    [InlineData("private IParameterProvider Provider(bool secret) => secret ? ParametersManager.SecretsProvider : ParametersManager.SsmProvider;", "Provider(true)", new[] { Secret, Ssm })]
    [InlineData("", "ParametersManager.DynamoDBProvider.UseTable(\"params\").WithMaxAge(TimeSpan.FromMinutes(1))", new[] { Ddb })]
    public void Powertools_providers_are_followed_through_helpers_fields_and_choices(string member, string provider, string[] expected)
    {
        var report = OneFunction.Run("", $$"""
            using AWS.Lambda.Powertools.Parameters;
            using AWS.Lambda.Powertools.Parameters.Provider;
            namespace App;
            public class Handler
            {
                {{member}}
                public async Task Run() => await {{provider}}.GetAsync("/app/one");
            }
            """);

        report.Findings.Should().NotContain(f => f.Severity == Severity.Error);
        report.Grants().Should().Equal(expected);
    }

    [Fact]
    public void A_Powertools_DynamoDB_provider_without_a_table_is_reported()
    {
        var report = OneFunction.Run("", """
            using AWS.Lambda.Powertools.Parameters;
            namespace App;
            public class Handler
            {
                public async Task Run() => await ParametersManager.DynamoDBProvider.GetAsync("key");
            }
            """);

        report.Grants().Should().Equal("dynamodb:GetItem arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/*");
        report.Findings.Should().Contain(f => f.Code == FindingCodes.UnresolvedResource);
    }

    [Theory]
    [InlineData("builder => builder.UseDynamoDb(\"idempotency\")", "table/idempotency")]
    [InlineData("builder => builder.WithOptions(o => o.WithEventKeyJmesPath(\"Id\")).UseDynamoDb(Environment.GetEnvironmentVariable(\"TABLE\"))", "table/${Records}")]
    [InlineData("builder => builder.UseDynamoDb(store => store.WithTableName(Environment.GetEnvironmentVariable(\"TABLE\")).WithKeyAttr(\"id\"))", "table/${Records}")]
    [InlineData("builder => builder.UseDynamoDb(store => store.WithTableName(\"first\").WithTableName(Environment.GetEnvironmentVariable(\"TABLE\")))", "table/${Records}")]
    [InlineData(null, "table/${Records}")]
    public void Powertools_idempotency_is_granted_its_records_table(string? configure, string table)
    {
        var setUp = configure is null
            ? """
              Idempotency.Config()
                  .WithConfig(IdempotencyOptions.Builder().WithEventKeyJmesPath("Id").Build())
                  .WithPersistenceStore(DynamoDBPersistenceStore.Builder()
                      .WithTableName(Environment.GetEnvironmentVariable("TABLE"))
                      .WithDynamoDBClient(new AmazonDynamoDBClient())
                      .Build())
                  .Configure()
              """
            : $"Idempotency.Configure({configure})";
        var report = OneFunction.Run("Records:\n  Type: AWS::DynamoDB::Table", $$"""
            using Amazon.DynamoDBv2;
            using AWS.Lambda.Powertools.Idempotency;
            using AWS.Lambda.Powertools.Idempotency.Persistence;
            namespace App;
            public class Handler
            {
                public Handler() => {{setUp}};

                [Idempotent]
                public Task<string> Run(string input) => Task.FromResult(input);
            }
            """, "TABLE: !Ref Records");

        report.Findings.Should().NotContain(f => f.Severity != Severity.Info);
        var arn = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:" + table;
        report.Grants().Should().Equal($"dynamodb:DeleteItem {arn}", $"dynamodb:GetItem {arn}", $"dynamodb:PutItem {arn}", $"dynamodb:UpdateItem {arn}");
    }
}

/// <summary>An SSM parameter's ARN holds its name without the leading "/", which a name from the template may or may not have.</summary>
public class ParameterNameFromTemplateTests
{
    private const string Arn = "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter";

    [Theory]
    [InlineData("GetParameterAsync(new GetParameterRequest { Name = Environment.GetEnvironmentVariable(\"CONFIG\") })",
        "ssm:GetParameter " + Arn + "${ConfigName}|ssm:GetParameter " + Arn + "/${ConfigName}")]
    // A parameter the template declares with a literal Name: that name, one spelling.
    [InlineData("GetParameterAsync(new GetParameterRequest { Name = Environment.GetEnvironmentVariable(\"DB\") })",
        "ssm:GetParameter " + Arn + "/app/db-url")]
    [InlineData("GetParameterAsync(new GetParameterRequest { Name = $\"{Environment.GetEnvironmentVariable(\"CONFIG\")}/db\" })",
        "ssm:GetParameter " + Arn + "${ConfigName}/db|ssm:GetParameter " + Arn + "/${ConfigName}/db")]
    [InlineData("GetParametersByPathAsync(new GetParametersByPathRequest { Path = Environment.GetEnvironmentVariable(\"CONFIG\") })",
        "ssm:GetParametersByPath " + Arn + "${ConfigName}*|ssm:GetParametersByPath " + Arn + "/${ConfigName}*")]
    [InlineData("GetParameterAsync(new GetParameterRequest { Name = $\"/{Environment.GetEnvironmentVariable(\"STACK\")}/db\" })",
        "ssm:GetParameter " + Arn + "/${AWS::StackName}/db")]
    [InlineData("GetParameterAsync(new GetParameterRequest { Name = \"/app/db\" })", "ssm:GetParameter " + Arn + "/app/db")]
    public void A_name_that_starts_with_a_template_value_is_granted_with_and_without_the_slash(string call, string expected)
    {
        var report = OneFunction.Run("""
            DbUrl:
              Type: AWS::SSM::Parameter
              Properties: { Name: /app/db-url, Type: String, Value: x }
            """, $$"""
            using Amazon.SimpleSystemsManagement;
            using Amazon.SimpleSystemsManagement.Model;
            namespace App;
            public class Handler
            {
                public Task Run() => new AmazonSimpleSystemsManagementClient().{{call}};
            }
            """, "CONFIG: !Ref ConfigName\nDB: !Ref DbUrl\nSTACK: !Ref AWS::StackName", parameters: "ConfigName: { Type: String, Default: /app/config }");

        report.Grants().Should().Equal(expected.Split('|'));
    }
}

/// <summary>A template parameter that holds an ARN is used as the ARN where a request takes a name or an ARN.</summary>
public class ArnParameterTests
{
    [Theory]
    [InlineData("SecretARN: { Type: String }", "SecretARN", "new AmazonSecretsManagerClient().GetSecretValueAsync(new GetSecretValueRequest { SecretId = Env() })", "secretsmanager:GetSecretValue ${SecretARN}")]
    [InlineData("DbSecret: { Type: String, AllowedPattern: '^arn:aws[a-z-]*:secretsmanager:.*' }", "DbSecret", "new AmazonSecretsManagerClient().GetSecretValueAsync(new GetSecretValueRequest { SecretId = Env() })", "secretsmanager:GetSecretValue ${DbSecret}")]
    [InlineData("DbSecret: { Type: String, Default: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf' }", "DbSecret", "new AmazonSecretsManagerClient().GetSecretValueAsync(new GetSecretValueRequest { SecretId = Env() })", "secretsmanager:GetSecretValue ${DbSecret}")]
    [InlineData("DbSecret: { Type: String }", "DbSecret", "new AmazonSecretsManagerClient().GetSecretValueAsync(new GetSecretValueRequest { SecretId = Env() })", "secretsmanager:GetSecretValue arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:${DbSecret}-??????")]
    [InlineData("TableArn: { Type: String }", "TableArn", "new AmazonDynamoDBClient().GetItemAsync(new GetItemRequest { TableName = Env() })", "dynamodb:GetItem ${TableArn}")]
    [InlineData("TableName: { Type: String }", "TableName", "new AmazonDynamoDBClient().GetItemAsync(new GetItemRequest { TableName = Env() })", "dynamodb:GetItem arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}")]
    public void A_parameter_that_holds_an_arn_is_granted_as_the_arn(string parameter, string name, string call, string expected)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.SecretsManager;
            using Amazon.SecretsManager.Model;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            namespace App;
            public class Handler
            {
                private static string Env() => Environment.GetEnvironmentVariable("VALUE")!;
                public Task Run() => {{call}};
            }
            """, $"VALUE: !Ref {name}", parameters: parameter);

        report.Grants().Should().Equal(expected);
    }
}

/// <summary>A request that does not name its resource (mapping grant bound to "*"): the advice is the mapping's narrow.</summary>
public class UnnamedResourceAdviceTests
{
    [Theory]
    [InlineData("new DecryptRequest { CiphertextBlob = blob }", "kms:Decrypt arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/*", "set KeyId in the request")]
    [InlineData("new DecryptRequest { CiphertextBlob = blob, KeyId = Environment.GetEnvironmentVariable(\"KEY\") }", "kms:Decrypt ${Key.Arn}", null)]
    public void Decrypt_without_a_key_says_to_name_the_key(string request, string grant, string? advice)
    {
        var report = OneFunction.Run("""
            Key:
              Type: AWS::KMS::Key
            """, $$"""
            using Amazon.KeyManagementService;
            using Amazon.KeyManagementService.Model;
            namespace App;
            public class Handler
            {
                public Task Run(MemoryStream blob) => new AmazonKeyManagementServiceClient().DecryptAsync({{request}});
            }
            """, "KEY: !GetAtt Key.Arn");

        report.Grants().Should().Equal(grant);
        if (advice is null) report.Findings.Should().NotContain(f => f.Code == FindingCodes.UnresolvedResource);
        else report.Findings.Should().ContainSingle(f => f.Code == FindingCodes.UnresolvedResource).Which.Message
            .Should().Contain("the request does not name the KeyId").And.Contain(advice).And.NotContain("Pass a name the template sets");
    }
}

/// <summary>A name the template gives a value known only at deploy time: granted on every such resource, with advice that fits.</summary>
public class DeployTimeValueTests
{
    [Theory]
    [InlineData("\"{{resolve:ssm:/orders/table-name:1}}\"", "SSM Parameter Store", "set that value in the template to something RoleGen can read")]
    [InlineData("!ImportValue shared-orders-table", "ImportValue", "set that value in the template to something RoleGen can read")]
    public void The_finding_says_where_the_value_comes_from_and_how_to_narrow_it(string value, string reason, string advice)
    {
        var report = OneFunction.Run("", """
            using Amazon.DynamoDBv2;
            namespace App;
            public class Handler
            {
                public Task Run() => new AmazonDynamoDBClient().GetItemAsync(Environment.GetEnvironmentVariable("TABLE"), new());
            }
            """, $"TABLE: {value}");

        report.Grants().Should().Equal("dynamodb:GetItem arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/*");
        report.Findings.Should().ContainSingle(f => f.Code == FindingCodes.UnresolvedResource).Which.Message
            .Should().Contain(reason).And.Contain(advice).And.NotContain("Pass a name the template sets");
    }
}

/// <summary>A response property that names a resource of its request (mapping results): GetQueueUrl's QueueUrl is the queue asked for.</summary>
public class SdkResultTests
{
    private const string Queue = "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:orders";

    [Theory]
    [InlineData("var url = (await _sqs.GetQueueUrlAsync(\"orders\")).QueueUrl; await _sqs.SendMessageAsync(url, \"m\");", "sqs:GetQueueUrl")]
    [InlineData("var response = await _sqs.GetQueueUrlAsync(new GetQueueUrlRequest { QueueName = \"orders\" }); await _sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = response.QueueUrl, MessageBody = \"m\" });", "sqs:GetQueueUrl")]
    // Waited for without await.
    [InlineData("var url = _sqs.GetQueueUrlAsync(\"orders\").GetAwaiter().GetResult().QueueUrl; await _sqs.SendMessageAsync(url, \"m\");", "sqs:GetQueueUrl")]
    [InlineData("var url = _sqs.GetQueueUrlAsync(\"orders\").Result.QueueUrl; await _sqs.SendMessageAsync(url, \"m\");", "sqs:GetQueueUrl")]
    [InlineData("var response = await _sqs.GetQueueUrlAsync(\"orders\").ConfigureAwait(false); await _sqs.SendMessageAsync(response.QueueUrl, \"m\");", "sqs:GetQueueUrl")]
    // CreateQueue returns the URL of the queue of that name too.
    [InlineData("var url = (await _sqs.CreateQueueAsync(\"orders\")).QueueUrl; await _sqs.SendMessageAsync(url, \"m\");", "sqs:CreateQueue")]
    public void A_queue_url_a_call_returns_for_a_name_is_that_queue(string code, string lookup)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.SQS;
            using Amazon.SQS.Model;
            namespace App;
            public class Handler
            {
                private readonly IAmazonSQS _sqs = new AmazonSQSClient();
                public async Task Run() { {{code}} }
            }
            """);

        report.Grants().Should().Equal($"{lookup} {Queue}", $"sqs:SendMessage {Queue}");
        report.Findings.Should().NotContain(f => f.Code == FindingCodes.UnresolvedResource);
    }

    /// <summary>The course-style messenger: the topic's ARN looked up (FindTopic) or made (CreateTopic) by the name the template sets.</summary>
    [Theory]
    [InlineData("_topicArn ??= (await _sns.FindTopicAsync(Environment.GetEnvironmentVariable(\"TOPIC\"))).TopicArn; await _sns.PublishAsync(_topicArn, \"m\");", "sns:ListTopics *")]
    [InlineData("var topic = await _sns.FindTopicAsync(Environment.GetEnvironmentVariable(\"TOPIC\")); await _sns.PublishAsync(new PublishRequest { TopicArn = topic.TopicArn, Message = \"m\" });", "sns:ListTopics *")]
    [InlineData("var response = _sns.CreateTopicAsync(Environment.GetEnvironmentVariable(\"TOPIC\")).GetAwaiter().GetResult(); await _sns.PublishAsync(response.TopicArn, \"m\");", "sns:CreateTopic arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:${Alerts.TopicName}")]
    public void A_topic_arn_a_call_returns_for_a_name_is_that_topic(string code, string lookup)
    {
        var report = OneFunction.Run("""
            Alerts:
              Type: AWS::SNS::Topic
            """, $$"""
            using Amazon.SimpleNotificationService;
            using Amazon.SimpleNotificationService.Model;
            namespace App;
            public class Handler
            {
                private readonly IAmazonSimpleNotificationService _sns = new AmazonSimpleNotificationServiceClient();
                private string? _topicArn;
                public async Task Run() { {{code}} }
            }
            """, "TOPIC: !GetAtt Alerts.TopicName");

        report.Grants().Should().Equal(lookup, "sns:Publish arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:${Alerts.TopicName}");
        report.Findings.Should().NotContain(f => f.Code == FindingCodes.UnresolvedResource);
    }
}
