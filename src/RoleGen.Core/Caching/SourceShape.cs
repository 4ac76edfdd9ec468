using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RoleGen.Core.Workspace;

namespace RoleGen.Core.Caching;

/// <summary>
/// A hash of what a C# file declares: its tokens outside method, accessor and local-function bodies (trivia, comments and
/// layout left out). Two versions of a file with the same shape bind every other file the same way, so a change inside
/// bodies only affects the handlers whose analysis read that file (<see cref="Analysis.HandlerAnalysis.SourceFiles"/>).
/// Field and property initializers, attributes and constants are part of the shape: they are read without being reached.
/// Null for a file that does not parse, whose declarations cannot be trusted.
/// </summary>
public static class SourceShape
{
    public static string? Of(string text, string path) =>
        Of(CSharpSyntaxTree.ParseText(text, CompilationFactory.ParseOptions, path));

    public static string? Of(SyntaxTree tree)
    {
        var root = tree.GetRoot();
        if (root.ContainsDiagnostics && tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)) return null;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> separator = [0];
        foreach (var token in root.DescendantTokens(node => !IsBody(node)))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(token.Text));
            hash.AppendData(separator);
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static bool IsBody(SyntaxNode node) =>
        node is BlockSyntax or ArrowExpressionClauseSyntax &&
        node.Parent is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or BasePropertyDeclarationSyntax;
}
