using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RoleGen.Core.Analysis.Events;
using RoleGen.Core.Analysis.Values;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Workspace;

namespace RoleGen.Core.Analysis;

/// <summary>
/// Analyses handlers of one project. Indexes are built once per project and shared by its functions;
/// each handler gets its own reachable set, so two functions sharing a class get only what each reaches.
/// </summary>
public sealed class ProjectAnalyzer
{
    private readonly ProjectCompilation _project;
    private readonly SdkClientTypes _clients;
    private readonly Func<string, string> _displayPath;
    private readonly ImplementationIndex _implementations;
    private readonly CallGraph _callGraph;
    private readonly Lazy<SyntaxIndex> _index;
    private readonly ImmutableArray<Finding> _projectFindings;
    private readonly EventModel _events;

    /// <param name="bindAllCode">Bind every reached member's code, also code that cannot lead to an SDK call (slower, same calls: for tests that check pruning).</param>
    public ProjectAnalyzer(ProjectCompilation project, SdkClientTypes clients, Func<string, string> displayPath, EventModel? events = null, bool bindAllCode = false)
    {
        _events = events ?? EventModel.Empty;
        _project = project;
        _clients = clients;
        _displayPath = displayPath;
        _implementations = new ImplementationIndex(project.Compilation);
        _callGraph = new CallGraph(project, _implementations, bindAllCode ? null : clients, new CallbackDispatch(clients.OtherClients.Dispatchers, _implementations));
        _index = new Lazy<SyntaxIndex>(() => new SyntaxIndex(project.Compilation));
        _projectFindings = project.Compilation.SyntaxTrees
            .SelectMany(t => t.GetDiagnostics())
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Take(10)
            .Select(d =>
            {
                var span = d.Location.GetLineSpan();
                return new Finding(FindingCodes.SourceDoesNotParse, Severity.Error, $"C# does not parse: {d.GetMessage()}",
                    displayPath(span.Path), span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
            })
            .Concat(project.Project.MissingProjectReferences.Select(missing => new Finding(FindingCodes.MissingProjectReference, Severity.Warning,
                $"{Path.GetFileName(missing.ProjectFile)} references {missing.Include}, which is not on disk: the code declared there is not seen, so AWS calls made through it are not followed and nothing was granted for them.",
                displayPath(missing.ProjectFile), missing.Line, 1)))
            .ToImmutableArray();
    }

    public HandlerAnalysis Analyze(HandlerName handler, SourceLocation declaredAt)
    {
        var (entries, builtByLambda) = handler.IsExecutable ? (ProgramEntryPoints(), null) : EntryPoints(handler);
        if (entries.IsEmpty && handler.IsExecutable && GeneratedMainTarget(handler) is { } annotated)
            return Analyze(annotated, declaredAt);
        if (entries.IsEmpty && handler.IsExecutable)
            return new HandlerAnalysis([], [Finding.At(FindingCodes.HandlerNotFound, Severity.Error,
                $"Handler '{handler}' names an executable, but project {Path.GetFileName(_project.Project.ProjectFile)} has no Main method or top-level statements" +
                (LambdaFunctions().Any()
                    ? $" (its [LambdaFunction] methods run from the Main Lambda Annotations generates with GenerateMain = true, which calls the one the function's {HandlerName.AnnotationsHandlerVariable} environment variable names: set it in the template to a method name)."
                    : "."), declaredAt), .. _projectFindings]);
        if (entries.IsEmpty)
        {
            var types = (AnnotationsTarget(handler) is { } real ? [handler.TypeName, real.TypeName] : new[] { handler.TypeName })
                .Select(name => _project.Compilation.GetTypeByMetadataName(name)).OfType<INamedTypeSymbol>().ToList();
            var what = types.Count == 0
                ? $"type '{handler.TypeName}' is not declared in project {Path.GetFileName(_project.Project.ProjectFile)}"
                : $"type '{handler.TypeName}' has no method '{handler.Method}'" + (types.Any(IsPartial)
                    ? $" (the type is partial: a source generator may add the method at build time, as Lambdajection's [Lambda] attribute does; RoleGen reads the source without running generators, so the code behind it is not analysed: grant what this function needs by hand)"
                    : "");
            return new HandlerAnalysis([], [Finding.At(FindingCodes.HandlerNotFound, Severity.Error, $"Handler '{handler}' not found: {what}.", declaredAt), .. _projectFindings]);
        }

        var reachable = _callGraph.Walk(entries, builtByLambda);
        var findings = NotConstructible(builtByLambda, entries, handler, declaredAt) is { } unbuildable ? [.. _projectFindings, unbuildable] : _projectFindings;
        var resolver = new ValueResolver(_project, _index.Value, _implementations, reachable, ImmutableHashSet.CreateRange<IMethodSymbol>(SymbolEqualityComparer.Default, entries.Select(e => e.OriginalDefinition)), _displayPath, _events, _clients);
        var calls = new SdkCallFinder(_project, _clients, resolver, _implementations).Find(reachable)
            .OrderBy(c => c.Location.File, StringComparer.Ordinal).ThenBy(c => c.Location.Line).ThenBy(c => c.Location.Column)
            .ToImmutableArray();
        return new HandlerAnalysis(calls, findings)
        {
            SourceFiles = SourceFilesRead(reachable, resolver),
            ParameterTypes = entries.SelectMany(e => e.Parameters).Select(p => p.Type.Name).Where(n => n.Length > 0).Distinct().ToImmutableArray(),
        };
    }

    /// <summary>
    /// An instance handler of a class the Lambda runtime builds, which it cannot: the runtime calls the public parameterless
    /// constructor. (A class built by a container, Lambda Annotations' or ASP.NET Core's, has no <paramref name="builtByLambda"/>.)
    /// </summary>
    private static Finding? NotConstructible(INamedTypeSymbol? builtByLambda, ImmutableArray<IMethodSymbol> entries, HandlerName handler, SourceLocation declaredAt)
    {
        if (builtByLambda is null || entries.All(e => e.IsStatic) || builtByLambda.TypeKind != TypeKind.Class) return null;
        var parameterless = builtByLambda.InstanceConstructors.Any(c => c.Parameters.IsEmpty && c.DeclaredAccessibility == Accessibility.Public);
        if (parameterless && !builtByLambda.IsAbstract) return null;
        var why = builtByLambda.IsAbstract ? "it is abstract" : "it has no public parameterless constructor";
        return Finding.At(FindingCodes.HandlerNotConstructible, Severity.Warning,
            $"Handler '{handler}': the Lambda runtime builds {builtByLambda.Name} with its public parameterless constructor, but {why}, so the function fails when first invoked. Add one (it may build the services itself), make the handler static, or mark the method [LambdaFunction] so Lambda Annotations generates a handler that builds the class with dependency injection. RoleGen analysed every constructor.", declaredAt);
    }

    private static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax declaration &&
            declaration.Modifiers.Any(m => m.ValueText == "partial"));

