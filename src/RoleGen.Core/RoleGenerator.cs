using System.Collections.Concurrent;
using System.Collections.Immutable;
using RoleGen.Core.Analysis;
using RoleGen.Core.Caching;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Permissions;
using RoleGen.Core.Policy;
using RoleGen.Core.Templates;
using RoleGen.Core.Workspace;

namespace RoleGen.Core;

/// <summary>
/// The one entry point the CLI, the MSBuild task and the PR tooling share: template -> functions ->
/// projects -> analysis -> permissions -> policy, giving a <see cref="RoleGenReport"/>. Emitting is the caller's choice.
/// <paramref name="bindAllCode"/>: bind all reached code, also what cannot lead to an SDK call (slower, same report; tests compare the two).
/// <paramref name="memo"/>: files read by earlier runs of the same process (the RoleGen server).
/// </summary>
public sealed class RoleGenerator(RoleGenKnowledge knowledge, ReportCache? cache = null, bool bindAllCode = false, FileMemo? memo = null)
{
    private readonly CompilationFactory _compilations = new();
    private readonly ProjectLocator _locator = new();
    private readonly ConcurrentDictionary<string, ProjectAnalyzer> _analyzers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Code, string Template, string Assembly, bool Elsewhere), CSharpProject?> _projects = new();
    private readonly Lazy<SdkClientTypes> _clients = new(() => SdkClientTypes.Of(knowledge.Table));

    /// <summary>Generates roles for the template's .NET functions (or only <paramref name="onlyFunctions"/>). Throws <see cref="RoleGenInputException"/> on bad input.</summary>
    public RoleGenReport Generate(string templatePath, IReadOnlyCollection<string>? onlyFunctions = null)
    {
        var template = TemplateLoader.Load(templatePath, memo);
        var read = FunctionSpecReader.Read(template);
        var functions = read.Functions;
        if (onlyFunctions is { Count: > 0 })
        {
            var missing = onlyFunctions.Where(id => functions.All(f => f.LogicalId != id)).ToList();
            if (missing.Count > 0)
                throw new RoleGenInputException($"no function named {string.Join(", ", missing)} in {Path.GetFileName(templatePath)} (it has: {string.Join(", ", functions.Select(f => f.LogicalId))})");
            functions = functions.Where(f => onlyFunctions.Contains(f.LogicalId)).ToImmutableArray();
        }

        var context = new TemplateContext(template, read.Functions, knowledge);
        var dotnet = functions.Where(IsDotNet).OrderBy(f => f.LogicalId, StringComparer.Ordinal).ToList();
        var byId = GenerateByProject(dotnet, context);
        var reports = dotnet.Select(f => byId[f.LogicalId]).ToImmutableArray();
        var skipped = functions.Where(f => !IsDotNet(f))
            .Select(f => new Finding("RG2006", Severity.Info, $"{f.LogicalId} is not a .NET function (runtime {f.Runtime ?? "unknown"}); RoleGen left it alone.", context.TemplateFile, f.Span.Line, f.Span.Column));
        return new RoleGenReport(templatePath, reports, read.Findings.Select(context.Relative).Concat(skipped).ToImmutableArray());
    }

    private static bool IsDotNet(FunctionSpec function) =>
        function.Runtime?.StartsWith("dotnet", StringComparison.OrdinalIgnoreCase) == true ||
        (IsCustomRuntime(function) && function.BuildMethod?.StartsWith("dotnet", StringComparison.OrdinalIgnoreCase) == true) ||
        MakefileTarget(function) is not null ||
        (function.Runtime is null && function.Handler?.Contains("::", StringComparison.Ordinal) == true);

    /// <summary>provided.al2, provided.al2023: the function is an executable (native AOT for .NET, with SAM's BuildMethod dotnet7/dotnet8).</summary>
    private static bool IsCustomRuntime(FunctionSpec function) =>
        function.Runtime?.StartsWith("provided", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>For a custom runtime built with SAM's makefile builder: the project (or folder) its Makefile target runs dotnet on.</summary>
    private static string? MakefileTarget(FunctionSpec function) =>
        IsCustomRuntime(function) && string.Equals(function.BuildMethod, "makefile", StringComparison.OrdinalIgnoreCase)
            ? MakefileBuild.DotnetTarget(function.CodeDirectory, function.LogicalId)
            : null;

    /// <summary>
    /// Reports by logical id. Functions are grouped by project: a project whose files, template and mappings are unchanged
    /// since a cached run reuses its reports; the others' handlers are analysed in parallel across projects (one project's
    /// functions in order, on its one shared compilation); permissions and policies are then built in parallel per function.
    /// </summary>
    private Dictionary<string, FunctionReport> GenerateByProject(List<FunctionSpec> functions, TemplateContext context)
    {
        var located = functions.Select(f => (Function: f, Handler: HandlerName.TryParse(f.Handler) is { } h ? h : null))
            .Select(p => p.Handler is null ? Executable(p.Function, context) : (p.Function, p.Handler, Project: Locate(p.Function, context, p.Handler)))
            .ToList();
        var groups = located.Where(l => l.Project is not null).GroupBy(l => l.Project!.ProjectFile, StringComparer.Ordinal)
            .Select(g => (Project: g.First().Project!, Functions: g.ToList()))
            .ToList();

        var reports = new Dictionary<string, FunctionReport>(StringComparer.Ordinal);
        var snapshots = new Dictionary<string, (ReportCache.ProjectSnapshot Snapshot, IReadOnlyDictionary<string, ReportCache.CachedReport> Reusable)>(StringComparer.Ordinal);
        var toAnalyse = new List<(CSharpProject Project, List<(FunctionSpec Function, HandlerName? Handler, CSharpProject? Project)> Functions)>();
        foreach (var group in groups)
        {
            var stale = group.Functions;
            if (cache?.Snapshot(group.Project, context.Template.Path) is { } snapshot)
            {
                var reusable = cache.Reusable(snapshot, group.Functions.Select(f => f.Function.LogicalId).ToList());
                snapshots[group.Project.ProjectFile] = (snapshot, reusable);
                foreach (var (function, _, _) in group.Functions)
                    if (reusable.TryGetValue(function.LogicalId, out var hit)) reports[function.LogicalId] = hit.Report;
                stale = group.Functions.Where(f => !reusable.ContainsKey(f.Function.LogicalId)).ToList();
            }
            if (stale.Count > 0) toAnalyse.Add((group.Project, stale));
        }

        var analyses = new ConcurrentDictionary<string, HandlerAnalysis>(StringComparer.Ordinal);
        InParallel(toAnalyse.Count, i =>
        {
            var group = toAnalyse[i];
            var analyzer = _analyzers.GetOrAdd(group.Project.ProjectFile, _ => new ProjectAnalyzer(_compilations.Create(group.Project), _clients.Value, context.Display, knowledge.Events, bindAllCode));
            foreach (var (function, handler, _) in group.Functions)
                analyses[function.LogicalId] = analyzer.Analyze(handler!, DeclaredAt(function, context));
        });

        // A function's permissions and policy depend only on its own analysis and the template: built in parallel
        // (a few milliseconds each, seconds for a thousand functions), stored in order.
        var pending = located.Where(l => !reports.ContainsKey(l.Function.LogicalId)).ToList();
        var generated = new FunctionReport[pending.Count];
        InParallel(pending.Count, i =>
            generated[i] = Generate(pending[i].Function, pending[i].Handler, pending[i].Project, analyses.GetValueOrDefault(pending[i].Function.LogicalId), context));
        for (var i = 0; i < pending.Count; i++) reports[pending[i].Function.LogicalId] = generated[i];
        foreach (var group in toAnalyse)
            if (snapshots.TryGetValue(group.Project.ProjectFile, out var cached))
                Store(cached.Snapshot, cached.Reusable, group.Project, group.Functions.Select(f => new ReportCache.CachedReport(
                    reports[f.Function.LogicalId], analyses.TryGetValue(f.Function.LogicalId, out var analysis) ? analysis.SourceFiles : [])), context);
        return reports;
    }

    /// <summary>Runs <paramref name="work"/> for 0..count-1 on every core; a failure surfaces as itself (a RoleGenInputException stays one), not wrapped.</summary>
    private static void InParallel(int count, Action<int> work)
    {
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, work);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }

    /// <summary>Caches a project's new reports beside the cached ones that still hold, with the shape of each file as this run parsed it.</summary>
    private void Store(ReportCache.ProjectSnapshot snapshot, IReadOnlyDictionary<string, ReportCache.CachedReport> reusable, CSharpProject project,
        IEnumerable<ReportCache.CachedReport> analysed, TemplateContext context)
    {
        var shapes = _compilations.Create(project).Compilation.SyntaxTrees
            .Where(tree => snapshot.Files.ContainsKey(tree.FilePath))
            .ToDictionary(tree => tree.FilePath, SourceShape.Of, StringComparer.Ordinal);
        var fresh = analysed.ToList();
        var kept = reusable.Values.Where(old => fresh.All(f => f.Report.LogicalId != old.Report.LogicalId));
        cache!.Store(snapshot, context.Template.Path, [.. kept, .. fresh], shapes);
    }

    /// <summary>
    /// A handler that is not Assembly::Type::Method names an executable assembly (dotnet8 with OutputType Exe), or the
    /// file a custom runtime runs (native AOT's <c>bootstrap</c>, built from the one project under CodeUri).
    /// </summary>
    private (FunctionSpec Function, HandlerName? Handler, CSharpProject? Project) Executable(FunctionSpec function, TemplateContext context)
    {
        var name = function.Handler?.Trim();
        if (string.IsNullOrEmpty(name) || name.Contains("::", StringComparison.Ordinal) || name.Any(char.IsWhiteSpace)) return (function, null, null);
        var project = Locate(function, context, HandlerName.Executable(name))
                      ?? (MakefileTarget(function) is { } built ? _locator.FindOnly(built.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) ? Path.GetDirectoryName(built)! : built) : null)
                      ?? (IsCustomRuntime(function) ? _locator.FindOnly(function.CodeDirectory) : null);
        return project is not null && (project.IsExecutable || IsCustomRuntime(function))
            ? (function, HandlerName.Executable(project.AssemblyName) with { AnnotationsHandler = (function.Environment.GetValueOrDefault(HandlerName.AnnotationsHandlerVariable) as CfnScalar)?.Value }, project)
            : (function, null, null);
    }

    private CSharpProject? Locate(FunctionSpec function, TemplateContext context, HandlerName handler) =>
        _projects.GetOrAdd((function.CodeDirectory, context.Template.Directory, handler.Assembly, function.CodeElsewhere || CodeFolderMissing(function)),
            k => _locator.Find(k.Code, k.Template, k.Assembly, k.Elsewhere));

    /// <summary>
    /// CodeUri names a local folder that is not there: a build's output (<c>bin/Release/net8.0/publish/</c>, made by the
    /// deploy script after RoleGen runs), or a path written for another folder than the template's. The handler's
    /// assembly is then looked for in the whole repository, as for code in S3.
    /// </summary>
    private static bool CodeFolderMissing(FunctionSpec function) => !function.CodeElsewhere && !Directory.Exists(function.CodeDirectory);

    /// <summary>Where <see cref="ProjectLocator.Find"/> looked, in words: the code folder, and for code in S3 or an archive, the repository too.</summary>
    private static string Searched(FunctionSpec function, TemplateContext context)
    {
        // CodeUri is relative to the template: a template moved into a folder of its own (deploy/) often points nowhere.
        var repository = ProjectLocator.RepositoryRoot(context.Template.Directory);
        var inRepository = repository is null ? "; run RoleGen on a template next to the code, or in the git repository that holds it" : $", nor anywhere in the repository {context.Display(repository)}";
        if (CodeFolderMissing(function))
            return $"{context.Display(function.CodeDirectory)}, a folder that does not exist next to the template (CodeUri is relative to the template's folder){inRepository}";
        if (!function.CodeElsewhere) return context.Display(function.CodeDirectory);
        return $"{context.Display(function.CodeDirectory)}, the template's folder (the function's code is an S3 location or a packaged archive){inRepository}";
    }

    private static SourceLocation DeclaredAt(FunctionSpec function, TemplateContext context) =>
        new(context.TemplateFile, function.Span.Line, function.Span.Column);

    private FunctionReport Generate(FunctionSpec function, HandlerName? handler, CSharpProject? project, HandlerAnalysis? analysis, TemplateContext context)
    {
        var declaredAt = DeclaredAt(function, context);
        var findings = new List<Finding>();
        var implied = context.Implied.For(function);
        var permissions = new PermissionSet(implied, []);

        if (handler is null)
        {
            var meant = function.Handler is { Length: > 0 } written && _locator.FindOnly(function.CodeDirectory) is { } only ? HandlerCandidates.For(written, only) : [];
            var suggestion = meant.Count == 0 ? "" : $" Did you mean {string.Join(" or ", meant.Select(m => $"'{m}'"))}?";
            findings.Add(Finding.At(FindingCodes.HandlerFormat, Severity.Error,
                $"handler '{function.Handler}' is not of the .NET form Assembly::Namespace.Type::Method (nor an executable assembly with OutputType Exe); only the permissions its configuration implies were generated.{suggestion}", declaredAt));
        }
        else if (project is null || analysis is null)
        {
            findings.Add(Finding.At(FindingCodes.ProjectNotFound, Severity.Error,
                $"no .csproj building assembly '{handler.Assembly}' under {Searched(function, context)}; only the permissions its configuration implies were generated.", declaredAt));
        }
        else
        {
            if (CodeFolderMissing(function))
                findings.Add(Finding.At(FindingCodes.CodeFoundElsewhere, Severity.Info,
                    $"CodeUri {context.Display(function.CodeDirectory)} does not exist next to the template (a build's output, or a path relative to another folder): the code analysed is {context.Display(project.ProjectFile)}, the project of the repository that builds assembly '{handler.Assembly}'.", declaredAt));
            findings.AddRange(analysis.Findings);
            findings.AddRange(UnseenEventSources(function, analysis, declaredAt));
            var eventFields = new EventSourceBinder(knowledge.Events, knowledge.Types, context.Template, context.Expressions).Bind(function);
            var environment = new FunctionEnvironment(function.Environment.ToImmutableSortedDictionary(
                e => e.Key, e => context.Expressions.Read(e.Value), StringComparer.Ordinal).AddRange(RuntimeEnvironment(function, context)), eventFields,
                function.Environment.Where(e => context.Expressions.CanBeAbsent(e.Value)).Select(e => e.Key).ToHashSet(StringComparer.Ordinal), context.Stored,
                context.Resources.HoldsOnlyNames);
            permissions = permissions.Add(new CallPermissions(knowledge.Table, new ValueRenderer(context.Resources)).For(analysis.Calls, environment));
        }

        // Encryption at rest: permissions on resources with a customer managed key need KMS on it (event sources too).
        var renderer = new ValueRenderer(context.Resources);
        permissions = permissions.Add(new EncryptionPermissions(knowledge.Encryption, context.Template, context.Expressions, renderer, knowledge.Table.Catalog).For(permissions.Permissions));

        findings.AddRange(permissions.Findings);
        var (acyclic, cycleFindings) = context.Cycles.Break(function.LogicalId, permissions.Permissions);
        findings.AddRange(cycleFindings);
        var policy = new PolicyBuilder(knowledge.Table.Catalog).Build(acyclic);
        findings.AddRange(policy.Findings);
        var condition = context.Template.Resources.GetValueOrDefault(function.LogicalId)?.Definition["Condition"] is CfnScalar { Value.Length: > 0 } own ? own.Value : null;
        var statements = ConditionalResources.Apply(policy.Statements, context.ResourceConditions, condition);
        return new FunctionReport(function.LogicalId, function.Handler, statements, Sorted(findings))
        {
            PermissionsBoundary = Templates.PermissionsBoundary.Of(function, context.Template) is { } boundary ? CfnJson.Write(boundary) : null,
            Condition = condition,
            UnmappedServices = permissions.UnmappedServices,
        };
    }

    /// <summary>The variables the Lambda runtime sets (implied.yaml runtimeEnvironment) that the template does not.</summary>
    private IEnumerable<KeyValuePair<string, ImmutableArray<TemplateExpression>>> RuntimeEnvironment(FunctionSpec function, TemplateContext context)
    {
        foreach (var (name, value) in knowledge.Implied.RuntimeEnvironment)
        {
            if (function.Environment.ContainsKey(name)) continue;
            if (value is null)
            {
                yield return KeyValuePair.Create(name, ImmutableArray.Create(TemplateExpression.Unknown($"{name} is set by the Lambda runtime; its value is known only at run time")));
                continue;
            }
            var names = value.Contains(Mappings.ImpliedRules.FunctionNamePlaceholder, StringComparison.Ordinal)
                ? function.FunctionName is { } named ? context.Expressions.Read(named).Select(n => n.Sub) : [$"${{{function.LogicalId}}}"]
                : [value];
            yield return KeyValuePair.Create(name, names.Select(n => new TemplateExpression(value.Replace(Mappings.ImpliedRules.FunctionNamePlaceholder, n, StringComparison.Ordinal))).ToImmutableArray());
        }
    }

    /// <summary>
    /// A handler that takes a polled event (SQSEvent, KinesisEvent, DynamoDBEvent) but has no such event source in the
    /// template: the mapping that polls for it is made elsewhere, and the permissions the poller needs on its queue or
    /// stream (which go on this role) are not visible here.
    /// </summary>
    private IEnumerable<Finding> UnseenEventSources(FunctionSpec function, HandlerAnalysis analysis, SourceLocation declaredAt)
    {
        var sources = analysis.ParameterTypes.Select(knowledge.Events.ByEventType).OfType<Analysis.Events.EventSource>().Distinct();
        foreach (var source in sources)
        {
            var polled = source.Template.Select(t => t.EventType).Where(knowledge.Implied.EventSources.ContainsKey).ToList();
            if (polled.Count == 0) continue; // pushed events (S3, SNS, API Gateway) need nothing on the role
            if (function.Events.Any(e => polled.Contains(e.Type) || e.Type == FunctionSpecReader.EventSourceMappingEventType)) continue;
            yield return Finding.At(FindingCodes.UnseenEventSource, Severity.Warning,
                $"the handler takes {source.Name} events, but the template gives the function no {string.Join(" or ", polled)} event source: the mapping that polls for it is made elsewhere, and the read permissions the poller needs on that {source.Name} source go on this role; add the event to the template, or grant them by hand.", declaredAt);
        }
    }

    private static ImmutableArray<Finding> Sorted(IEnumerable<Finding> findings) =>
        findings.Distinct()
            .OrderBy(f => f.File ?? "", StringComparer.Ordinal).ThenBy(f => f.Line ?? 0).ThenBy(f => f.Column ?? 0)
            .ThenBy(f => f.Code, StringComparer.Ordinal).ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToImmutableArray();

    /// <summary>
    /// The template being processed, the stages that index it once for all its functions, and how paths are shown:
    /// relative to its folder, with forward slashes. The stages are built when first used: a run whose projects all
    /// come from the cache needs none of them, nor the mapping table they read.
    /// </summary>
    private sealed class TemplateContext
    {
        private readonly Lazy<TemplateExpressionReader> _expressions;
        private readonly Lazy<CycleBreaker> _cycles;
        private readonly Lazy<ImpliedPermissions> _implied;
        private readonly Lazy<IReadOnlyDictionary<string, string>> _resourceConditions;
        private readonly Lazy<StoredContents> _stored;
        private readonly Lazy<TemplateResources> _resources;

        public TemplateContext(CfnTemplate template, ImmutableArray<FunctionSpec> functions, RoleGenKnowledge knowledge)
        {
            Template = template;
            _expressions = new(() => new TemplateExpressionReader(template, knowledge.Types));
            _cycles = new(() => new CycleBreaker(template, new TemplateDependencies(template, functions), knowledge.Types, knowledge.Table.Catalog, Expressions));
            _implied = new(() => new ImpliedPermissions(knowledge.Implied, template, Expressions, knowledge.Types));
            _stored = new(() => StoredContents.Of(template, knowledge.Types, Expressions));
            _resources = new(() => new TemplateResources(knowledge.Types, template, Expressions));
            _resourceConditions = new(() => template.Resources.Values
                .Where(r => r.Definition["Condition"] is CfnScalar { Value.Length: > 0 })
                .ToDictionary(r => r.LogicalId, r => ((CfnScalar)r.Definition["Condition"]!).Value, StringComparer.Ordinal));
        }

        public CfnTemplate Template { get; }

        /// <summary>The resources the template creates only under a condition, with it.</summary>
        public IReadOnlyDictionary<string, string> ResourceConditions => _resourceConditions.Value;

        public TemplateExpressionReader Expressions => _expressions.Value;

        public CycleBreaker Cycles => _cycles.Value;

        public ImpliedPermissions Implied => _implied.Value;

        /// <summary>The template's resources as the permission stage reads them (kinds, names, KMS aliases).</summary>
        public TemplateResources Resources => _resources.Value;

        /// <summary>What the template writes into the parameters it declares, for code that reads them back.</summary>
        public StoredContents Stored => _stored.Value;

        public string TemplateFile => Path.GetFileName(Template.Path);

        public string Display(string path)
        {
            if (!Path.IsPathRooted(path)) return path.Replace('\\', '/');
            // Relative to the template's folder also above it (../../src/...): reports then read the same on every machine.
            return Path.GetRelativePath(Template.Directory, path).Replace('\\', '/');
        }

        public Finding Relative(Finding finding) => finding.File is null ? finding : finding with { File = Display(finding.File) };
    }
}
