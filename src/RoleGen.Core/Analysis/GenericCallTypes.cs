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
        TypeArgumentOf(model, expression, IsContainerGetter);

    /// <summary>The container methods that hand out a service of their type argument.</summary>
    public static bool IsContainerGetter(string method) => method is "GetRequiredService" or "GetService" or "GetRequiredKeyedService" or "GetKeyedService";

    /// <summary>True when a method accepts that many positional arguments: the rest of its parameters optional or params.</summary>
    public static bool Accepts(IMethodSymbol method, int arguments) =>
        method.Parameters.Length >= arguments && method.Parameters.Skip(arguments).All(p => p.IsOptional || p.IsParams);

    /// <summary>
    /// The type of an object made by a generic call whose library is not restored: a deserializer's type argument
    /// (<c>DeserializeAsync&lt;Order&gt;(stream)</c>), what a DynamoDBContext loads (<c>LoadAsync&lt;Order&gt;(id)</c>), also
    /// held in a local; or an item of what a DynamoDBContext query or scan returns, looped over
    /// (<c>foreach (var order in await context.QueryAsync&lt;Order&gt;(id).GetRemainingAsync())</c>) or taken from it.
    /// </summary>
    public static ITypeSymbol? Made(SemanticModel model, ExpressionSyntax expression)
    {
        if (TypeArgumentOf(model, expression, ReturnsTypeArgument) is { } made) return made;
        var value = Unwrap(expression);
        if (value is IdentifierNameSyntax && model.GetSymbolInfo(value).Symbol is ILocalSymbol { DeclaringSyntaxReferences: [var declared] } local)
            value = declared.GetSyntax() switch
            {
                ForEachStatementSyntax loop => loop.Expression,
                VariableDeclaratorSyntax { Initializer.Value: var initializer } => initializer,
                _ => value,
            };
        return ItemTypeOf(model, value, depth: 0);
    }

    private static bool ReturnsTypeArgument(string method) =>
        method.StartsWith("Deserialize", StringComparison.Ordinal) || method.StartsWith("ReadFromJson", StringComparison.Ordinal) || method is "Load" or "LoadAsync";

    /// <summary>The item type of a DynamoDBContext query or scan somewhere in a chain of calls (or a local holding one).</summary>
    private static ITypeSymbol? ItemTypeOf(SemanticModel model, ExpressionSyntax expression, int depth)
    {
        var value = Unwrap(expression);
        if (depth < 2 && value is IdentifierNameSyntax && model.GetSymbolInfo(value).Symbol is ILocalSymbol { DeclaringSyntaxReferences: [var declared] } &&
            declared.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: var initializer })
            return ItemTypeOf(model, initializer, depth + 1);
        for (var current = value; current is not null; current = Receiver(Unwrap(current)))
        {
            if (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments: [var type] } method } } &&
                method.Identifier.ValueText is "QueryAsync" or "ScanAsync" or "FromQueryAsync" or "FromScanAsync" or "Query" or "Scan" or "FromQuery" or "FromScan")
                return model.GetTypeInfo(type).Type;
            if (depth < 2 && current is IdentifierNameSyntax && !ReferenceEquals(current, value)) return ItemTypeOf(model, current, depth + 1);
        }
        return null;
    }

    private static ExpressionSyntax? Receiver(ExpressionSyntax expression) => expression switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Expression,
        MemberAccessExpressionSyntax access => access.Expression,
        _ => null,
    };

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