    private ImmutableArray<string> SourceFilesRead(ReachableCode reachable, ValueResolver resolver) =>
        (resolver.ReadsEveryFile ? _project.Compilation.SyntaxTrees.Select(tree => tree.FilePath) : [])
            .Concat(reachable.Members
            .SelectMany(member => member.ContainingType is { } type ? type.DeclaringSyntaxReferences : member.DeclaringSyntaxReferences)
            .Select(reference => reference.SyntaxTree.FilePath))
            .Concat(resolver.LocatedFiles)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToImmutableArray();

    /// <summary>
    /// The handler's entry methods, and the type the Lambda runtime builds for them when it is the runtime that builds it
    /// (a plain class handler; a DI container builds Annotations and ASP.NET Core ones: null).
    /// </summary>
    private (ImmutableArray<IMethodSymbol> Methods, INamedTypeSymbol? BuiltByLambda) EntryPoints(HandlerName handler)
    {
        var direct = DeclaredEntryPoints(handler);
        // A [LambdaFunction] method (the one a GenerateMain executable's ANNOTATIONS_HANDLER names): Annotations' generated
        // code builds its class with the container the [LambdaStartup] class sets up, not the runtime.
        if (!direct.IsEmpty && direct.All(IsLambdaFunction)) return (direct.AddRange(StartupMethods()), null);
        if (!direct.IsEmpty) return (direct, HandlerType(handler));
        if (HandlerType(handler) is { } hosted && AspNetCoreHosting.IsEntryPoint(hosted))
            return (AspNetCoreHosting.EntryPoints(hosted, _implementations.SourceTypes, _project.Model), null);
        if (HandlerType(handler) is { } generated && LambdajectionEntryPoints(generated) is { IsEmpty: false } lambdajection)
            return (lambdajection, null);
        if (AnnotationsTarget(handler) is not { } annotated) return ([], null);
        var methods = DeclaredEntryPoints(annotated).Where(IsLambdaFunction).ToImmutableArray();
        if (methods.IsEmpty) methods = DeclaredEntryPoints(annotated);
        if (methods.IsEmpty) return ([], null);
        // The generated wrapper builds the container with the [LambdaStartup] class and resolves the function's class from it.
        return (methods.AddRange(StartupMethods()), null);
    }

