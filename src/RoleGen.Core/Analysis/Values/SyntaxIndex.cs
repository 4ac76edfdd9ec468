using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RoleGen.Core.Analysis.Values;

/// <summary>
/// A purely syntactic index of a compilation, built once and shared by every function of the project:
/// assignments by the simple name they assign, and calls/creations by the simple name they call.
/// Symbols are bound only for the few candidates a question needs, never for the whole compilation.
/// </summary>
public sealed class SyntaxIndex
{
    private readonly ILookup<string, AssignmentExpressionSyntax> _assignments;
    private readonly ILookup<string, SyntaxNode> _calls;
    private readonly ILookup<string, IdentifierNameSyntax> _elementArguments;

    public SyntaxIndex(Compilation compilation)
    {
        var assignments = new List<(string, AssignmentExpressionSyntax)>();
        var calls = new List<(string, SyntaxNode)>();
        var elementArguments = new List<(string, IdentifierNameSyntax)>();
        foreach (var tree in compilation.SyntaxTrees)
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            if (node is IdentifierNameSyntax { Parent: ArgumentSyntax argument } named && ElementSource(argument) is not null)
                elementArguments.Add((named.Identifier.ValueText, named));
            switch (node)
            {
                case AssignmentExpressionSyntax assignment when AssignedName(assignment.Left) is { } assigned:
                    assignments.Add((assigned, assignment));
                    break;
                case AssignmentExpressionSyntax { Left: TupleExpressionSyntax } deconstruction:
                    foreach (var (target, _) in Deconstruction.Targets(deconstruction))
                        if (AssignedName(target) is { } name) assignments.Add((name, deconstruction));
                    break;
                case InvocationExpressionSyntax invocation when CalledName(invocation.Expression) is { } called:
                    calls.Add((called, invocation));
                    break;
                case ObjectCreationExpressionSyntax creation when TypeName(creation.Type) is { } created:
                    calls.Add((created, creation));
                    // new AmazonS3Client(accessKey, secretKey): keys given as text.
                    if (creation.ArgumentList?.Arguments.Count >= 2 && created.StartsWith("Amazon", StringComparison.Ordinal) && created.EndsWith("Client", StringComparison.Ordinal))
                        MayGiveClientsCredentials = true;
                    break;
                case ImplicitObjectCreationExpressionSyntax implicitCreation when Pruning.CodeRelevance.TargetType(implicitCreation) is { } target:
                    // `Foo x = new()`, `Foo Make() => new()`: indexed under the names of the declared type, as `new Foo()` is.
                    foreach (var name in Pruning.ClientNames.Identifiers(target).Distinct(StringComparer.Ordinal)) calls.Add((name, implicitCreation));
                    break;
                case ImplicitObjectCreationExpressionSyntax or ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax:
                    calls.Add((ConstructorCallKey, node));
                    break;
                case IdentifierNameSyntax { Identifier.ValueText: "RegionEndpoint" or "GetAWSOptions" }:
                    MayPinClientRegion = true;
                    break;
                case IdentifierNameSyntax { Identifier.ValueText: var identifier } when identifier.EndsWith("Credentials", StringComparison.Ordinal):
                    MayGiveClientsCredentials = true;
                    break;
            }
        }
        _assignments = assignments.ToLookup(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
        _calls = calls.ToLookup(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
        _elementArguments = elementArguments.ToLookup(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
    }

    /// <summary>Names handed to a method that calls them for each element of a collection (<c>records.Select(ProcessAsync)</c>), by name.</summary>
    public IEnumerable<IdentifierNameSyntax> ElementArgumentsNamed(string name) => _elementArguments[name];

    /// <summary>LINQ and list methods whose lambda (or method group) argument takes each element of their receiver.</summary>
    private static readonly HashSet<string> ElementLambdaMethods =
        ["Select", "SelectMany", "Where", "ForEach", "Any", "All", "First", "FirstOrDefault", "Single", "SingleOrDefault", "Last", "LastOrDefault",
         "OrderBy", "OrderByDescending", "GroupBy", "ToDictionary", "ToLookup", "Count", "Sum", "TakeWhile", "SkipWhile", "DistinctBy", "Find", "FindAll", "Exists", "TrueForAll"];

    /// <summary>
    /// The collection whose elements a lambda or method group given as <paramref name="argument"/> takes:
    /// <c>records.Select(..)</c>'s receiver, <c>Parallel.ForEach(source, ..)</c>'s source. Null for other arguments.
    /// </summary>
    public static ExpressionSyntax? ElementSource(ArgumentSyntax argument)
    {
        if (argument.Parent is not ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation }) return null;
        var name = CalledName(invocation.Expression);
        // Parallel.ForEach(source, item => ...), Array.ForEach(items, item => ...): the source is the first argument, not the receiver.
        if (name is "ForEach" or "ForEachAsync" && invocation.ArgumentList.Arguments.Count >= 2 && invocation.ArgumentList.Arguments[0] != argument)
            return invocation.ArgumentList.Arguments[0].Expression;
        if (invocation.Expression is MemberAccessExpressionSyntax access && name is not null && ElementLambdaMethods.Contains(name))
            return access.Expression;
        return null;
    }

    /// <summary>
    /// Some code of the compilation names <c>RegionEndpoint</c> or reads <c>AWSOptions</c> from configuration
    /// (<c>GetAWSOptions</c>): only then can a client be built for another region.
    /// </summary>
    public bool MayPinClientRegion { get; }

    /// <summary>
    /// Some code of the compilation names credentials (<c>BasicAWSCredentials</c>, <c>response.Credentials</c>,
    /// <c>TryGetAWSCredentials</c>) or builds a client with two or more arguments: only then can a client sign with
    /// credentials other than the function's role.
    /// </summary>
    public bool MayGiveClientsCredentials { get; }

    /// <summary>Calls whose target name cannot be read from syntax (target-typed new in an argument or assignment, base(...)).</summary>
    public const string ConstructorCallKey = ".ctor";

    public IEnumerable<AssignmentExpressionSyntax> AssignmentsTo(string name) => _assignments[name];

    public IEnumerable<SyntaxNode> CallsNamed(string name) => _calls[name];

    public static string? AssignedName(ExpressionSyntax left) => left switch
    {
        IdentifierNameSyntax id => id.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => null,
    };

    public static string? CalledName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax id => id.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };

    public static string? TypeName(TypeSyntax type) => type switch
    {
        IdentifierNameSyntax id => id.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        QualifiedNameSyntax qualified => TypeName(qualified.Right),
        AliasQualifiedNameSyntax alias => TypeName(alias.Name),
        _ => null,
    };
}
