using System.Globalization;
using System.Text;

namespace RoleGen.Benchmarks;

/// <summary>
/// Writes a realistic serverless monorepo of N .NET functions: one SAM template (Globals, tables, buckets, queues,
/// KMS keys, environment variables from !Ref/!GetAtt, API/schedule/SQS events) and one C# project per
/// <see cref="FunctionsPerProject"/> functions. Each function has a handler with constructor injection (a hand-written
/// composition root: no Microsoft.Extensions.DependencyInjection), a service and a repository in other files that call
/// IAmazonDynamoDB / IAmazonS3 / IAmazonSQS / IAmazonKeyManagementService with request objects and names from
/// environment variables, and filler (DTOs, validation, mapping). It builds with <c>dotnet build</c> using only the
/// AWSSDK.S3, AWSSDK.DynamoDBv2, AWSSDK.SQS and AWSSDK.KeyManagementService packages (handlers take plain types).
/// The output depends only on the function count: same N, same bytes.
/// </summary>
public sealed class MonorepoGenerator(int functionCount, int functionsPerProject = 25)
{
    public const string TemplateFileName = "template.yaml";
    public const string SolutionFileName = "Monorepo.slnx";

    private static readonly string[] Domains = ["Orders", "Billing", "Catalog", "Inventory", "Shipping", "Customers", "Payments", "Reviews", "Returns", "Loyalty"];
    private static readonly string[] Entities = ["Order", "Invoice", "Product", "Shipment", "Customer", "Payment", "Review", "Refund", "Coupon", "Cart", "Warehouse", "Supplier"];

    // Versions restorable together without NU1603 warnings; any 4.x works.
    private static readonly (string Id, string Version)[] Packages =
    [
        ("AWSSDK.DynamoDBv2", "4.1.0"),
        ("AWSSDK.KeyManagementService", "4.1.0"),
        ("AWSSDK.S3", "4.1.0"),
        ("AWSSDK.SQS", "4.0.100.25"),
    ];

    public int FunctionCount { get; } = functionCount;
    public int FunctionsPerProject { get; } = functionsPerProject;
    public int ProjectCount => (FunctionCount + FunctionsPerProject - 1) / FunctionsPerProject;

    /// <summary>What a function does with AWS; chosen round-robin so every size has every kind.</summary>
    private enum Kind { Store, Export, Notify, Archive }

    private sealed record Function(int Index, string Project, string Entity, Kind Kind)
    {
        public string LogicalId => $"{Project}{Entity}Function";
        public string Table => $"Table{Index / 5}";
        public string Bucket => $"Bucket{Index / 10}";
        public string Queue => $"Queue{Index / 10}";
        public string Key => $"Key{Project}";
    }

    public static string ProjectName(int index) =>
        Domains[index % Domains.Length] + (index < Domains.Length ? "" : (index / Domains.Length + 1).ToString(CultureInfo.InvariantCulture)) + "Service";

    /// <summary>Writes the monorepo under <paramref name="root"/> (created; must be empty or absent).</summary>
    public void Write(string root)
    {
        Directory.CreateDirectory(root);
        var functions = Enumerable.Range(0, FunctionCount)
            .Select(i => new Function(i, ProjectName(i / FunctionsPerProject), Entities[i % FunctionsPerProject % Entities.Length] + (i % FunctionsPerProject).ToString(CultureInfo.InvariantCulture), (Kind)(i % 4)))
            .ToList();
        File.WriteAllText(Path.Combine(root, TemplateFileName), Template(functions));
        var projects = functions.GroupBy(f => f.Project).ToList();
        File.WriteAllText(Path.Combine(root, SolutionFileName),
            "<Solution>\n" + string.Concat(projects.Select(p => $"  <Project Path=\"src/{p.Key}/{p.Key}.csproj\" />\n")) + "</Solution>\n");
        foreach (var project in projects)
            WriteProject(Path.Combine(root, "src", project.Key), project.Key, project.ToList());
    }

