using FluentAssertions;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Analysis;

public class ReachabilityTests
{
    private const string Service = """
        using Amazon.S3;
        using Amazon.SQS;
        namespace App;
        public interface IStore { Task Put(string key); Task Remove(string key); }
        public class S3Store : IStore
        {
            private readonly IAmazonS3 _s3;
            public S3Store(IAmazonS3 s3) { _s3 = s3; }
            public Task Put(string key) => _s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = "b", Key = key });
            public Task Remove(string key) => _s3.DeleteObjectAsync("b", key);
        }
        public class Dead
        {
            public Task Never(IAmazonSQS sqs) => sqs.SendMessageAsync("https://sqs.us-east-1.amazonaws.com/1/q", "x");
        }
        """;

    private const string Functions = """
        using Amazon.S3;
        namespace App;
        public class Functions
        {
            private readonly IStore _store = new S3Store(new AmazonS3Client());
            public Task Upload(string key) => WithRetry(() => _store.Put("up/" + key));
            public async Task Cleanup(string key) { await _store.Remove("old/x"); }
            private static async Task WithRetry(Func<Task> action) { await action(); }
        }
        """;

    [Fact]
    public void Two_functions_sharing_a_service_get_only_what_each_reaches()
    {
        AnalysisHost.Analyze("App::App.Functions::Upload", Service, Functions).Describe()
            .Should().Equal("IAmazonS3.PutObject(PutObjectRequest{BucketName=\"b\", Key=\"up/\"+?})");
        AnalysisHost.Analyze("App::App.Functions::Cleanup", Service, Functions).Describe()
            .Should().Equal("IAmazonS3.DeleteObject(\"b\", \"old/x\")");
    }

    [Fact]
    public void Code_the_handler_cannot_reach_is_not_reported()
    {
        AnalysisHost.Analyze("App::App.Functions::Upload", Service, Functions).Calls
            .Should().NotContain(c => c.ClientType == "IAmazonSQS");
    }

    [Fact]
    public void A_missing_handler_is_an_error_finding()
    {
        var analysis = AnalysisHost.Analyze("App::App.Functions::Nope", Service, Functions);
        analysis.Findings.Should().ContainSingle(f => f.Code == FindingCodes.HandlerNotFound && f.Severity == Severity.Error)
            .Which.Message.Should().Contain("has no method 'Nope'").And.NotContain("source generator");
    }

    [Fact]
    public void A_method_missing_from_a_partial_handler_type_may_come_from_a_source_generator()
    {
        const string source = """
            namespace App;
            [GenerateHandler]
            public partial class Handler
            {
                public Task<string> Process(string request) => Task.FromResult(request);
            }
            """;
        AnalysisHost.Analyze("App::App.Handler::Run", source).Findings
            .Should().ContainSingle(f => f.Code == FindingCodes.HandlerNotFound)
            .Which.Message.Should().Contain("has no method 'Run'").And.Contain("the type is partial: a source generator may add the method");
    }

    [Theory]
    // Lambda builds a handler with its public parameterless constructor: the one "for tests" does not run.
    [InlineData("public Function() { _bucket = Environment.GetEnvironmentVariable(\"BUCKET\"); }", "env:BUCKET")]
    // ...unless the parameterless one calls it.
    [InlineData("public Function() : this(\"chained\") { }", "\"chained\"")]
    // Without a public parameterless constructor any constructor may be the one that runs.
    [InlineData("private Function() { _bucket = \"private\"; }", "(\"private\"|?)")]
    public void Only_the_constructor_Lambda_calls_builds_the_handler(string parameterless, string expected)
    {
        var source = $$"""
            using Amazon.S3;
            namespace App;
            public class Function
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                private readonly string _bucket;
                {{parameterless}}
                public Function(string bucket) { _bucket = bucket; }
                public Task Handle() => _s3.GetObjectAsync(_bucket, "k");
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", source).Describe().Should().Equal($"IAmazonS3.GetObject({expected}, \"k\")");
    }

    [Theory]
    [InlineData("public override Func<string, Task> Handler => Handle;")]
    [InlineData("public override Func<string, Task> Handler => key => Handle(key);")]
    [InlineData("public override Func<string, Task> Handler { get; } = null!; public Function() { Handler = Handle; }")]
    public void A_delegate_a_property_hands_out_is_followed_where_it_is_invoked(string handler)
    {
        var source = $$"""
            using Amazon.S3;
            namespace App;
            public abstract class Traced
            {
                public abstract Func<string, Task> Handler { get; }
                public async Task Entry(string key)
                {
                    Func<Task> action = async () => await Handler(key);
                    await action();
                }
            }
            public class Function : Traced
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                {{handler}}
                public Task Handle(string key) => _s3.DeleteObjectAsync("files", key);
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Entry", source).Describe().Should().Equal("IAmazonS3.DeleteObject(\"files\", ?)");
    }

