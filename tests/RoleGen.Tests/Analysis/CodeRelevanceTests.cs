using FluentAssertions;
using Microsoft.CodeAnalysis;
using RoleGen.Core.Analysis.Pruning;
using RoleGen.Core.Workspace;
using Xunit;

namespace RoleGen.Tests.Analysis;

/// <summary>
/// Which members the walk must bind (they can lead to an SDK call, or cannot be followed by name) and which it may
/// follow by name. Each case is a small app and the member asked about; a wrong "no" would lose SDK calls, a wrong
/// "yes" only costs time, so the cases are mostly the ways code gets hold of a client without naming its type.
/// </summary>
public class CodeRelevanceTests
{
    private const string Usings = "using System; using System.Collections.Generic; using System.Threading.Tasks; using Amazon.S3; using Amazon.S3.Model;\n";

    public static TheoryData<string, string, string, bool> Cases() => new()
    {
        {
            "a call on a client field",
            "class Repo { private readonly IAmazonS3 _s3; public Repo(IAmazonS3 s3) { _s3 = s3; } public Task Save() => _s3.PutObjectAsync(new PutObjectRequest()); }",
            "Repo.Save", true
        },
        {
            "code that only checks strings",
            "static class Validator { public static List<string> Validate(string id) { var errors = new List<string>(); if (string.IsNullOrEmpty(id)) errors.Add(\"id\"); return errors; } }",
            "Validator.Validate", false
        },
        {
            "a constructor that only keeps the client",
            "class Repo { private readonly IAmazonS3 _s3; public Repo(IAmazonS3 s3) { _s3 = s3; } }",
            "Repo..ctor", false
        },
        {
            "a caller of a member that makes SDK calls",
            "class Repo { IAmazonS3 _s3 = null!; public Task Save() => _s3.PutObjectAsync(new PutObjectRequest()); } class Service { Repo _repo = new Repo(); public Task Run() => _repo.Save(); }",
            "Service.Run", true
        },
        {
            "a client reached through a wrapper's property",
            "class Clients { public IAmazonS3 Storage { get; } = null!; } class Service { Clients _c = new(); public Task Run() { var s = _c.Storage; return s.PutObjectAsync(new PutObjectRequest()); } }",
            "Service.Run", true
        },
        {
            "a client returned by a factory method",
            "static class Factory { public static IAmazonS3 Create() => null!; } class Service { public Task Run() { var s = Factory.Create(); return s.PutObjectAsync(new PutObjectRequest()); } }",
            "Service.Run", true
        },
        {
            "a source type deriving from a client type",
            "class MyS3 : AmazonS3Client { } class Service { MyS3 _s3 = null!; public Task Run() => _s3.PutObjectAsync(new PutObjectRequest()); }",
            "Service.Run", true
        },
        {
            "an alias of a client type",
            "class Service { Storage _s3 = null!; public Task Run() => _s3.PutObjectAsync(new PutObjectRequest()); }",
            "Service.Run", true
        },
        {
            "a type parameter constrained to a client type",
            "class Service<TClient> where TClient : IAmazonS3 { TClient _s3 = default!; public Task Run() => _s3.PutObjectAsync(new PutObjectRequest()); }",
            "Service`1.Run", true
        },
        {
            "an operation name on a receiver from a library",
            "class Service { object _lib = null!; public Task Run() => ((Lib)_lib).Client.PutObjectAsync(new PutObjectRequest()); } class Lib { public object Client = null!; }",
            "Service.Run", true
        },
        {
            "a dependency-injection registration",
            "class Startup { public void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services) { services.AddSingleton<Startup>(); } }",
            "Startup.ConfigureServices", true
        },
        {
            "any member of a type whose constructor makes an SDK call",
            "class Tables { public Tables(IAmazonS3 s3) { s3.PutBucketAsync(\"b\"); } public string Name => \"n\"; } class Holder { public Tables Item = null!; } class Caller { public string Read(Holder h) => h.Item.Name; }",
            "Caller.Read", true
        },
        {
            "a target-typed new the syntax does not type",
            "class Box { public int Size { get; set; } } class Maker { List<Box> _boxes = new(); public void Add() { _boxes.Add(new()); } }",
            "Maker.Add", true
        },
        {
            "a target-typed new typed by the declaration",
            "class Box { public int Size { get; set; } } class Maker { public Box Make() { Box box = new(); return box; } }",
            "Maker.Make", false
        },
        {
            "dynamic",
            "class Service { public object Run(dynamic d) => d.Anything(); }",
            "Service.Run", true
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tells_which_members_must_be_bound(string why, string source, string member, bool mustBind)
    {
        var project = new CompilationFactory().FromSources("App", [("/src/App.cs", Usings + "using Storage = Amazon.S3.IAmazonS3;\n" + source)]);
        var relevance = new CodeRelevance(project.Compilation.SyntaxTrees, AnalysisHost.Clients with
        {
            OperationNames = ["PutObject", "PutObjectAsync", "PutBucket", "PutBucketAsync"],
        });

        relevance.MustBind(Find(project.Compilation, member)).Should().Be(mustBind, why);
    }

    /// <summary>"Type.Member", or "Type..ctor" for the constructor.</summary>
    private static ISymbol Find(Compilation compilation, string name)
    {
        var dot = name.IndexOf('.');
        return compilation.GetTypeByMetadataName(name[..dot])!.GetMembers(name[(dot + 1)..]).Single();
    }
}
