using System.Collections.Immutable;
using System.Diagnostics;
using RoleGen.Core;
using RoleGen.Core.Analysis;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Permissions;
using RoleGen.Core.Policy;
using RoleGen.Core.Templates;
using RoleGen.Core.Workspace;

namespace RoleGen.Benchmarks;

/// <summary><c>profile --template T</c>: one in-process run of the pipeline's stages, single-threaded, with the time each takes (a quick where-does-it-go, not a benchmark).</summary>
internal static class StageProfile
{
    public static int Run(Options options)
    {
        // Wall time and process CPU time: on a loaded machine CPU time is the steadier of the two.
        var times = new Dictionary<string, (TimeSpan Wall, TimeSpan Cpu)>();
        var self = Process.GetCurrentProcess();
        T Time<T>(string stage, Func<T> work)
        {
            var clock = Stopwatch.StartNew();
            var cpu = self.TotalProcessorTime;
            var result = work();
            self.Refresh();
            var (wall, used) = times.GetValueOrDefault(stage);
            times[stage] = (wall + clock.Elapsed, used + self.TotalProcessorTime - cpu);
            return result;
        }

        var total = Stopwatch.StartNew();
        var templatePath = Path.GetFullPath(options.Get("template", MonorepoGenerator.TemplateFileName));
        var knowledge = Time("load mappings", () => RoleGenKnowledge.Load(options.Has("mappings") ? options.Get("mappings", "") : Path.Combine(RepositoryRoot.Find(), "mappings")));
        var template = Time("load template", () => TemplateLoader.Load(templatePath));
        var functions = Time("read functions", () => FunctionSpecReader.Read(template).Functions);
        var expressions = new TemplateExpressionReader(template, knowledge.Types);
        var cycles = Time("template context", () => new CycleBreaker(template, new TemplateDependencies(template, functions), knowledge.Types, knowledge.Table.Catalog, expressions));
        var impliedPermissions = Time("implied permissions", () => new ImpliedPermissions(knowledge.Implied, template, expressions, knowledge.Types));
        var locator = new ProjectLocator();
        var factory = new CompilationFactory();
        var clients = SdkClientTypes.Of(knowledge.Table);
        var analyzers = new Dictionary<string, ProjectAnalyzer>();
        var statements = 0;
        var implementations = new Dictionary<string, ImplementationIndex>();
        var indexes = new Dictionary<string, RoleGen.Core.Analysis.Values.SyntaxIndex>();
        foreach (var function in functions)
        {
            var implied = Time("implied permissions", () => impliedPermissions.For(function));
            var handler = HandlerName.TryParse(function.Handler)!;
            var project = Time("locate project", () => locator.Find(function.CodeDirectory, template.Directory, handler.Assembly)!);
            if (!analyzers.TryGetValue(project.ProjectFile, out var analyzer))
            {
                var compilation = Time("parse + compilation", () => factory.Create(project));
                analyzers[project.ProjectFile] = analyzer = Time("project analyzer (indexes)", () => new ProjectAnalyzer(compilation, clients, p => p, bindAllCode: options.Has("bind-all")));
            }
            if (options.Has("split"))
            {
                var pc = factory.Create(project);
                var entries = pc.Compilation.GetTypeByMetadataName(handler.TypeName)!.GetMembers(handler.Method).OfType<Microsoft.CodeAnalysis.IMethodSymbol>().ToImmutableArray();
                var impl = implementations.TryGetValue(project.ProjectFile, out var i) ? i : implementations[project.ProjectFile] = new ImplementationIndex(pc.Compilation);
                var index = indexes.TryGetValue(project.ProjectFile, out var x) ? x : indexes[project.ProjectFile] = new RoleGen.Core.Analysis.Values.SyntaxIndex(pc.Compilation);
                var reached = Time("  walk", () => new CallGraph(pc, impl).Walk(entries));
                var resolver = new RoleGen.Core.Analysis.Values.ValueResolver(pc, index, impl, reached, ImmutableHashSet.CreateRange<Microsoft.CodeAnalysis.IMethodSymbol>(Microsoft.CodeAnalysis.SymbolEqualityComparer.Default, entries), p => p, sdk: clients);
                Time("  calls + values", () => new SdkCallFinder(pc, clients, resolver, impl).Find(reached));
            }
            var before = times.GetValueOrDefault("analyze handler").Cpu;
            var analysis = Time("analyze handler", () => analyzer.Analyze(handler, new SourceLocation("template.yaml", 1, 1)));
            if (options.Has("each")) Console.WriteLine($"{function.LogicalId,-50} {(times["analyze handler"].Cpu - before).TotalMilliseconds,8:F0} ms cpu");
            var environment = new FunctionEnvironment(function.Environment.ToImmutableSortedDictionary(e => e.Key, e => expressions.Read(e.Value), StringComparer.Ordinal));
            var permissions = Time("call permissions", () => new PermissionSet(implied, []).Add(new CallPermissions(knowledge.Table, new ValueRenderer(new TemplateResources(knowledge.Types))).For(analysis.Calls, environment)));
            var acyclic = Time("cycles", () => cycles.Break(function.LogicalId, permissions.Permissions).Permissions);
            statements += Time("policy", () => new PolicyBuilder(knowledge.Table.Catalog).Build(acyclic)).Statements.Length;
        }
        Console.WriteLine($"{"stage",-28} {"wall s",8} {"cpu s",8}");
        foreach (var (stage, time) in times) Console.WriteLine($"{stage,-28} {time.Wall.TotalSeconds,8:F3} {time.Cpu.TotalSeconds,8:F3}");
        self.Refresh();
        Console.WriteLine($"{"gc pauses",-28} {GC.GetTotalPauseDuration().TotalSeconds,8:F3}          ({GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2; {GC.GetTotalAllocatedBytes() / 1048576} MB allocated)");
        Console.WriteLine($"{"total",-28} {total.Elapsed.TotalSeconds,8:F3} {self.TotalProcessorTime.TotalSeconds,8:F3}  ({functions.Length} functions, {analyzers.Count} projects, {statements} statements)");
        return 0;
    }
}