    [Theory]
    // Handed to a library method whose package is not restored: its base interface does not resolve.
    [InlineData("public Task Handle(SQSEvent e) => SqsBatchProcessor.Instance.ProcessAsync(e, new RecordHandler());", "public class RecordHandler : ISqsRecordHandler", "HandleAsync", true)]
    // Held in a field of the library's interface type, only handed over: still the library's contract.
    [InlineData("private readonly ISqsRecordHandler _handler = new RecordHandler(); public Task Handle(SQSEvent e) => SqsBatchProcessor.Instance.ProcessAsync(e, _handler);", "public class RecordHandler : ISqsRecordHandler", "HandleAsync", true)]
    // Named by an attribute the library reads to build it.
    [InlineData("[BatchProcessor(RecordHandler = typeof(RecordHandler))] public Task Handle(SQSEvent e) => Task.CompletedTask;", "public class RecordHandler : ISqsRecordHandler", "HandleAsync", true)]
    // A library interface that resolves: only its members run, not the type's other methods.
    [InlineData("public void Handle(List<string> keys) => keys.Sort(new RecordHandler());", "public class RecordHandler : IComparer<string>", "Compare", true)]
    [InlineData("public void Handle(List<string> keys) => keys.Sort(new RecordHandler());", "public class RecordHandler : IComparer<string>", "Other", false)]
    // Never built: nothing of it runs.
    [InlineData("public Task Handle(SQSEvent e) => Task.CompletedTask;", "public class RecordHandler : ISqsRecordHandler", "HandleAsync", false)]
    public void What_a_library_calls_back_on_an_object_it_is_given_is_reached(string handler, string declaration, string method, bool reached)
    {
        var source = $$"""
            using Amazon.S3;
            namespace App;
            public class Function
            {
                {{handler}}
            }
            {{declaration}}
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                public int Compare(string? a, string? b) { _s3.DeleteObjectAsync("compare", "k"); return 0; }
                public Task<string> HandleAsync(object record) { _s3.DeleteObjectAsync("handle", "k"); return Task.FromResult(""); }
                public void Other() => _s3.DeleteObjectAsync("other", "k");
            }
            """;
        var bucket = method switch { "Compare" => "compare", "HandleAsync" => "handle", _ => "other" };
        var calls = AnalysisHost.Analyze("App::App.Function::Handle", source).Describe();
        if (reached) calls.Should().Contain($"IAmazonS3.DeleteObject(\"{bucket}\", \"k\")");
        else calls.Should().NotContain($"IAmazonS3.DeleteObject(\"{bucket}\", \"k\")");
    }

    [Theory]
    // IStore.cs is not in the project: the classes that name IStore in their base list are what _store can be.
    [InlineData("IStore", "public class S3Store : IStore", "_store.Put(\"k\")", true)]
    [InlineData("IStore", "public class S3Store : IStore", "_store?.Put(\"k\")", true)]
    [InlineData("IRepo<Order>", "public class Order { } public class S3Store : IRepo<Order>", "_store.Put(\"k\")", true)]
    [InlineData("IStore", "public class S3Store : StoreBase, IStore { } public class StoreBase", "_store.Put(\"k\")", true)]
    // From a container whose package is not restored either.
    [InlineData("IServiceProvider", "public class S3Store : IStore", "_store.GetRequiredService<IStore>().Put(\"k\")", true)]
    // A class that does not say it is one, or a method that does not take that many arguments, is not what runs.
    [InlineData("IStore", "public class S3Store", "_store.Put(\"k\")", false)]
    [InlineData("IRepo<Order>", "public class Order { } public class S3Store : IRepo", "_store.Put(\"k\")", false)]
    [InlineData("IStore", "public class S3Store : IStore", "_store.Put(\"k\", \"v\")", false)]
    public void A_call_on_a_type_whose_file_is_missing_reaches_the_classes_that_implement_it(string fieldType, string declaration, string call, bool reached)
    {
        var source = $$"""
            using Amazon.S3;
            namespace App;
            {{declaration}}
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                public Task Put(string key) => _s3.DeleteObjectAsync("files", key);
            }
            public class Function
            {
                private readonly {{fieldType}} _store;
                public Function({{fieldType}} store) { _store = store; }
                public Task Handle() => {{call}};
            }
            """;
        var calls = AnalysisHost.Analyze("App::App.Function::Handle", source).Describe();
        if (reached) calls.Should().Equal("IAmazonS3.DeleteObject(\"files\", \"k\")");
        else calls.Should().BeEmpty();
    }