    /// <summary>The file the harness edits to measure a re-run after one change: the first function's repository.</summary>
    /// <summary>The text with a statement added at the start of the first method body that follows an <c>async Task</c> signature.</summary>
    public static string WithStatementInFirstMethod(string text, string statement)
    {
        var signature = text.IndexOf(" async Task", StringComparison.Ordinal);
        var body = signature < 0 ? -1 : text.IndexOf("\n    {\n", signature, StringComparison.Ordinal);
        if (body < 0) throw new InvalidOperationException("no async method body to edit in the generated file");
        return text.Insert(body + "\n    {\n".Length, "        " + statement + "\n");
    }

    public static string OneFileToChange(string root) =>
        Directory.GetFiles(Path.Combine(root, "src", ProjectName(0), "Data"), "*.cs").Order(StringComparer.Ordinal).First();

    private static string Template(List<Function> functions)
    {
        var t = new StringBuilder();
        t.Append($"""
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Description: >
              Generated benchmark monorepo: {functions.Count} .NET functions in {functions.Select(f => f.Project).Distinct().Count()} projects.

            Parameters:
              Stage:
                Type: String
                Default: dev
                AllowedValues: [dev, staging, prod]

            Globals:
              Function:
                Runtime: dotnet8
                Timeout: 30
                MemorySize: 512
                Architectures: [x86_64]
                Tracing: Active
                Environment:
                  Variables:
                    STAGE: !Ref Stage
                    AUDIT_QUEUE_URL: !Ref AuditQueue
                    AWS_RETRY_MODE: adaptive

            Resources:
              AuditQueue:
                Type: AWS::SQS::Queue
                Properties:
                  MessageRetentionPeriod: 1209600

            """);
        foreach (var key in functions.Select(f => f.Key).Distinct())
            t.Append($"""
                  {key}:
                    Type: AWS::KMS::Key
                    Properties:
                      EnableKeyRotation: true
                      KeyPolicy:
                        Version: '2012-10-17'
                        Statement:
                          - Effect: Allow
                            Principal:
                              AWS: !Sub 'arn:${"{"}AWS::Partition{"}"}:iam::${"{"}AWS::AccountId{"}"}:root'
                            Action: 'kms:*'
                            Resource: '*'

                """);
        foreach (var table in functions.Select(f => f.Table).Distinct())
            t.Append($"""
                  {table}:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions:
                        - AttributeName: Id
                          AttributeType: S
                        - AttributeName: CustomerId
                          AttributeType: S
                      KeySchema:
                        - AttributeName: Id
                          KeyType: HASH
                      GlobalSecondaryIndexes:
                        - IndexName: ByCustomer
                          KeySchema:
                            - AttributeName: CustomerId
                              KeyType: HASH
                          Projection:
                            ProjectionType: ALL

                """);
        foreach (var bucket in functions.Select(f => f.Bucket).Distinct())
            t.Append($"""
                  {bucket}:
                    Type: AWS::S3::Bucket
                    Properties:
                      VersioningConfiguration:
                        Status: Enabled

                """);
        foreach (var queue in functions.Select(f => f.Queue).Distinct())
            t.Append($"""
                  {queue}:
                    Type: AWS::SQS::Queue
                    Properties:
                      VisibilityTimeout: 180

                """);
        foreach (var f in functions)
        {
            var variables = f.Kind switch
            {
                Kind.Store => new[] { $"TABLE_NAME: !Ref {f.Table}" },
                Kind.Export => new[] { $"TABLE_NAME: !Ref {f.Table}", $"BUCKET_NAME: !Ref {f.Bucket}" },
                Kind.Notify => new[] { $"QUEUE_URL: !Ref {f.Queue}", $"KEY_ARN: !GetAtt {f.Key}.Arn" },
                Kind.Archive => new[] { $"TABLE_NAME: !Ref {f.Table}", $"BUCKET_NAME: !Ref {f.Bucket}", $"KEY_ARN: !GetAtt {f.Key}.Arn" },
                _ => throw new InvalidOperationException(),
            };
            string[] events = f.Kind switch
            {
                Kind.Store => ["Api:", "  Type: Api", "  Properties:", $"    Path: /{f.Project.ToLowerInvariant()}/{f.Entity.ToLowerInvariant()}", "    Method: post"],
                Kind.Export => ["Nightly:", "  Type: Schedule", "  Properties:", "    Schedule: rate(1 day)"],
                Kind.Archive when f.Index % 8 == 3 => ["Archived:", "  Type: SQS", "  Properties:", $"    Queue: !GetAtt {f.Queue}.Arn", "    BatchSize: 10"],
                _ => [],
            };
            t.Append($"""
                  {f.LogicalId}:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: ./src/{f.Project}/
                      Handler: {f.Project}::{f.Project}.Functions.{f.Entity}Function::HandleAsync
                      Description: {f.Kind} {f.Entity} ({f.Project})
                      Environment:
                        Variables:
                {string.Concat(variables.Select(v => "          " + v + "\n"))}
                """);
            if (events.Length > 0) t.Append("      Events:\n").Append(string.Concat(events.Select(e => "        " + e + "\n")));
            t.Append('\n');
        }
        return t.ToString().ReplaceLineEndings("\n");
    }

