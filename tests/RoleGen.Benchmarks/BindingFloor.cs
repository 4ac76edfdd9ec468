using System.Diagnostics;
using RoleGen.Core.Analysis;
using RoleGen.Core.Templates;
using RoleGen.Core.Workspace;

namespace RoleGen.Benchmarks;

/// <summary>
/// <c>binding-floor --template T</c>: what Roslyn alone needs to bind the method bodies of every project the template's
/// functions live in (<c>GetMethodBodyDiagnostics</c>, the compiler's own pass before emitting), as a whole process would
/// pay it cold. RoleGen binds the code its handlers reach; when they reach nearly all of it, this is the floor under a cold run.
/// </summary>
internal static class BindingFloor
{
    public static int Run(Options options)
    {
        var self = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        var template = TemplateLoader.Load(Path.GetFullPath(options.Get("template", MonorepoGenerator.TemplateFileName)));
        var locator = new ProjectLocator();
        var projects = FunctionSpecReader.Read(template).Functions
            .Select(f => HandlerName.TryParse(f.Handler) is { } handler ? locator.Find(f.CodeDirectory, template.Directory, handler.Assembly) : null)
            .OfType<CSharpProject>()
            .DistinctBy(p => p.ProjectFile)
            .ToList();
        var factory = new CompilationFactory();
        var lines = 0;
        var parallel = options.Has("parallel") ? Environment.ProcessorCount : 1;
        Parallel.ForEach(projects, new ParallelOptions { MaxDegreeOfParallelism = parallel }, project =>
        {
            var compilation = factory.Create(project).Compilation;
            compilation.GetMethodBodyDiagnostics();
            Interlocked.Add(ref lines, compilation.SyntaxTrees.Sum(t => t.GetText().Lines.Count));
        });
        self.Refresh();
        Console.WriteLine($"{projects.Count} projects, {lines} lines: parse + bind every method body {clock.Elapsed.TotalSeconds:F2} s wall, {self.TotalProcessorTime.TotalSeconds:F2} s CPU ({(parallel > 1 ? $"{parallel} threads" : "1 thread")}, this process since start)");
        return 0;
    }
}
