using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RoleGen.Core.Workspace;

namespace RoleGen.Core.Analysis;

/// <summary>
/// The handlers a malformed Handler may have meant (<c>FunctionHandler</c>, <c>Function::FunctionHandler</c>): the public
/// methods of that name in the public classes of the function's project, written Assembly::Namespace.Type::Method.
/// Read from syntax alone: it only serves the message of a handler RoleGen cannot use.
/// </summary>
public static class HandlerCandidates
{
    private const int MaxSuggested = 3;

    public static IReadOnlyList<string> For(string handler, CSharpProject project)
    {
        var method = handler.Split("::", StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Split('.').Last();
        if (string.IsNullOrEmpty(method) || !SyntaxFacts.IsValidIdentifier(method)) return [];
        var found = new List<string>();
        foreach (var file in project.SourceFiles.Where(File.Exists))
        {
            var text = File.ReadAllText(file);
            if (!text.Contains(method, StringComparison.Ordinal)) continue;
            var root = CSharpSyntaxTree.ParseText(text).GetRoot();
            found.AddRange(root.DescendantNodes().OfType<MethodDeclarationSyntax>()
                .Where(m => m.Identifier.ValueText == method && IsPublic(m.Modifiers) && m.Parent is ClassDeclarationSyntax declaring && IsPublic(declaring.Modifiers))
                .Select(m => $"{project.AssemblyName}::{TypeName((ClassDeclarationSyntax)m.Parent!)}::{method}"));
        }
        var distinct = found.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return distinct.Count <= MaxSuggested ? distinct : [];
    }

    private static bool IsPublic(SyntaxTokenList modifiers) => modifiers.Any(SyntaxKind.PublicKeyword);

    /// <summary>Namespace.Type, with nested types as Outer+Inner (the runtime's type names, which a Lambda handler uses).</summary>
    private static string TypeName(BaseTypeDeclarationSyntax type)
    {
        var types = type.AncestorsAndSelf().OfType<BaseTypeDeclarationSyntax>().Reverse().Select(t => t.Identifier.ValueText);
        var namespaces = type.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(n => n.Name.ToString());
        return string.Join(".", namespaces.Append(string.Join("+", types)));
    }
}
