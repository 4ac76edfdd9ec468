using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RoleGen.Core.Analysis;

/// <summary>
/// The type a generic call gives when its library is not restored and so the call has no type: its type argument
/// (<c>provider.GetRequiredService&lt;IStore&gt;()</c>, <c>JsonSerializer.DeserializeAsync&lt;Order&gt;(stream)</c>), also when
/// a <c>var</c> local holds the call's result.
/// </summary>
internal static class GenericCallTypes
{
    /// <summary>The service type of <c>provider.GetRequiredService&lt;T&gt;()</c> (or GetService, the keyed forms).</summary>
    public static ITypeSymbol? ContainerService(SemanticModel model, ExpressionSyntax expression) =>
        TypeArgumentOf(model, expression, method => method is "GetRequiredService" or "GetService" or "GetRequiredKeyedService" or "GetKeyedService");

    /// <summary>A deserializer's type argument, which is what it returns.</summary>
    public static ITypeSymbol? Deserialized(SemanticModel model, ExpressionSyntax expression) =>
        TypeArgumentOf(model, expression, method => method.StartsWith("Deserialize", StringComparison.Ordinal) || method.StartsWith("ReadFromJson", StringComparison.Ordinal));

    /// <summary>The one type argument of the generic call an expression is, or a local holds, when the method so named returns it.</summary>
    private static ITypeSymbol? TypeArgumentOf(SemanticModel model, ExpressionSyntax expression, Func<string, bool> returnsTypeArgument)
    {
        var value = Unwrap(expression);
        if (value is IdentifierNameSyntax && model.GetSymbolInfo(value).Symbol is ILocalSymbol { DeclaringSyntaxReferences: [var declared] } &&
            declared.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: var initializer })
            value = Unwrap(initializer);
        return value is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments: [var type] } method } } &&
               returnsTypeArgument(method.Identifier.ValueText)
            ? model.GetTypeInfo(type).Type
            : null;
    }

    /// <summary>The expression without parentheses, <c>await</c>, casts and <c>!</c>.</summary>
    public static ExpressionSyntax Unwrap(ExpressionSyntax expression) => expression switch
    {
        ParenthesizedExpressionSyntax p => Unwrap(p.Expression),
        AwaitExpressionSyntax a => Unwrap(a.Expression),
        CastExpressionSyntax c => Unwrap(c.Expression),
        PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } n => Unwrap(n.Operand),
        _ => expression,
    };
}
