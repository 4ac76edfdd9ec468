using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RoleGen.Core.Analysis.Pruning;

/// <summary>
/// Every name through which code can get hold of an SDK client, read from declarations only: the client types of the
/// mapping table, source types deriving from them, aliases of them, and the fields, properties, methods, parameters and
/// type parameters whose declared type mentions one of these names (to a fixed point: a method returning a wrapper
/// whose property is a client is a client name too). Code that mentions none of them cannot make an SDK call except by
/// an operation name, since C# locals (<c>var</c>) take their type from an expression that names its source.
/// </summary>
public static class ClientNames
{
    public static ImmutableHashSet<string> Of(IEnumerable<SyntaxTree> trees, SdkClientTypes clients)
    {
        var names = new HashSet<string>(clients.NamespaceByType.Keys, StringComparer.Ordinal);
        // Members that hand out client objects (Table.LoadTable, IAmazonS3.Paginators) name them too.
        foreach (var member in clients.ReturnsByMember?.Keys ?? Enumerable.Empty<string>())
            names.Add(member[(member.LastIndexOf('.') + 1)..]);
        var declarations = trees.Select(t => t.GetRoot()).SelectMany(DeclaredTypes)
            .Select(d => (d.Name, Identifiers: Identifiers(d.Type).ToArray()))
            .ToList();
        bool added;
        do
        {
            added = false;
            foreach (var (name, identifiers) in declarations)
                if (!names.Contains(name) && identifiers.Any(i => names.Contains(i) || clients.OtherClients.Matches(i, null))) added |= names.Add(name);
        }
        while (added);
        return names.ToImmutableHashSet(StringComparer.Ordinal);
    }

    /// <summary>A declared name and the type syntax that gives it its type.</summary>
    private sealed record TypedName(string Name, SyntaxNode Type);

    private static IEnumerable<TypedName> DeclaredTypes(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
        {
            switch (node)
            {
                case UsingDirectiveSyntax { Alias: { } alias } usingAlias:
                    yield return new TypedName(alias.Name.Identifier.ValueText, usingAlias.NamespaceOrType);
                    break;
                case TypeDeclarationSyntax type:
                    if (type.BaseList is { } bases) yield return new TypedName(type.Identifier.ValueText, bases);
                    foreach (var parameter in type.ParameterList?.Parameters ?? default)
                        if (parameter.Type is { } parameterType) yield return new TypedName(parameter.Identifier.ValueText, parameterType);
                    foreach (var typed in Constrained(type.TypeParameterList, type.ConstraintClauses)) yield return typed;
                    break;
                case DelegateDeclarationSyntax @delegate:
                    yield return new TypedName(@delegate.Identifier.ValueText, @delegate);
                    break;
                case BaseFieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables) yield return new TypedName(variable.Identifier.ValueText, field.Declaration.Type);
                    break;
                case PropertyDeclarationSyntax property:
                    yield return new TypedName(property.Identifier.ValueText, property.Type);
                    break;
                case EventDeclarationSyntax @event:
                    yield return new TypedName(@event.Identifier.ValueText, @event.Type);
                    break;
                case MethodDeclarationSyntax method:
                    yield return new TypedName(method.Identifier.ValueText, method.ReturnType);
                    foreach (var typed in Constrained(method.TypeParameterList, method.ConstraintClauses)) yield return typed;
                    break;
            }
        }
    }

    /// <summary>A type parameter constrained to a client type (<c>where TClient : IAmazonS3</c>) is a client type.</summary>
    private static IEnumerable<TypedName> Constrained(TypeParameterListSyntax? parameters, SyntaxList<TypeParameterConstraintClauseSyntax> clauses) =>
        parameters is null ? [] : clauses.Select(c => new TypedName(c.Name.Identifier.ValueText, c));

    public static IEnumerable<string> Identifiers(SyntaxNode node) =>
        node.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText);
}