    [Theory]
    [InlineData("private readonly IStore _store; public Function(IStore store) { _store = store; }")]
    [InlineData("private readonly IServiceProvider _services; private IStore _store => _services.GetRequiredService<IStore>();")]
    // A factory of the project returns one, kept in a var.
    [InlineData("private static IStore Make() => new S3Store(); private static readonly Holder _store = new(); private sealed class Holder { public Task Put(string key) { var store = Make(); return store.Put(key); } }")]
    public void A_type_whose_file_is_missing_but_the_project_holds_objects_as_is_its_own_abstraction_not_a_library_callback(string holds)
    {
        // IStore.cs is missing: the project calls through it, so only what it calls runs, not every public method (as a
        // library handed an object of a type implementing an unresolved library interface could call).
        var source = $$"""
            using Amazon.S3;
            namespace App;
            public class S3Store : IStore
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                public Task Put(string key) => _s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = "files", Key = key });
                public Task Remove(string key) => _s3.DeleteObjectAsync("files", key);
            }
            public class Function
            {
                {{holds}}
                public Task Handle() => _store.Put("k");
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", source).Describe()
            .Should().Equal("IAmazonS3.PutObject(PutObjectRequest{BucketName=\"files\", Key=\"k\"})");
    }

    [Fact]
    public void An_interface_implemented_by_an_abstract_class_reaches_the_overrides_of_its_subclasses()
    {
        // Regression: dispatching the interface member reached the abstract one while the walk iterated its pending set.
        var source = """
            using Amazon.S3;
            namespace App;
            public interface IStore { Task Save(string bucket, string key); }
            public abstract class StoreBase : IStore { public abstract Task Save(string bucket, string key); }
            public class S3Store : StoreBase
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                public override Task Save(string bucket, string key) => _s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = bucket, Key = key });
            }
            public class Function
            {
                private readonly IStore _store;
                public Function(IStore store) { _store = store; }
                public Task Handle() => _store.Save("files", "x/1");
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", source).Describe().Should().Equal("IAmazonS3.PutObject(PutObjectRequest{BucketName=\"files\", Key=\"x/1\"})");
    }

    [Fact]
    public void A_helper_called_through_an_interface_returns_what_this_call_gives_it_not_what_every_call_does()
    {
        var source = """
            using Amazon.S3;
            using Amazon.SQS;
            namespace App;
            public interface IEnvironmentService { string GetRequired(string key); }
            public class EnvironmentService : IEnvironmentService
            {
                public string GetRequired(string name) => Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException(name);
            }
            public class Function
            {
                private readonly IEnvironmentService _env = new EnvironmentService();
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                private readonly IAmazonSQS _sqs = new AmazonSQSClient();
                public async Task Handle()
                {
                    await _s3.GetObjectAsync(_env.GetRequired("BUCKET"), "k");
                    await _sqs.SendMessageAsync(_env.GetRequired("QUEUE"), "m");
                }
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", source).Describe().Should().Equal(
            "IAmazonS3.GetObject((env:BUCKET|never), \"k\")", "IAmazonSQS.SendMessage((env:QUEUE|never), \"m\")");
    }

    /// <summary>
    /// The SDK not restored: an interface that spells a response type otherwise than its class (qualified, through an
    /// alias) declares members Roslyn finds no implementation for; the class's members of that name and shape run.
    /// </summary>
    [Theory]
    [InlineData("Task<Amazon.S3.Model.GetObjectResponse> Get(string key);", "public Task<GetObjectResponse> Get(string key)")]
    [InlineData("Task<S3Model.GetObjectResponse> Get(string key);", "public Task<GetObjectResponse> Get(string key)")]
    [InlineData("Task<GetObjectResponse> Get(Amazon.S3.Model.S3Object key);", "public Task<GetObjectResponse> Get(S3Object key)")]
    [InlineData("Task<Amazon.S3.Model.GetObjectResponse> Get(string key);", "Task<GetObjectResponse> IStore.Get(string key)")]
    public void An_implementation_whose_signature_spells_an_unresolved_type_otherwise_is_followed(string declared, string implemented)
    {
        var source = $$"""
            using Amazon.S3;
            using Amazon.S3.Model;
            using S3Model = Amazon.S3.Model;
            namespace App;
            public interface IStore { {{declared}} }
            public class Store : IStore
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                {{implemented}} => _s3.GetObjectAsync("b", "get/x");
                public Task<GetObjectResponse> Get(int other) => _s3.GetObjectAsync("b", "other/x");
            }
            public abstract class Base { public abstract Task<Amazon.S3.Model.DeleteObjectResponse> Remove(); }
            public class Remover : Base
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                public override Task<DeleteObjectResponse> Remove() => _s3.DeleteObjectAsync("b", "old/x");
            }
            public class Function
            {
                private readonly IStore _store = new Store();
                private readonly Base _remover = new Remover();
                public async Task Handle() { await _store.Get(default!); await _remover.Remove(); }
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", source).Describe().Should().Equal(
            "IAmazonS3.GetObject(\"b\", \"get/x\")", "IAmazonS3.DeleteObject(\"b\", \"old/x\")");
    }

    /// <summary>
    /// Nullable reference types on, the SDK not restored: Roslyn reads <c>IAmazonDynamoDB?</c> of an unknown type as
    /// <c>Nullable&lt;IAmazonDynamoDB&gt;</c>. The calls on such a client, and through such an interface of the project's own
    /// whose file is missing, are still seen.
    /// </summary>
    [Theory]
    [InlineData("private static IAmazonS3? _s3; public async Task Handle() { _s3 ??= new AmazonS3Client(); await _s3.GetObjectAsync(\"b\", \"k\"); }")]
    [InlineData("private static IAmazonS3? _s3 = new AmazonS3Client(); public async Task Handle() { if (_s3 == null) return; await _s3.GetObjectAsync(\"b\", \"k\"); }")]
    [InlineData("public async Task Handle() { IAmazonS3? s3 = new AmazonS3Client(); await s3.GetObjectAsync(\"b\", \"k\"); }")]
    [InlineData("private readonly IReader? _reader = new Reader(); public Task Handle() => _reader!.Read();")]
    [InlineData("private readonly IAmazonS3 _s3; public Function() : this(null) { } public Function(IAmazonS3? s3) { _s3 = s3 ?? new AmazonS3Client(); } public Task Handle() => _s3.GetObjectAsync(\"b\", \"k\");")]
    [InlineData("public Task Handle() => Read(new AmazonS3Client()); private static Task Read(IAmazonS3? s3) => s3?.GetObjectAsync(\"b\", \"k\") ?? Task.CompletedTask;")]
    public void Calls_on_a_nullable_client_of_an_unresolved_type_are_seen(string members)
    {
        var source = $$"""
            using Amazon.S3;
            namespace App;
            public class Reader : IReader
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                public Task Read() => _s3.GetObjectAsync("b", "k");
            }
            public class Function
            {
                {{members}}
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", source).Describe().Should().Equal("IAmazonS3.GetObject(\"b\", \"k\")");
    }

    /// <summary>An argument of a type that does not resolve fails overload resolution: only the overloads that take that many arguments may run.</summary>
    [Fact]
    public void A_call_whose_overload_does_not_resolve_reaches_the_overloads_of_its_arity_only()
    {
        var source = """
            using Amazon.S3;
            namespace App;
            public record Account(string Id);
            public interface IAccounts { Task Update(string id, Account account); Task Update(Account account); }
            public class Accounts : IAccounts
            {
                private readonly IAmazonS3 _s3 = new AmazonS3Client();
                public Task Update(string id, Account account) => _s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = "b", Key = id });
                public Task Update(Account account) => _s3.DeleteObjectAsync("b", account.Id);
            }
            public class Function
            {
                private readonly IAccounts _accounts = new Accounts();
                public Task Handle(APIGatewayProxyRequest request) => _accounts.Update(request.PathParameters["id"], new Account("x"));
            }
            """;
        AnalysisHost.Analyze("App::App.Function::Handle", source).Describe().Should().Equal("IAmazonS3.PutObject(PutObjectRequest{BucketName=\"b\", Key=?})");
    }

    [Theory]
    [InlineData("public class Function { public Function(IAmazonS3 s3) { } public Task Handle() => Task.CompletedTask; }", true)]
    [InlineData("public abstract class Function { public Task Handle() => Task.CompletedTask; }", true)]
    [InlineData("public class Function { public Function(IAmazonS3 s3) { } public static Task Handle() => Task.CompletedTask; }", false)]
    [InlineData("public class Function { public Function() { } public Function(IAmazonS3 s3) { } public Task Handle() => Task.CompletedTask; }", false)]
    [InlineData("public class Function { public Task Handle() => Task.CompletedTask; }", false)]
    public void A_handler_class_the_runtime_cannot_build_is_reported(string function, bool reported)
    {
        var analysis = AnalysisHost.Analyze("App::App.Function::Handle", "using Amazon.S3;\nnamespace App;\n" + function);
        analysis.Findings.Any(f => f.Code == FindingCodes.HandlerNotConstructible && f.Severity == Severity.Warning).Should().Be(reported);
    }
}
