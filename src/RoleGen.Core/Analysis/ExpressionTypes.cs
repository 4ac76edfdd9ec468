using Microsoft.CodeAnalysis;

namespace RoleGen.Core.Analysis;

/// <summary>The type of an expression as code means it, where Roslyn's binding of unresolved types says otherwise.</summary>
public static class ExpressionTypes
{
    /// <summary>
    /// The expression's type; for a nullable-annotated type that does not resolve (<c>IAmazonS3?</c> without the SDK),
    /// the type itself: Roslyn cannot tell it is a reference type and reads it as <c>Nullable&lt;IAmazonS3&gt;</c>.
    /// </summary>
    public static ITypeSymbol? TypeOf(this SemanticModel model, SyntaxNode expression) => WithoutNullable(model.GetTypeInfo(expression).Type);

    public static ITypeSymbol? WithoutNullable(ITypeSymbol? type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [IErrorTypeSymbol unresolved] } ? unresolved : type;
}