    private static void WriteProject(string folder, string project, List<Function> functions)
    {
        void Write(string relative, string text)
        {
            var path = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        }

        Write($"{project}.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">

              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <AssemblyName>{project}</AssemblyName>
                <RootNamespace>{project}</RootNamespace>
                <GenerateRuntimeConfigurationFiles>true</GenerateRuntimeConfigurationFiles>
              </PropertyGroup>

              <ItemGroup>
            {string.Concat(Packages.Select(p => $"    <PackageReference Include=\"{p.Id}\" Version=\"{p.Version}\" />\n"))}  </ItemGroup>

            </Project>

            """);
        Write("Configuration/Settings.cs", Settings(project));
        Write("Infrastructure/AuditPublisher.cs", AuditPublisher(project));
        Write("Infrastructure/PayloadProtector.cs", PayloadProtector(project));
        Write("Composition/ServiceRegistry.cs", ServiceRegistry(project, functions));
        foreach (var f in functions)
        {
            Write($"Functions/{f.Entity}Function.cs", Handler(f));
            Write($"Services/{f.Entity}Service.cs", Service(f));
            Write($"Data/{f.Entity}Repository.cs", Repository(f));
            Write($"Models/{f.Entity}Models.cs", Models(f));
        }
    }

    private static string Settings(string ns) => $$"""
        namespace {{ns}}.Configuration;

        /// <summary>Configuration from the Lambda environment; the template sets these variables.</summary>
        public static class Settings
        {
            public static string Stage => Environment.GetEnvironmentVariable("STAGE") ?? "dev";

            public static string TableName => Environment.GetEnvironmentVariable("TABLE_NAME")
                ?? throw new InvalidOperationException("TABLE_NAME is not set.");

            public static string BucketName => Environment.GetEnvironmentVariable("BUCKET_NAME")
                ?? throw new InvalidOperationException("BUCKET_NAME is not set.");

            public static string QueueUrl => Environment.GetEnvironmentVariable("QUEUE_URL")
                ?? throw new InvalidOperationException("QUEUE_URL is not set.");

            public static string KeyArn => Environment.GetEnvironmentVariable("KEY_ARN")
                ?? throw new InvalidOperationException("KEY_ARN is not set.");

            public static string AuditQueueUrl => Environment.GetEnvironmentVariable("AUDIT_QUEUE_URL")
                ?? throw new InvalidOperationException("AUDIT_QUEUE_URL is not set.");
        }

        """;

    private static string AuditPublisher(string ns) => $$"""
        using System.Text.Json;
        using Amazon.SQS;
        using Amazon.SQS.Model;

        namespace {{ns}}.Infrastructure;

        /// <summary>Every function records what it did on the shared audit queue.</summary>
        public sealed class AuditPublisher
        {
            private readonly IAmazonSQS _sqs;
            private readonly string _queueUrl;
            private readonly string _stage;

            public AuditPublisher(IAmazonSQS sqs, string queueUrl, string stage)
            {
                _sqs = sqs;
                _queueUrl = queueUrl;
                _stage = stage;
            }

            public async Task RecordAsync(string entity, string? id, CancellationToken cancellationToken = default)
            {
                var body = JsonSerializer.Serialize(new AuditEntry(entity, id ?? "-", _stage, DateTimeOffset.UtcNow));
                await _sqs.SendMessageAsync(new SendMessageRequest
                {
                    QueueUrl = _queueUrl,
                    MessageBody = body,
                }, cancellationToken);
            }

            private sealed record AuditEntry(string Entity, string Id, string Stage, DateTimeOffset At);
        }

        """;

    private static string PayloadProtector(string ns) => $$"""
        using Amazon.KeyManagementService;
        using Amazon.KeyManagementService.Model;

        namespace {{ns}}.Infrastructure;

        /// <summary>Envelope-free encryption of small payloads with the service's KMS key.</summary>
        public sealed class PayloadProtector
        {
            private readonly IAmazonKeyManagementService _kms;
            private readonly string _keyArn;

            public PayloadProtector(IAmazonKeyManagementService kms, string keyArn)
            {
                _kms = kms;
                _keyArn = keyArn;
            }

            public async Task<byte[]> ProtectAsync(byte[] plaintext, CancellationToken cancellationToken = default)
            {
                if (plaintext.Length > 4096) throw new ArgumentException("KMS encrypts at most 4 KiB.", nameof(plaintext));
                var response = await _kms.EncryptAsync(new EncryptRequest
                {
                    KeyId = _keyArn,
                    Plaintext = new MemoryStream(plaintext),
                }, cancellationToken);
                return response.CiphertextBlob.ToArray();
            }

            public async Task<byte[]> UnprotectAsync(byte[] ciphertext, CancellationToken cancellationToken = default)
            {
                var response = await _kms.DecryptAsync(new DecryptRequest
                {
                    KeyId = _keyArn,
                    CiphertextBlob = new MemoryStream(ciphertext),
                }, cancellationToken);
                return response.Plaintext.ToArray();
            }
        }

        """;

    private static string ServiceRegistry(string ns, List<Function> functions)
    {
        var factories = new StringBuilder();
        foreach (var f in functions)
        {
            var repository = f.Kind switch
            {
                Kind.Store => $"new {f.Entity}Repository(Dynamo, Settings.TableName)",
                Kind.Export => $"new {f.Entity}Repository(Dynamo, S3, Settings.TableName, Settings.BucketName)",
                Kind.Notify => $"new {f.Entity}Repository(Sqs, Settings.QueueUrl)",
                _ => $"new {f.Entity}Repository(Dynamo, S3, Settings.TableName, Settings.BucketName)",
            };
            var arguments = f.Kind is Kind.Notify or Kind.Archive ? repository + ", Protector()" : repository;
            factories.Append($"""

                    public I{f.Entity}Service Create{f.Entity}Service() =>
                        new {f.Entity}Service({arguments});

                """);
        }
        return $$"""
            using Amazon.DynamoDBv2;
            using Amazon.KeyManagementService;
            using Amazon.S3;
            using Amazon.SQS;
            using {{ns}}.Configuration;
            using {{ns}}.Data;
            using {{ns}}.Infrastructure;
            using {{ns}}.Services;

            namespace {{ns}}.Composition;

            /// <summary>
            /// The composition root of every function in this assembly (hand-written dependency injection):
            /// clients are created once per container and reused across invocations.
            /// </summary>
            public sealed class ServiceRegistry
            {
                private static readonly Lazy<ServiceRegistry> Instance = new(() => new ServiceRegistry());

                private readonly Lazy<IAmazonDynamoDB> _dynamo = new(() => new AmazonDynamoDBClient());
                private readonly Lazy<IAmazonS3> _s3 = new(() => new AmazonS3Client());
                private readonly Lazy<IAmazonSQS> _sqs = new(() => new AmazonSQSClient());
                private readonly Lazy<IAmazonKeyManagementService> _kms = new(() => new AmazonKeyManagementServiceClient());

                public static ServiceRegistry Default => Instance.Value;

                public IAmazonDynamoDB Dynamo => _dynamo.Value;

                public IAmazonS3 S3 => _s3.Value;

                public IAmazonSQS Sqs => _sqs.Value;

                public IAmazonKeyManagementService Kms => _kms.Value;

                public AuditPublisher Audit() => new(Sqs, Settings.AuditQueueUrl, Settings.Stage);

                public PayloadProtector Protector() => new(Kms, Settings.KeyArn);
            {{factories}}}

            """;
    }

    private static string Handler(Function f) => $$"""
        using {{f.Project}}.Composition;
        using {{f.Project}}.Infrastructure;
        using {{f.Project}}.Models;
        using {{f.Project}}.Services;

        namespace {{f.Project}}.Functions;

        /// <summary>{{f.Kind}} handler for {{f.Entity}}: validates the request, runs the service, records an audit entry.</summary>
        public sealed class {{f.Entity}}Function
        {
            private readonly I{{f.Entity}}Service _service;
            private readonly AuditPublisher _audit;

            public {{f.Entity}}Function()
                : this(ServiceRegistry.Default)
            {
            }

            private {{f.Entity}}Function(ServiceRegistry registry)
                : this(registry.Create{{f.Entity}}Service(), registry.Audit())
            {
            }

            public {{f.Entity}}Function(I{{f.Entity}}Service service, AuditPublisher audit)
            {
                _service = service;
                _audit = audit;
            }

            public async Task<{{f.Entity}}Response> HandleAsync({{f.Entity}}Request request)
            {
                var errors = {{f.Entity}}Validator.Validate(request);
                if (errors.Count > 0)
                {
                    return {{f.Entity}}Response.Invalid(errors);
                }

                var response = await _service.ProcessAsync(request, CancellationToken.None);
                await _audit.RecordAsync("{{f.Entity}}", response.Id);
                return response;
            }
        }

        """;

    private static string Service(Function f)
    {
        var e = f.Entity;
        var (fields, body) = f.Kind switch
        {
            Kind.Store => ("", $$"""
                        var record = {{e}}Mapper.ToRecord(request, DateTimeOffset.UtcNow);
                        var existing = await _repository.FindAsync(record.Id, cancellationToken);
                        if (existing is not null && existing.Status == record.Status)
                        {
                            return {{e}}Response.Done(existing.Id);
                        }

                        await _repository.SaveAsync(record, cancellationToken);
                        return {{e}}Response.Done(record.Id);
                """),
            Kind.Export => ("", $$"""
                        var records = await _repository.ListByCustomerAsync(request.CustomerId!, {{50 + f.Index % 50}}, cancellationToken);
                        var lines = records
                            .Where(r => r.Amount >= request.Amount)
                            .OrderBy(r => r.CreatedAt)
                            .Select(r => string.Join(';', r.Id, r.Status, r.Amount.ToString(CultureInfo.InvariantCulture), r.Currency))
                            .ToList();
                        var key = await _repository.ExportAsync(request.CustomerId!, string.Join('\n', lines), cancellationToken);
                        return {{e}}Response.Done(key);
                """),
            Kind.Notify => ("PayloadProtector protector", $$"""
                        var record = {{e}}Mapper.ToRecord(request, DateTimeOffset.UtcNow);
                        var payload = JsonSerializer.SerializeToUtf8Bytes(record);
                        var sealedPayload = await _protector.ProtectAsync(payload, cancellationToken);
                        var messageId = await _repository.EnqueueAsync(Convert.ToBase64String(sealedPayload), record.CustomerId, cancellationToken);
                        return {{e}}Response.Done(messageId);
                """),
            _ => ("PayloadProtector protector", $$"""
                        var id = request.Id ?? throw new ArgumentException("Id is required to archive.", nameof(request));
                        var sealedPayload = await _repository.ReadArchiveAsync(id, cancellationToken);
                        var payload = await _protector.UnprotectAsync(sealedPayload, cancellationToken);
                        var record = JsonSerializer.Deserialize<{{e}}Record>(payload) ?? throw new InvalidDataException($"Archive of {id} is empty.");
                        await _repository.MarkArchivedAsync(record.Id, cancellationToken);
                        return {{e}}Response.Done(record.Id);
                """),
        };
        var protector = fields.Length > 0;
        return $$"""
            using System.Globalization;
            using System.Text.Json;
            using {{f.Project}}.Data;
            using {{f.Project}}.Infrastructure;
            using {{f.Project}}.Models;

            namespace {{f.Project}}.Services;

            public interface I{{e}}Service
            {
                Task<{{e}}Response> ProcessAsync({{e}}Request request, CancellationToken cancellationToken);
            }

            /// <summary>Business rules for {{e}}; storage is behind <see cref="I{{e}}Repository"/>.</summary>
            public sealed class {{e}}Service : I{{e}}Service
            {
                private readonly I{{e}}Repository _repository;
            {{(protector ? "    private readonly PayloadProtector _protector;\n" : "")}}
                public {{e}}Service(I{{e}}Repository repository{{(protector ? ", PayloadProtector protector" : "")}})
                {
                    _repository = repository;
            {{(protector ? "        _protector = protector;\n" : "")}}    }

                public async Task<{{e}}Response> ProcessAsync({{e}}Request request, CancellationToken cancellationToken)
                {
            {{body}}
                }
            }

            """;
    }

    private static string Repository(Function f)
    {
        var e = f.Entity;
        var lower = e.ToLowerInvariant();
        return f.Kind switch
        {
            Kind.Store => $$"""
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.Model;
                using {{f.Project}}.Models;

                namespace {{f.Project}}.Data;

                public interface I{{e}}Repository
                {
                    Task SaveAsync({{e}}Record record, CancellationToken cancellationToken = default);

                    Task<{{e}}Record?> FindAsync(string id, CancellationToken cancellationToken = default);

                    Task PurgeAsync(string id, CancellationToken cancellationToken = default);
                }

                /// <summary>{{e}} items in DynamoDB, partition key Id.</summary>
                public sealed class {{e}}Repository : I{{e}}Repository
                {
                    private readonly IAmazonDynamoDB _dynamo;
                    private readonly string _tableName;

                    public {{e}}Repository(IAmazonDynamoDB dynamo, string tableName)
                    {
                        _dynamo = dynamo;
                        _tableName = tableName;
                    }

                    public async Task SaveAsync({{e}}Record record, CancellationToken cancellationToken = default)
                    {
                        await _dynamo.PutItemAsync(new PutItemRequest
                        {
                            TableName = _tableName,
                            Item = {{e}}Mapper.ToItem(record),
                            ConditionExpression = "attribute_not_exists(Id)",
                        }, cancellationToken);
                    }

                    public async Task<{{e}}Record?> FindAsync(string id, CancellationToken cancellationToken = default)
                    {
                        var response = await _dynamo.GetItemAsync(new GetItemRequest
                        {
                            TableName = _tableName,
                            Key = KeyOf(id),
                            ConsistentRead = true,
                        }, cancellationToken);
                        return response.Item is { Count: > 0 } item ? {{e}}Mapper.FromItem(item) : null;
                    }

                    // Used by the admin tooling only: no function calls it, so no role needs DeleteItem.
                    public async Task PurgeAsync(string id, CancellationToken cancellationToken = default)
                    {
                        await _dynamo.DeleteItemAsync(new DeleteItemRequest { TableName = _tableName, Key = KeyOf(id) }, cancellationToken);
                    }

                    private static Dictionary<string, AttributeValue> KeyOf(string id) =>
                        new() { ["Id"] = new AttributeValue { S = id } };
                }

                """,
            Kind.Export => $$"""
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.Model;
                using Amazon.S3;
                using Amazon.S3.Model;
                using {{f.Project}}.Models;

                namespace {{f.Project}}.Data;

                public interface I{{e}}Repository
                {
                    Task<IReadOnlyList<{{e}}Record>> ListByCustomerAsync(string customerId, int limit, CancellationToken cancellationToken = default);

                    Task<string> ExportAsync(string customerId, string content, CancellationToken cancellationToken = default);
                }

                /// <summary>Reads {{e}} items by customer (index ByCustomer) and writes CSV exports to S3.</summary>
                public sealed class {{e}}Repository : I{{e}}Repository
                {
                    private const string ByCustomerIndex = "ByCustomer";
                    private const string ExportPrefix = "exports/{{lower}}";

                    private readonly IAmazonDynamoDB _dynamo;
                    private readonly IAmazonS3 _s3;
                    private readonly string _tableName;
                    private readonly string _bucketName;

                    public {{e}}Repository(IAmazonDynamoDB dynamo, IAmazonS3 s3, string tableName, string bucketName)
                    {
                        _dynamo = dynamo;
                        _s3 = s3;
                        _tableName = tableName;
                        _bucketName = bucketName;
                    }

                    public async Task<IReadOnlyList<{{e}}Record>> ListByCustomerAsync(string customerId, int limit, CancellationToken cancellationToken = default)
                    {
                        var response = await _dynamo.QueryAsync(new QueryRequest
                        {
                            TableName = _tableName,
                            IndexName = ByCustomerIndex,
                            KeyConditionExpression = "CustomerId = :customerId",
                            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                            {
                                [":customerId"] = new AttributeValue { S = customerId },
                            },
                            Limit = limit,
                        }, cancellationToken);
                        return (response.Items ?? new List<Dictionary<string, AttributeValue>>()).Select({{e}}Mapper.FromItem).ToList();
                    }

                    public async Task<string> ExportAsync(string customerId, string content, CancellationToken cancellationToken = default)
                    {
                        var key = $"{ExportPrefix}/{customerId}/{DateTimeOffset.UtcNow:yyyyMMddHHmmss}.csv";
                        await _s3.PutObjectAsync(new PutObjectRequest
                        {
                            BucketName = _bucketName,
                            Key = key,
                            ContentBody = content,
                            ContentType = "text/csv",
                        }, cancellationToken);
                        return key;
                    }
                }

                """,
            Kind.Notify => $$"""
                using Amazon.SQS;
                using Amazon.SQS.Model;

                namespace {{f.Project}}.Data;

                public interface I{{e}}Repository
                {
                    Task<string> EnqueueAsync(string body, string customerId, CancellationToken cancellationToken = default);
                }

                /// <summary>The {{e}} outbox: sealed payloads on the function's queue.</summary>
                public sealed class {{e}}Repository : I{{e}}Repository
                {
                    private readonly IAmazonSQS _sqs;
                    private readonly string _queueUrl;

                    public {{e}}Repository(IAmazonSQS sqs, string queueUrl)
                    {
                        _sqs = sqs;
                        _queueUrl = queueUrl;
                    }

                    public async Task<string> EnqueueAsync(string body, string customerId, CancellationToken cancellationToken = default)
                    {
                        var request = new SendMessageRequest
                        {
                            QueueUrl = _queueUrl,
                            MessageBody = body,
                            MessageAttributes = new Dictionary<string, MessageAttributeValue>
                            {
                                ["customer"] = new MessageAttributeValue { DataType = "String", StringValue = customerId },
                                ["entity"] = new MessageAttributeValue { DataType = "String", StringValue = "{{e}}" },
                            },
                        };
                        var response = await _sqs.SendMessageAsync(request, cancellationToken);
                        return response.MessageId;
                    }
                }

                """,
            _ => $$"""
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.Model;
                using Amazon.S3;
                using Amazon.S3.Model;

                namespace {{f.Project}}.Data;

                public interface I{{e}}Repository
                {
                    Task<byte[]> ReadArchiveAsync(string id, CancellationToken cancellationToken = default);

                    Task MarkArchivedAsync(string id, CancellationToken cancellationToken = default);
                }

                /// <summary>Sealed {{e}} archives in S3 (archive/{{lower}}/&lt;id&gt;.bin) and their status in DynamoDB.</summary>
                public sealed class {{e}}Repository : I{{e}}Repository
                {
                    private readonly IAmazonDynamoDB _dynamo;
                    private readonly IAmazonS3 _s3;
                    private readonly string _tableName;
                    private readonly string _bucketName;

                    public {{e}}Repository(IAmazonDynamoDB dynamo, IAmazonS3 s3, string tableName, string bucketName)
                    {
                        _dynamo = dynamo;
                        _s3 = s3;
                        _tableName = tableName;
                        _bucketName = bucketName;
                    }

                    public async Task<byte[]> ReadArchiveAsync(string id, CancellationToken cancellationToken = default)
                    {
                        using var response = await _s3.GetObjectAsync(new GetObjectRequest
                        {
                            BucketName = _bucketName,
                            Key = "archive/{{lower}}/" + id + ".bin",
                        }, cancellationToken);
                        using var buffer = new MemoryStream();
                        await response.ResponseStream.CopyToAsync(buffer, cancellationToken);
                        return buffer.ToArray();
                    }

                    public async Task MarkArchivedAsync(string id, CancellationToken cancellationToken = default)
                    {
                        await _dynamo.UpdateItemAsync(new UpdateItemRequest
                        {
                            TableName = _tableName,
                            Key = new Dictionary<string, AttributeValue> { ["Id"] = new AttributeValue { S = id } },
                            UpdateExpression = "SET #status = :archived",
                            ExpressionAttributeNames = new Dictionary<string, string> { ["#status"] = "Status" },
                            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":archived"] = new AttributeValue { S = "archived" } },
                        }, cancellationToken);
                    }
                }