    /// <summary>
    /// Lambdajection: a class marked <c>[Lambda(typeof(Startup))]</c> gets its <c>Run</c> (the handler the template names)
    /// from a source generator, which builds the class with a container set up by the startup's
    /// <c>ConfigureServices</c> and calls its <c>Handle</c>. Empty for other types.
    /// </summary>
    private ImmutableArray<IMethodSymbol> LambdajectionEntryPoints(INamedTypeSymbol type)
    {
        var attribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name is "LambdaAttribute" or "Lambda");
        if (attribute?.ApplicationSyntaxReference?.GetSyntax() is not AttributeSyntax { ArgumentList.Arguments: [{ Expression: TypeOfExpressionSyntax startupType }, ..] } syntax) return [];
        var handle = type.GetMembers("Handle").OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary).ToImmutableArray();
        if (handle.IsEmpty) return [];
        var startup = _project.Model(syntax.SyntaxTree).GetTypeInfo(startupType.Type).Type as INamedTypeSymbol;
        return handle.AddRange(startup?.GetMembers("ConfigureServices").OfType<IMethodSymbol>() ?? []);
    }

    /// <summary>
    /// Lambda Annotations point the template at a generated wrapper, <c>Namespace.Class_Method_Generated::Method</c>,
    /// that the source generator writes at build time: its code is not in the sources, the real method is <c>Namespace.Class.Method</c>.
    /// </summary>
    private static HandlerName? AnnotationsTarget(HandlerName handler)
    {
        var suffix = "_" + handler.Method + "_Generated";
        return handler.TypeName.EndsWith(suffix, StringComparison.Ordinal) && handler.TypeName.Length > suffix.Length
            ? handler with { TypeName = handler.TypeName[..^suffix.Length] }
            : null;
    }

    /// <summary>
    /// The <c>[LambdaFunction]</c> method an Annotations executable (<c>GenerateMain = true</c>: its <c>Main</c> is generated at
    /// build time) runs for this function, named by <c>ANNOTATIONS_HANDLER</c>, as a class handler; null when none is.
    /// </summary>
    private HandlerName? GeneratedMainTarget(HandlerName handler)
    {
        if (handler.AnnotationsHandler is not { Length: > 0 } name) return null;
        var methods = LambdaFunctions().Where(m => m.Name == name).ToList();
        return methods is [var only]
            ? new HandlerName(handler.Assembly, MetadataName(only.ContainingType), name)
            : null;
    }

    private static string MetadataName(INamedTypeSymbol type) =>
        type.ContainingType is { } outer ? MetadataName(outer) + "+" + type.MetadataName
        : type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.MetadataName
        : type.MetadataName;

    private IEnumerable<IMethodSymbol> LambdaFunctions() =>
        _implementations.SourceTypes.SelectMany(t => t.GetMembers().OfType<IMethodSymbol>()).Where(IsLambdaFunction);

    private static bool IsLambdaFunction(IMethodSymbol method) =>
        method.GetAttributes().Any(a => a.AttributeClass?.Name is "LambdaFunctionAttribute" or "LambdaFunction");

    /// <summary><c>ConfigureServices</c> (and the constructor) of each class marked <c>[LambdaStartup]</c>.</summary>
    private IEnumerable<IMethodSymbol> StartupMethods() =>
        _implementations.SourceTypes
            .Where(t => t.GetAttributes().Any(a => a.AttributeClass?.Name is "LambdaStartupAttribute" or "LambdaStartup"))
            .SelectMany(t => t.GetMembers("ConfigureServices").OfType<IMethodSymbol>());

    /// <summary>
    /// The type by metadata name, from the project's own code first: asking the compilation searches every
    /// referenced assembly too, a hundred times slower, and a handler is nearly always the project's own.
    /// </summary>
    private INamedTypeSymbol? DeclaredType(string metadataName) =>
        _project.Compilation.Assembly.GetTypeByMetadataName(metadataName) ?? _project.Compilation.GetTypeByMetadataName(metadataName);

    /// <summary>
    /// An executable's entry point (<c>Main</c>, or its top-level statements) and the methods it hands to the runtime
    /// client (<c>LambdaBootstrapBuilder.Create(FunctionHandler, serializer)</c>): their parameters are the handler's input.
    /// </summary>
    private ImmutableArray<IMethodSymbol> ProgramEntryPoints()
    {
        var compilation = _project.Compilation;
        var main = compilation.GetEntryPoint(CancellationToken.None)
                   ?? compilation.GetSymbolsWithName("Main", SymbolFilter.Member).OfType<IMethodSymbol>().FirstOrDefault(m => m.IsStatic);
        if (main is null) return [];
        var handlers = main.DeclaringSyntaxReferences
            .SelectMany(r => r.GetSyntax().DescendantNodes())
            .OfType<InvocationExpressionSyntax>()
            .Where(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Create" or "GetHandlerWrapper" } && i.ArgumentList.Arguments.Count > 0)
            .Select(i => _project.Model(i.SyntaxTree).GetSymbolInfo(i.ArgumentList.Arguments[0].Expression))
            .Select(info => info.Symbol ?? info.CandidateSymbols.FirstOrDefault())
            .OfType<IMethodSymbol>()
            .Where(m => m.MethodKind == MethodKind.Ordinary && m.Locations.Any(l => l.IsInSource));
        return [main, .. handlers, .. AspNetCoreHosting.HostedByProgram(_index.Value, _implementations.SourceTypes, _project.Model)];
    }

    private INamedTypeSymbol? HandlerType(HandlerName handler) => DeclaredType(handler.TypeName) ?? DeclaredType(handler.TypeName.Replace('.', '+'));

    private ImmutableArray<IMethodSymbol> DeclaredEntryPoints(HandlerName handler)
    {
        var type = HandlerType(handler);
        for (var current = type; current is not null; current = current.BaseType)
        {
            var methods = current.GetMembers(handler.Method).OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary).ToImmutableArray();
            if (!methods.IsEmpty) return methods;
        }
        return [];
    }
}
