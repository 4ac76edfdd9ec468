using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RoleGen.Core.Analysis.Values;

/// <summary>
/// Deconstruction: <c>var (bucket, key) = ("b", "k")</c>, <c>var (bucket, _) = Locate(id)</c> (a source helper that
/// returns tuple literals, async or not, its parameters bound to the call's arguments), or a local holding such a tuple.
/// </summary>
public sealed partial class ValueResolver
{
    private Value Deconstructed(ExpressionSyntax source, ImmutableArray<int> path, ResolveScope scope)
    {
        if (path.IsEmpty) return Resolve(source, scope);
        if (scope.TooDeep) return Unknown(source, "the value passes through too many steps to follow");
        switch (source)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Deconstructed(parenthesized.Expression, path, scope);
            case AwaitExpressionSyntax awaited:
                return Deconstructed(awaited.Expression, path, scope);
            case ConditionalExpressionSyntax conditional:
                return Value.OneOf([Deconstructed(conditional.WhenTrue, path, scope), Deconstructed(conditional.WhenFalse, path, scope)]);
            case SwitchExpressionSyntax switchExpression:
                return Value.OneOf(switchExpression.Arms.Select(arm => Deconstructed(arm.Expression, path, scope)));
            case TupleExpressionSyntax tuple when path[0] < tuple.Arguments.Count:
                return Deconstructed(tuple.Arguments[path[0]].Expression, path.RemoveAt(0), scope.Deeper());
            case InvocationExpressionSyntax invocation when project.Model(invocation.SyntaxTree).GetSymbolInfo(invocation).Symbol is IMethodSymbol method && IsSource(method.ReducedFrom ?? method):
                return HelperResult(method, invocation, scope, (returned, inner) => Deconstructed(returned, path, inner));
            case IdentifierNameSyntax name when project.Model(name.SyntaxTree).GetSymbolInfo(name).Symbol is ILocalSymbol local &&
                                               local.DeclaringSyntaxReferences is [var only] && only.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: var initial } &&
                                               !scope.IsVisiting(local):
                return Deconstructed(initial, path, scope.Entering(local));
            default:
                return Unknown(source, $"'{Short(source)}' is taken apart at run time");
        }
    }
}