                """,
        };
    }

    private static string Models(Function f)
    {
        var e = f.Entity;
        return $$"""
            using System.Globalization;
            using Amazon.DynamoDBv2.Model;

            namespace {{f.Project}}.Models;

            public sealed class {{e}}Request
            {
                public string? Id { get; set; }

                public string? CustomerId { get; set; }

                public string? Status { get; set; }

                public decimal Amount { get; set; }

                public string? Currency { get; set; }

                public List<string> Tags { get; set; } = new();

                public DateTimeOffset? RequestedAt { get; set; }
            }

            public sealed class {{e}}Record
            {
                public string Id { get; set; } = "";

                public string CustomerId { get; set; } = "";

                public string Status { get; set; } = "new";

                public decimal Amount { get; set; }

                public string Currency { get; set; } = "EUR";

                public List<string> Tags { get; set; } = new();

                public DateTimeOffset CreatedAt { get; set; }
            }

            public sealed class {{e}}Response
            {
                public bool Ok { get; init; }

                public string? Id { get; init; }

                public IReadOnlyList<string> Errors { get; init; } = Array.Empty<string>();

                public static {{e}}Response Invalid(IReadOnlyList<string> errors) => new() { Ok = false, Errors = errors };

                public static {{e}}Response Done(string id) => new() { Ok = true, Id = id };
            }

