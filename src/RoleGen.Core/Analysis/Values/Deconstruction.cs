using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RoleGen.Core.Analysis.Values;

/// <summary>
/// Where a variable of a deconstruction takes its value from: the deconstructed expression, and the variable's place in
/// the tuple as a path of element indexes (<c>var (a, (b, c)) = x</c>: <c>c</c> is element 1 of element 1 of <c>x</c>).
/// </summary>
internal static class Deconstruction
{
    /// <summary>For a variable declared by <c>var (a, b) = x</c> or <c>(var a, string b) = x</c>; null for patterns, out arguments and loops.</summary>
    public static (ExpressionSyntax Source, ImmutableArray<int> Path)? Of(SingleVariableDesignationSyntax designation)
    {
        var path = new List<int>();
        SyntaxNode current = designation;
        while (true)
        {
            switch (current.Parent)
            {
                case ParenthesizedVariableDesignationSyntax parent:
                    path.Add(parent.Variables.IndexOf((VariableDesignationSyntax)current));
                    current = parent;
                    break;
                case DeclarationExpressionSyntax declaration:
                    current = declaration;
                    break;
                case ArgumentSyntax { Parent: TupleExpressionSyntax tuple } argument:
                    path.Add(tuple.Arguments.IndexOf(argument));
                    current = tuple;
                    break;
                case AssignmentExpressionSyntax assignment when current == assignment.Left:
                    path.Reverse();
                    return (assignment.Right, [.. path]);
                default:
                    return null;
            }
        }
    }

    /// <summary>What a tuple on the left of an assignment writes (<c>(a, (this.b, c)) = x</c>: variables, fields, properties), each with its place.</summary>
    public static IEnumerable<(ExpressionSyntax Target, ImmutableArray<int> Path)> Targets(AssignmentExpressionSyntax assignment) =>
        assignment.Left is TupleExpressionSyntax tuple ? Targets(tuple, []) : [];

    private static IEnumerable<(ExpressionSyntax, ImmutableArray<int>)> Targets(TupleExpressionSyntax tuple, ImmutableArray<int> prefix)
    {
        for (var i = 0; i < tuple.Arguments.Count; i++)
        {
            switch (tuple.Arguments[i].Expression)
            {
                case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                    yield return (tuple.Arguments[i].Expression, prefix.Add(i));
                    break;
                case TupleExpressionSyntax nested:
                    foreach (var target in Targets(nested, prefix.Add(i))) yield return target;
                    break;
            }
        }
    }
}
