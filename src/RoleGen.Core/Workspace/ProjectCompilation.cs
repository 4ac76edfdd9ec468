using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RoleGen.Core.Workspace;

/// <summary>
/// A project's Roslyn compilation, shared by every function whose handler lives in it.
/// Semantic models are created once per tree and reused.
/// </summary>
public sealed class ProjectCompilation(CSharpProject project, CSharpCompilation compilation, bool sdkReferencesResolved)
{
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly ConcurrentDictionary<SyntaxNode, ISymbol?> _enclosing = new();

    public CSharpProject Project { get; } = project;
    public CSharpCompilation Compilation { get; } = compilation;

    /// <summary>True when the project's restored packages (AWSSDK...) were found and referenced.</summary>
    public bool SdkReferencesResolved { get; } = sdkReferencesResolved;

    /// <summary>Assemblies (simple name) of restored packages that depend on the AWS SDK, with their package id (<see cref="RestoredPackages"/>).</summary>
    public System.Collections.Immutable.ImmutableDictionary<string, string> AwsDependentAssemblies { get; init; } =
        System.Collections.Immutable.ImmutableDictionary<string, string>.Empty;

    private readonly Lazy<AppSettings> _settings = new(() => AppSettings.Read(project.Directory));

    /// <summary>The project's appsettings*.json, read when the analysis first asks for a configuration key.</summary>
    public AppSettings Settings => _settings.Value;

    private readonly ConcurrentDictionary<string, IReadOnlySet<SyntaxTree>> _treesContaining = new(StringComparer.Ordinal);

    /// <summary>The files whose text holds <paramref name="text"/> (ignoring case), searched once per project and text.</summary>
    public IReadOnlySet<SyntaxTree> TreesContaining(string text) => _treesContaining.GetOrAdd(text, static (t, c) =>
        c.SyntaxTrees.Where(tree => tree.GetText().ToString().Contains(t, StringComparison.OrdinalIgnoreCase)).ToHashSet(), Compilation);

    public SemanticModel Model(SyntaxTree tree) => _models.GetOrAdd(tree, static (t, c) => c.GetSemanticModel(t), Compilation);

    /// <summary>
    /// The symbol whose code holds the node (method, accessor, lambda, field...), remembered: every handler of the project
    /// asks it for the same call sites and assignments when it filters them by reachability.
    /// </summary>
    public ISymbol? EnclosingSymbol(SyntaxNode node) => _enclosing.GetOrAdd(node, static (n, self) => self.Model(n.SyntaxTree).GetEnclosingSymbol(n.SpanStart), this);
}