            public static class {{e}}Validator
            {
                private static readonly string[] Currencies = ["EUR", "USD", "GBP", "CHF"];

                public static IReadOnlyList<string> Validate({{e}}Request request)
                {
                    var errors = new List<string>();
                    if (string.IsNullOrWhiteSpace(request.CustomerId)) errors.Add("CustomerId is required.");
                    if (request.Amount < 0) errors.Add("Amount must not be negative.");
                    if (request.Amount > {{1000 + f.Index}}m) errors.Add("Amount exceeds the {{e}} limit.");
                    if (request.Currency is not null && !Currencies.Contains(request.Currency)) errors.Add($"Unknown currency {request.Currency}.");
                    if (request.Tags.Count > 10) errors.Add("At most 10 tags.");
                    foreach (var tag in request.Tags.Where(t => t.Length > 64))
                    {
                        errors.Add($"Tag '{tag[..16]}...' is longer than 64 characters.");
                    }

                    return errors;
                }
            }

            public static class {{e}}Mapper
            {
                public static {{e}}Record ToRecord({{e}}Request request, DateTimeOffset now) => new()
                {
                    Id = request.Id ?? Guid.NewGuid().ToString("N"),
                    CustomerId = request.CustomerId ?? "",
                    Status = request.Status ?? "new",
                    Amount = decimal.Round(request.Amount, 2),
                    Currency = request.Currency ?? "EUR",
                    Tags = request.Tags.Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                    CreatedAt = request.RequestedAt ?? now,
                };

