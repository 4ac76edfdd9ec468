using FluentAssertions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RoleGen.Core.Analysis;
using RoleGen.Core.Analysis.Pruning;
using RoleGen.Core.Workspace;
using RoleGen.Tests.Golden;
using Xunit;

namespace RoleGen.Tests.Analysis;

/// <summary>
/// Which statements of a member that must be bound are bound, and which are followed by name. Each case is a small app,
/// the member, and the statements that must be bound (every other statement of the member must not be): a wrong "not
/// bound" would lose SDK calls the member makes through a variable, a wrong "bound" only costs time.
/// </summary>
public class StatementRelevanceTests
{
    private static readonly Lazy<RoleGen.Core.Mappings.MappingTable> Table = new(() => RoleGen.Core.RoleGenKnowledge.Load(RoleGen.Tests.Mappings.RealTable.Directory).Table);

    private const string Usings = "using System; using System.Collections.Generic; using System.Threading.Tasks; using Amazon.S3; using Amazon.S3.Model;\n";

    private const string Repository =
        "class Repo { IAmazonS3 _s3 = null!; public async Task<string> Save(string id) { await _s3.PutObjectAsync(new PutObjectRequest()); return id; } public Task Put() => _s3.PutObjectAsync(new PutObjectRequest()); }\n" +
        "static class Factory { public static IAmazonS3 Create() => null!; }\n" +
        "static class Validator { public static List<string> Validate(string id) => new(); }\n";

