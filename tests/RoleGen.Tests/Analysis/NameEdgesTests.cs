using FluentAssertions;
using Microsoft.CodeAnalysis;
using RoleGen.Core.Analysis;
using RoleGen.Core.Workspace;
using RoleGen.Tests.Golden;
using Xunit;

namespace RoleGen.Tests.Analysis;

/// <summary>
/// Following code by name must reach at least what binding it reaches (members, constructed and initialized types):
/// the pruned walk relies on it to keep every assignment and call site the value resolver may need. Checked on every
/// member of every golden case and sample project, and on small apps with the forms a name does not show directly.
/// </summary>
public class NameEdgesTests
{
    private static readonly Lazy<RoleGen.Core.Mappings.MappingTable> Table = new(() => RoleGen.Core.RoleGenKnowledge.Load(RoleGen.Tests.Mappings.RealTable.Directory).Table);

    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        var samples = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(CaseTests.CasesDirectory)))!, "samples");
        foreach (var project in new[] { CaseTests.CasesDirectory, samples }.SelectMany(d => Directory.EnumerateFiles(d, "*.csproj", SearchOption.AllDirectories)).Order(StringComparer.Ordinal))
            data.Add(project);
        return data;
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Following_a_project_by_name_reaches_what_binding_reaches(string projectFile)
    {
        var directory = Path.GetDirectoryName(projectFile)!;
        var project = new ProjectLocator().Find(directory, directory, Path.GetFileNameWithoutExtension(projectFile))!;
        CheckEveryMember(new CompilationFactory().Create(project));
    }

    [Theory]
    [InlineData("class A { public B Make() => new() { Size = 2 }; } class B { public int Size { get; set; } public B() { Init(); } void Init() { } }")]
    [InlineData("class Base { protected Base(int x) { Setup(); } void Setup() { } } class Derived(int y) : Base(y) { public int Y => y; } class User { object U() => new Derived(1).Y; }")]
    [InlineData("static class Ext { public static int Twice(this string s) => s.Length * 2; } class C { int M(string? s) => s?.Twice() ?? this.N(); int N() => Helper.Value; } static class Helper { public static int Value = Compute(); static int Compute() => 1; }")]
    [InlineData("using static Tools; static class Tools { public static int Tool() => 1; } class C { int M() => Tool(); }")]
    [InlineData("using Alias = Target; class Target { public Target() { } public int P { get; set; } } class C { object M() => new Alias { P = 1 }; }")]
    [InlineData("class Outer { static int Shared() => 1; class Inner { int M() => Shared(); } } class C { System.Func<int> F() => Other; int Other() => 2; }")]
    [InlineData("record Click(string Site); class C { bool M(object o) => o is Click { Site.Length: > 0 } && o is Click { Site: \"a\" }; }")]
    [InlineData("interface IRepo { void Save(); } class Repo : IRepo { public void Save() { } } class S(IRepo repo) { public void Run() { repo.Save(); var local = repo; local.Save(); } }")]
    public void Following_code_by_name_reaches_what_binding_reaches(string source)
    {
        CheckEveryMember(new CompilationFactory().FromSources("App", [("/src/App.cs", "using System;\n" + source)]));
    }

    /// <summary>
    /// The other half of pruning: from code that cannot lead to an SDK call, the walk (the bound edges, and the
    /// constructors and static initializers it runs for what they reach) never gets to code that can.
    /// </summary>
    [Theory]
    [MemberData(nameof(Projects))]
    public void Code_that_cannot_lead_to_an_sdk_call_reaches_none_that_can(string projectFile)
    {
        var directory = Path.GetDirectoryName(projectFile)!;
        var project = new CompilationFactory().Create(new ProjectLocator().Find(directory, directory, Path.GetFileNameWithoutExtension(projectFile))!);
        var implementations = new ImplementationIndex(project.Compilation);
        var edges = new MemberEdges(project, implementations);
        var relevance = new RoleGen.Core.Analysis.Pruning.CodeRelevance(project.Compilation.SyntaxTrees, SdkClientTypes.Of(Table.Value));
        var irrelevant = implementations.SourceTypes.SelectMany(t => t.GetMembers()).OfType<IMethodSymbol>().Where(m => !relevance.IsRelevant(m)).ToList();
        foreach (var member in irrelevant)
        {
            var reached = Reached(edges.Of(member)).Where(r => r.Locations.Any(l => l.IsInSource) && r.ContainingType?.IsAnonymousType != true);
            reached.Where(relevance.IsRelevant).Select(r => r.ToDisplayString()).Should()
                .BeEmpty($"{member.ToDisplayString()} cannot lead to an SDK call, so nothing it reaches can");
        }
    }

    /// <summary>What the walk runs after these edges: the members, their types' constructors (instance members) and static initializers.</summary>
    private static IEnumerable<ISymbol> Reached(IEnumerable<CodeEdge> edges)
    {
        foreach (var edge in edges)
        {
            var (member, constructed, initialized) = edge switch
            {
                ReachesMember r => (Normalized(r.Member), !r.Member.IsStatic && r.Member is not IMethodSymbol { MethodKind: MethodKind.Constructor } ? r.Member.ContainingType : null, r.Member.ContainingType),
                ConstructsType c => (null, c.Type, c.Type),
                InitializesType i => ((ISymbol?)null, (INamedTypeSymbol?)null, i.Type),
                _ => (null, null, null),
            };
            if (member is not null) yield return member;
            foreach (var constructor in constructed?.OriginalDefinition.InstanceConstructors ?? []) yield return constructor;
            foreach (var constructor in initialized?.OriginalDefinition.StaticConstructors ?? []) yield return constructor;
        }
    }

    private static void CheckEveryMember(ProjectCompilation project)
    {
        var implementations = new ImplementationIndex(project.Compilation);
        var edges = new MemberEdges(project, implementations);
        var members = implementations.SourceTypes.SelectMany(t => t.GetMembers()).OfType<IMethodSymbol>().ToList();
        members.Should().NotBeEmpty();
        foreach (var member in members)
        {
            var byName = Keys(edges.ByName(member)).ToHashSet(StringComparer.Ordinal);
            var missing = Keys(edges.Of(member)).Where(key => !byName.Contains(key)).ToList();
            missing.Should().BeEmpty($"following {member.ToDisplayString()} by name must reach what binding it reaches");
        }
    }

    /// <summary>What an edge reaches in source code (anonymous types' properties have no code to follow).</summary>
    private static IEnumerable<string> Keys(IEnumerable<CodeEdge> edges) => edges.Select(edge => edge switch
    {
        ReachesMember reached when reached.Member.Locations.Any(l => l.IsInSource) && reached.Member.ContainingType?.IsAnonymousType != true => "member " + Normalized(reached.Member).ToDisplayString(),
        ConstructsType constructed when constructed.Type.Locations.Any(l => l.IsInSource) => "constructs " + constructed.Type.OriginalDefinition.ToDisplayString(),
        InitializesType initialized when initialized.Type.Locations.Any(l => l.IsInSource) => "initializes " + initialized.Type.OriginalDefinition.ToDisplayString(),
        _ => "",
    }).Where(key => key.Length > 0);

    private static ISymbol Normalized(ISymbol member) =>
        member is IMethodSymbol { ReducedFrom: { } extension } ? extension.OriginalDefinition : member.OriginalDefinition;
}
