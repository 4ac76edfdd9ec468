using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.CodeAnalysis;
using RoleGen.Core;
using RoleGen.Core.Analysis;
using RoleGen.Core.Analysis.Values;
using RoleGen.Core.Permissions;
using RoleGen.Core.Policy;
using RoleGen.Core.Templates;
using RoleGen.Core.Workspace;

namespace RoleGen.Benchmarks;

/// <summary>
/// The hot inner stages over the generated 100-function monorepo (4 projects), in process. Stages that bind code get a
/// fresh compilation every iteration (Roslyn caches what it bound in the compilation), so each iteration pays the real
/// cost: <see cref="ParseAndCompile"/> parses every file and builds the compilations' symbol tables;
/// <see cref="Reachability"/> walks every handler's reachable code (binding it); <see cref="CallSitesAndValues"/> picks
/// the SDK calls out of that and resolves their arguments (on a compilation the walk already warmed);
/// <see cref="AnalyzeAllHandlers"/> is the three together as <see cref="ProjectAnalyzer"/> runs them;
/// <see cref="PolicyMerge"/> turns every function's permissions into statements; <see cref="WholePipeline"/> is
/// <see cref="RoleGenerator.Generate"/> without the cache.
/// </summary>
[Config(typeof(StageConfig))]
[MemoryDiagnoser]
public class StageBenchmarks
{
    private sealed class StageConfig : ManualConfig
    {
        public StageConfig()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(8).WithInvocationCount(1).WithUnrollFactor(1));
        }
    }

    private sealed record Handler(FunctionSpec Function, HandlerName Name, CSharpProject Project);

    private string _template = "";
    private RoleGenKnowledge _knowledge = null!;
    private ImmutableArray<Handler> _handlers;
    private ImmutableArray<CSharpProject> _projects;
    private SdkClientTypes _clients = null!;
    private Dictionary<string, ProjectCompilation> _parsed = [];
    private Dictionary<string, ProjectCompilation> _compilations = [];
    private Dictionary<Handler, ReachableCode> _reached = [];
    private List<ImmutableArray<Permission>> _permissions = [];

    [GlobalSetup]
    public void Setup()
    {
        var root = Path.Combine(Path.GetTempPath(), "rolegen-bdn-100");
        if (!File.Exists(Path.Combine(root, MonorepoGenerator.TemplateFileName)))
        {
            new MonorepoGenerator(100).Write(root);
            // Restored like a real project, so the SDK assemblies are referenced and bound.
            ProcessRunner.Run("dotnet", ["restore", MonorepoGenerator.SolutionFileName, "-nologo", "-v:q"], root).EnsureSuccess("dotnet restore");
        }
        _template = Path.Combine(root, MonorepoGenerator.TemplateFileName);
        _knowledge = RoleGenKnowledge.Load(Path.Combine(RepositoryRoot.Find(), "mappings"));
        _clients = SdkClientTypes.Of(_knowledge.Table);

        var template = TemplateLoader.Load(_template);
        var locator = new ProjectLocator();
        _handlers = FunctionSpecReader.Read(template).Functions
            .Select(f => (f, name: HandlerName.TryParse(f.Handler)!))
            .Select(p => new Handler(p.f, p.name, locator.Find(p.f.CodeDirectory, template.Directory, p.name.Assembly)!))
            .ToImmutableArray();
        _projects = _handlers.Select(h => h.Project).DistinctBy(p => p.ProjectFile).ToImmutableArray();

        // Permissions per function, as RoleGenerator computes them, for the policy stage.
        var expressions = new TemplateExpressionReader(template, _knowledge.Types);
        var implied = new ImpliedPermissions(_knowledge.Implied, template, expressions, _knowledge.Types);
        var calls = new CallPermissions(_knowledge.Table, new ValueRenderer(new TemplateResources(_knowledge.Types)));
        var factory = new CompilationFactory();
        _parsed = _projects.ToDictionary(p => p.ProjectFile, factory.Create);
        var analyzers = _projects.ToDictionary(p => p.ProjectFile, p => new ProjectAnalyzer(_parsed[p.ProjectFile], _clients, path => path));
        foreach (var handler in _handlers)
        {
            var analysis = analyzers[handler.Project.ProjectFile].Analyze(handler.Name, new RoleGen.Core.Diagnostics.SourceLocation("template.yaml", 1, 1));
            var environment = new FunctionEnvironment(handler.Function.Environment.ToImmutableSortedDictionary(e => e.Key, e => expressions.Read(e.Value), StringComparer.Ordinal));
            _permissions.Add(new PermissionSet(implied.For(handler.Function), []).Add(calls.For(analysis.Calls, environment)).Permissions);
        }
    }

    [Benchmark(Description = "parse + compilation (4 projects)")]
    public int ParseAndCompile()
    {
        var factory = new CompilationFactory();
        var types = 0;
        foreach (var handler in _handlers.DistinctBy(h => h.Project.ProjectFile))
            types += factory.Create(handler.Project).Compilation.GetTypeByMetadataName(handler.Name.TypeName) is null ? 0 : 1;
        return types;
    }

    [IterationSetup(Targets = [nameof(Reachability), nameof(AnalyzeAllHandlers)])]
    public void FreshCompilations() => _compilations = FreshWarmCompilations();

    [Benchmark(Description = "reachability (100 handlers)")]
    public int Reachability()
    {
        var members = 0;
        foreach (var handler in _handlers)
        {
            var project = _compilations[handler.Project.ProjectFile];
            members += new CallGraph(project, new ImplementationIndex(project.Compilation)).Walk(EntryPoints(project, handler.Name)).Members.Count;
        }
        return members;
    }

    [IterationSetup(Target = nameof(CallSitesAndValues))]
    public void FreshWalkedCompilations()
    {
        _compilations = FreshWarmCompilations();
        _reached = _handlers.ToDictionary(h => h, h =>
        {
            var project = _compilations[h.Project.ProjectFile];
            return new CallGraph(project, new ImplementationIndex(project.Compilation)).Walk(EntryPoints(project, h.Name));
        });
    }

    [Benchmark(Description = "SDK call sites + value resolution (100 handlers)")]
    public int CallSitesAndValues()
    {
        var calls = 0;
        var indexes = new Dictionary<string, (SyntaxIndex, ImplementationIndex)>();
        foreach (var handler in _handlers)
        {
            var project = _compilations[handler.Project.ProjectFile];
            if (!indexes.TryGetValue(handler.Project.ProjectFile, out var index))
                indexes[handler.Project.ProjectFile] = index = (new SyntaxIndex(project.Compilation), new ImplementationIndex(project.Compilation));
            var entries = EntryPoints(project, handler.Name);
            var resolver = new ValueResolver(project, index.Item1, index.Item2, _reached[handler],
                ImmutableHashSet.CreateRange<IMethodSymbol>(SymbolEqualityComparer.Default, entries.Select(e => e.OriginalDefinition)), path => path, sdk: _clients);
            calls += new SdkCallFinder(project, _clients, resolver, index.Item2).Find(_reached[handler]).Length;
        }
        return calls;
    }

    [Benchmark(Description = "ProjectAnalyzer.Analyze (100 handlers)")]
    public int AnalyzeAllHandlers()
    {
        var calls = 0;
        var analyzers = new Dictionary<string, ProjectAnalyzer>();
        foreach (var handler in _handlers)
        {
            if (!analyzers.TryGetValue(handler.Project.ProjectFile, out var analyzer))
                analyzers[handler.Project.ProjectFile] = analyzer = new ProjectAnalyzer(_compilations[handler.Project.ProjectFile], _clients, path => path);
            calls += analyzer.Analyze(handler.Name, new RoleGen.Core.Diagnostics.SourceLocation("template.yaml", 1, 1)).Calls.Length;
        }
        return calls;
    }

    [Benchmark(Description = "policy merge (100 functions)")]
    public int PolicyMerge()
    {
        var builder = new PolicyBuilder(_knowledge.Table.Catalog);
        return _permissions.Sum(p => builder.Build(p).Statements.Length);
    }

    [Benchmark(Description = "RoleGenerator.Generate, no cache (100 functions)")]
    public int WholePipeline() => new RoleGenerator(_knowledge).Generate(_template).Functions.Length;

    /// <summary>Clones share the parsed trees but none of the bound state; symbol tables are built here, outside the measurement.</summary>
    private Dictionary<string, ProjectCompilation> FreshWarmCompilations()
    {
        var fresh = new Dictionary<string, ProjectCompilation>();
        foreach (var project in _projects)
        {
            var built = _parsed[project.ProjectFile];
            var clone = new ProjectCompilation(project, built.Compilation.Clone(), built.SdkReferencesResolved);
            _ = new ImplementationIndex(clone.Compilation).SourceTypes;
            fresh[project.ProjectFile] = clone;
        }
        return fresh;
    }

    private static ImmutableArray<IMethodSymbol> EntryPoints(ProjectCompilation project, HandlerName handler) =>
        project.Compilation.GetTypeByMetadataName(handler.TypeName)!.GetMembers(handler.Method).OfType<IMethodSymbol>().ToImmutableArray();
}
