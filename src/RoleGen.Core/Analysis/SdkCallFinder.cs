using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RoleGen.Core.Analysis.Values;
using RoleGen.Core.Workspace;

namespace RoleGen.Core.Analysis;

/// <summary>
/// Picks the SDK calls out of the calls reachable code makes: those whose receiver (an instance, or a type for
/// static helpers) is a client type of the mapping table, by full name where the SDK binds and by simple name
/// where it does not. Their arguments are resolved to values.
/// </summary>
public sealed class SdkCallFinder(ProjectCompilation project, SdkClientTypes clients, ValueResolver values)
{
    public ImmutableArray<SdkCall> Find(ReachableCode code)
    {
        var calls = ImmutableArray.CreateBuilder<SdkCall>();
        var seen = new HashSet<InvocationExpressionSyntax>();
        foreach (var external in code.ExternalCalls)
        {
            if (!seen.Add(external.Invocation)) continue;
            if (ToSdkCall(external.Invocation) is { } call) calls.Add(call);
        }
        return calls.ToImmutable();
    }

    private SdkCall? ToSdkCall(InvocationExpressionSyntax invocation)
    {
        var (receiver, name) = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => (access.Expression, access.Name),
            MemberBindingExpressionSyntax binding when invocation.Parent is ConditionalAccessExpressionSyntax conditional => (conditional.Expression, binding.Name),
            _ => ((ExpressionSyntax?)null, (SimpleNameSyntax?)null),
        };
        if (receiver is null || name is null) return null;
        var model = project.Model(invocation.SyntaxTree);
        var clientType = ReceiverType(model, receiver);
        if (clientType is null) return null;

        var method = name.Identifier.ValueText;
        var operation = method.EndsWith("Async", StringComparison.Ordinal) && method.Length > 5 ? method[..^5] : method;
        var location = values.Location(name);
        var symbol = model.GetSymbolInfo(invocation).Symbol as IMethodSymbol;
        var arguments = invocation.ArgumentList.Arguments
            .Where(a => !IsCancellationToken(model, a.Expression))
            .Select(a => new SdkArgument(a.NameColon?.Name.Identifier.ValueText, values.Resolve(a.Expression)))
            .ToImmutableArray();
        return new SdkCall(clientType.Value.Name, operation, arguments, TypeArguments(model, invocation, name), location, $"{clientType.Value.Name}.{method}");
    }

    private (string Name, string? Namespace)? ReceiverType(SemanticModel model, ExpressionSyntax receiver)
    {
        var type = model.GetTypeInfo(receiver).Type ?? model.GetSymbolInfo(receiver).Symbol as ITypeSymbol;
        if (type is null && model.GetSymbolInfo(receiver).Symbol is null && receiver is IdentifierNameSyntax or QualifiedNameSyntax or MemberAccessExpressionSyntax)
        {
            // An unresolved name used as a receiver, such as Table.LoadTable(...) without the SDK referenced.
            var simple = receiver switch { MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText, QualifiedNameSyntax q => q.Right.Identifier.ValueText, _ => receiver.ToString() };
            return clients.Matches(simple, null) ? (simple, null) : null;
        }
        if (type is null) return null;
        foreach (var candidate in SelfAndBases(type))
        {
            var resolvedNamespace = candidate is IErrorTypeSymbol ? null : candidate.ContainingNamespace?.ToDisplayString();
            if (clients.Matches(candidate.Name, resolvedNamespace)) return (candidate.Name, resolvedNamespace);
        }
        return null;
    }

    private static IEnumerable<ITypeSymbol> SelfAndBases(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType) yield return current;
        foreach (var implemented in type.AllInterfaces) yield return implemented;
    }

    private static bool IsCancellationToken(SemanticModel model, ExpressionSyntax expression) =>
        model.GetTypeInfo(expression).Type?.Name == "CancellationToken" ||
        expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "None", Expression: IdentifierNameSyntax { Identifier.ValueText: "CancellationToken" } };

    /// <summary>Generic arguments (LoadAsync&lt;Order&gt;), else the source types of the arguments (SaveAsync(order)).</summary>
    private static ImmutableArray<TypeValue> TypeArguments(SemanticModel model, InvocationExpressionSyntax invocation, SimpleNameSyntax name)
    {
        IEnumerable<ITypeSymbol?> types = name is GenericNameSyntax generic
            ? generic.TypeArgumentList.Arguments.Select(t => model.GetTypeInfo(t).Type)
            : invocation.ArgumentList.Arguments.Select(a => model.GetTypeInfo(a.Expression).Type).Where(t => t is INamedTypeSymbol { TypeKind: TypeKind.Class } && t.Locations.Any(l => l.IsInSource));
        return types.OfType<ITypeSymbol>().Where(t => t is not IErrorTypeSymbol).Select(ToTypeValue).ToImmutableArray();
    }

    private static TypeValue ToTypeValue(ITypeSymbol type)
    {
        var attributes = ImmutableSortedDictionary.CreateBuilder<string, Value>(StringComparer.Ordinal);
        foreach (var attribute in type.GetAttributes())
        {
            var attributeName = attribute.AttributeClass?.Name ?? "";
            if (attributeName.EndsWith("Attribute", StringComparison.Ordinal)) attributeName = attributeName[..^9];
            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax;
            var first = attribute.ConstructorArguments.FirstOrDefault();
            if (first.Value is string text) attributes[attributeName] = new LiteralValue(text);
            else if (syntax?.ArgumentList?.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
                attributes[attributeName] = new LiteralValue(literal.Token.ValueText); // attribute class not referenced: read the literal
        }
        return new TypeValue(type.Name, attributes.ToImmutable());
    }
}