    public static TheoryData<string, string, string, string[]> Cases() => new()
    {
        {
            "a handler: validation, logging and returning a result need no binding",
            "class Handler { Repo _repo = new(); public async Task<string?> Run(string id) { var errors = Validator.Validate(id); if (errors.Count > 0) { Console.WriteLine(id); return null; } await _repo.Put(); var result = id.Trim(); Console.WriteLine(result); return result; } }",
            "Handler.Run", ["await _repo.Put();"]
        },
        {
            "a client held in a local, copied to another, then called",
            "class Service { public async Task Run() { var c = Factory.Create(); var d = c; var n = 1; await d.ListBucketsAsync(); Console.WriteLine(n); } }",
            "Service.Run", ["var c = Factory.Create();", "await d.ListBucketsAsync();"]
        },
        {
            "a client passed as a parameter and called by an operation the mapping may not know",
            "class Service { public Task Run(IAmazonS3 s3) { var x = 1; Console.WriteLine(x); return s3.ListBucketsAsync(); } }",
            "Service.Run", ["return s3.ListBucketsAsync();"]
        },
        {
            "a lambda parameter that takes clients from a client list",
            "class Service { List<IAmazonS3> _clients = new(); public void Run() { Console.WriteLine(1); _clients.ForEach(c => { c.ListBucketsAsync(); }); } }",
            "Service.Run", ["_clients.ForEach(c => { c.ListBucketsAsync(); });", "c.ListBucketsAsync();"]
        },
        {
            "a result of a call that may lead to an SDK call, called on (passed to a library: not)",
            "class Service { Repo _repo = new(); public async Task Run() { var saved = await _repo.Save(\"a\"); var upper = saved.ToUpperInvariant(); Console.WriteLine(upper.Length); } }",
            "Service.Run", ["var saved = await _repo.Save(\"a\");", "var upper = saved.ToUpperInvariant();"]
        },
        {
            "a target-typed new the syntax does not type",
            "class Box { } class Service { List<Box> _boxes = new(); Repo _repo = new(); public void Run() { _boxes.Add(new()); _repo.Put(); } }",
            "Service.Run", ["_boxes.Add(new());", "_repo.Put();"]
        },
        {
            "a setter's value typed as a client",
            "class Service { public IAmazonS3 Client { set { Console.WriteLine(1); value.ListBucketsAsync(); } } }",
            "Service.set_Client", ["value.ListBucketsAsync();"]
        },
        {
            "a local function that takes a client",
            "class Service { public void Run() { Console.WriteLine(1); Use(Factory.Create()); void Use(IAmazonS3 c) { c.ListBucketsAsync(); } } }",
            "Service.Run", ["Use(Factory.Create());", "void Use(IAmazonS3 c) { c.ListBucketsAsync(); }", "c.ListBucketsAsync();"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tells_which_statements_must_be_bound(string why, string source, string member, string[] bound)
    {
        var project = new CompilationFactory().FromSources("App", [("/src/App.cs", Usings + Repository + source)]);
        var relevance = Relevance(project, AnalysisHost.Clients with { OperationNames = ["PutObjectAsync"] });
        var symbol = Find(project.Compilation, member);
        relevance.MustBind(symbol).Should().BeTrue("the member itself can lead to an SDK call");
        var code = CodeOf(symbol);
        var statements = relevance.StatementsOf(code);

        var actual = code.DescendantNodes().OfType<StatementSyntax>().Where(s => s is not BlockSyntax && statements.MustBind(s)).Select(s => s.ToString()).ToList();
        actual.Should().BeEquivalentTo(bound, why);
    }

    /// <summary>
    /// The invariant the walk relies on, on every golden case and sample project with the real mapping table: from a
    /// statement that need not be bound, following it by name never gets to a member that can lead to an SDK call.
    /// </summary>
    [Theory]
    [MemberData(nameof(NameEdgesTests.Projects), MemberType = typeof(NameEdgesTests))]
    public void Statements_followed_by_name_reach_nothing_that_can_lead_to_an_sdk_call(string projectFile)
    {
        var directory = Path.GetDirectoryName(projectFile)!;
        var project = new CompilationFactory().Create(new ProjectLocator().Find(directory, directory, Path.GetFileNameWithoutExtension(projectFile))!);
        var implementations = new ImplementationIndex(project.Compilation);
        var relevance = Relevance(project, SdkClientTypes.Of(Table.Value));
        var names = new NameEdges(implementations, project.Compilation.SyntaxTrees);
        foreach (var member in implementations.SourceTypes.SelectMany(t => t.GetMembers()).OfType<IMethodSymbol>().Where(relevance.MustBind))
        foreach (var code in member.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).Select(Body).OfType<SyntaxNode>())
        {
            var statements = relevance.StatementsOf(code);
            foreach (var statement in code.DescendantNodes().OfType<StatementSyntax>().Where(s => !statements.MustBind(s)))
            {
                var edges = System.Collections.Immutable.ImmutableArray.CreateBuilder<CodeEdge>();
                foreach (var node in statement.DescendantNodesAndSelf().Where(n => !statements.MustBind(n))) names.Read(member, node, statements.Locals, edges);
                var reached = edges.OfType<ReachesMember>().Select(e => e.Member.OriginalDefinition)
                    .Concat(edges.OfType<ConstructsType>().SelectMany(e => e.Type.InstanceConstructors));
                reached.Where(r => !r.IsImplicitlyDeclared && r.Locations.Any(l => l.IsInSource) && relevance.IsRelevant(r)).Select(r => r.ToDisplayString()).Should()
                    .BeEmpty($"'{statement}' in {member.ToDisplayString()} is followed by name, so nothing it reaches may lead to an SDK call");
            }
        }
    }

    private static CodeRelevance Relevance(ProjectCompilation project, SdkClientTypes clients) => new(project.Compilation.SyntaxTrees, clients);

    private static SyntaxNode? Body(SyntaxNode declaration) => declaration switch
    {
        BaseMethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody,
        AccessorDeclarationSyntax accessor => (SyntaxNode?)accessor.Body ?? accessor.ExpressionBody,
        ArrowExpressionClauseSyntax arrow => arrow,
        _ => null,
    };

    private static SyntaxNode CodeOf(ISymbol member) => Body(member.DeclaringSyntaxReferences.Single().GetSyntax())!;

    /// <summary>"Type.Member".</summary>
    private static ISymbol Find(Compilation compilation, string name)
    {
        var dot = name.IndexOf('.');
        return compilation.GetTypeByMetadataName(name[..dot])!.GetMembers(name[(dot + 1)..]).Single();
    }
}
