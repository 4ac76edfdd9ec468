using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RoleGen.Core.Analysis;

/// <summary>
/// The types, by name and arity as the code writes them, of the variables some code calls methods on: read from syntax
/// alone, so that a type that does not resolve can be told to be the project's own abstraction (its file missing) rather
/// than a library's contract (<see cref="ImplementationIndex.IsHeldByProject"/>).
/// </summary>
internal static class CalledThroughTypes
{
    /// <summary>The type names (read from syntax) of the variables some code calls a method on.</summary>
    public static HashSet<(string Name, int Arity)> Of(IEnumerable<SyntaxTree> trees)
    {
        var typesByVariable = new Dictionary<string, HashSet<(string, int)>>(StringComparer.Ordinal);
        var returnedByMethod = new Dictionary<string, HashSet<(string, int)>>(StringComparer.Ordinal);
        var heldResults = new List<(string Variable, string Method)>(); // var repo = Factory.Create(..): what Create returns
        var receivers = new HashSet<string>(StringComparer.Ordinal);
        var called = new HashSet<(string, int)>();
        foreach (var node in trees.SelectMany(t => t.GetRoot().DescendantNodes()))
        {
            switch (node)
            {
                case ParameterSyntax { Type: { } type } parameter:
                    Declare(typesByVariable, parameter.Identifier.ValueText, type);
                    break;
                case VariableDeclarationSyntax declaration:
                    foreach (var variable in declaration.Variables)
                    {
                        var value = variable.Initializer?.Value;
                        Declare(typesByVariable, variable.Identifier.ValueText, declaration.Type.IsVar && value is not null ? ContainerServiceType(value) : declaration.Type);
                        if (declaration.Type.IsVar && value is not null && GenericCallTypes.Unwrap(value) is InvocationExpressionSyntax made && Values.SyntaxIndex.CalledName(made.Expression) is { } maker)
                            heldResults.Add((variable.Identifier.ValueText, maker));
                    }
                    break;
                case MethodDeclarationSyntax method:
                    Declare(returnedByMethod, method.Identifier.ValueText, method.ReturnType is GenericNameSyntax { Identifier.ValueText: "Task" or "ValueTask", TypeArgumentList.Arguments: [var result] } ? result : method.ReturnType);
                    break;
                case PropertyDeclarationSyntax property:
                    Declare(typesByVariable, property.Identifier.ValueText, property.Type);
                    break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var receiver } }:
                    var receiverName = receiver switch
                    {
                        IdentifierNameSyntax variable => variable.Identifier.ValueText,
                        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } member => member.Name.Identifier.ValueText,
                        _ => null,
                    };
                    if (receiverName is not null)
                        receivers.Add(receiverName);
                    else if (ContainerServiceType(receiver) is { } service && NameAndArity(service) is { } direct)
                        called.Add(direct); // provider.GetRequiredService<IStore>().Put(..)
                    break;
            }
        }
        foreach (var (variable, method) in heldResults)
            if (receivers.Contains(variable) && returnedByMethod.TryGetValue(method, out var returned)) called.UnionWith(returned);
        foreach (var (variable, types) in typesByVariable)
            if (receivers.Contains(variable)) called.UnionWith(types);
        return called;

        static void Declare(Dictionary<string, HashSet<(string, int)>> index, string name, TypeSyntax? type)
        {
            if (type is null || NameAndArity(type) is not { } key) return;
            if (!index.TryGetValue(name, out var types)) index[name] = types = [];
            types.Add(key);
        }
    }

    /// <summary>The <c>T</c> of <c>provider.GetRequiredService&lt;T&gt;()</c> (also awaited), read from syntax.</summary>
    private static TypeSyntax? ContainerServiceType(ExpressionSyntax expression) =>
        GenericCallTypes.Unwrap(expression) is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments: [var type] } getter } } &&
        GenericCallTypes.IsContainerGetter(getter.Identifier.ValueText)
            ? type
            : null;

    private static (string, int)? NameAndArity(TypeSyntax type) => type switch
    {
        IdentifierNameSyntax name => (name.Identifier.ValueText, 0),
        GenericNameSyntax generic => (generic.Identifier.ValueText, generic.TypeArgumentList.Arguments.Count),
        QualifiedNameSyntax qualified => NameAndArity(qualified.Right),
        AliasQualifiedNameSyntax aliased => NameAndArity(aliased.Name),
        NullableTypeSyntax nullable => NameAndArity(nullable.ElementType),
        _ => null,
    };
}