                public static Dictionary<string, AttributeValue> ToItem({{e}}Record record) => new()
                {
                    ["Id"] = new AttributeValue { S = record.Id },
                    ["CustomerId"] = new AttributeValue { S = record.CustomerId },
                    ["Status"] = new AttributeValue { S = record.Status },
                    ["Amount"] = new AttributeValue { N = record.Amount.ToString(CultureInfo.InvariantCulture) },
                    ["Currency"] = new AttributeValue { S = record.Currency },
                    ["CreatedAt"] = new AttributeValue { S = record.CreatedAt.ToString("O", CultureInfo.InvariantCulture) },
                };

                public static {{e}}Record FromItem(Dictionary<string, AttributeValue> item) => new()
                {
                    Id = item["Id"].S,
                    CustomerId = item.TryGetValue("CustomerId", out var customer) ? customer.S : "",
                    Status = item.TryGetValue("Status", out var status) ? status.S : "new",
                    Amount = item.TryGetValue("Amount", out var amount) ? decimal.Parse(amount.N, CultureInfo.InvariantCulture) : 0m,
                    Currency = item.TryGetValue("Currency", out var currency) ? currency.S : "EUR",
                    CreatedAt = item.TryGetValue("CreatedAt", out var created) ? DateTimeOffset.Parse(created.S, CultureInfo.InvariantCulture) : DateTimeOffset.MinValue,
                };
            }

            """;
    }
}
