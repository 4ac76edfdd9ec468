using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RoleGen.Core.Analysis.Values;

namespace RoleGen.Core.Analysis;

/// <summary>The entity types of a call (DynamoDBContext): type arguments, type parameters and the attributes that name tables.</summary>
public sealed partial class SdkCallFinder
{
    /// <summary>
    /// Generic arguments (LoadAsync&lt;Order&gt;), else the source types of the arguments (SaveAsync(order)). A type
    /// parameter (<c>LoadAsync&lt;TEntity&gt;</c> in a generic repository) stands for the types its constraints allow.
    /// </summary>
    private IEnumerable<ITypeSymbol> TypeArguments(SemanticModel model, InvocationExpressionSyntax invocation, SimpleNameSyntax name)
    {
        IEnumerable<ITypeSymbol?> types = name is GenericNameSyntax generic
            ? generic.TypeArgumentList.Arguments.Select(t => model.GetTypeInfo(t).Type)
            : invocation.ArgumentList.Arguments.Select(a => model.GetTypeInfo(a.Expression).Type is { } type and not IErrorTypeSymbol ? type : GenericCallTypes.Made(model, a.Expression))
                .Where(t => t is ITypeParameterSymbol || t is INamedTypeSymbol { TypeKind: TypeKind.Class } && t.Locations.Any(l => l.IsInSource));
        return types.OfType<ITypeSymbol>().Where(t => t is not IErrorTypeSymbol).SelectMany(t => t is ITypeParameterSymbol parameter ? StandingFor(parameter) : [t]);
    }

    /// <summary>
    /// The types a type parameter stands for: a generic class's, the type arguments the project gives the class
    /// (<c>new Storage&lt;SessionLog&gt;()</c>, <c>class Logs : Storage&lt;SessionLog&gt;</c>); else, or for a method's, the
    /// classes its constraints admit.
    /// </summary>
    private IEnumerable<ITypeSymbol> StandingFor(ITypeParameterSymbol parameter, int depth = 0)
    {
        if (parameter.DeclaringType is not { } generic || depth > MaxOriginDepth) return Satisfying(parameter);
        var given = new List<ITypeSymbol>();
        foreach (var type in types.SourceTypes)
            if (type.BaseType is { } baseType && SymbolEqualityComparer.Default.Equals(baseType.OriginalDefinition, generic.OriginalDefinition))
                given.Add(baseType.TypeArguments[parameter.Ordinal]);
        foreach (var creation in values.CreationsNamed(generic.Name))
            if (project.Model(creation.SyntaxTree).GetTypeInfo(creation).Type is INamedTypeSymbol made && SymbolEqualityComparer.Default.Equals(made.OriginalDefinition, generic.OriginalDefinition))
                given.Add(made.TypeArguments[parameter.Ordinal]);
        var known = given.Where(t => t is not IErrorTypeSymbol).Distinct(SymbolEqualityComparer.Default).Cast<ITypeSymbol>()
            .SelectMany(t => t is ITypeParameterSymbol outer ? StandingFor(outer, depth + 1) : [t])
            .Distinct(SymbolEqualityComparer.Default).Cast<ITypeSymbol>().ToList();
        return known.Count == 0 ? Satisfying(parameter) : known;
    }

    /// <summary>At most this many types stand for a type parameter; more, and the entity type is not known.</summary>
    private const int MaxTypesForParameter = 16;

    /// <summary>
    /// The project's concrete classes that a type parameter's source-type constraints admit (<c>where TEntity :
    /// BaseEntity</c>: every class deriving from BaseEntity), a superset of the types it is used with. None (the
    /// entity type is not known) when no constraint is a type of the project: its name is never a table's.
    /// </summary>
    private IEnumerable<ITypeSymbol> Satisfying(ITypeParameterSymbol parameter)
    {
        var constraints = parameter.ConstraintTypes.Select(c => c.OriginalDefinition).Where(c => c.Locations.Any(l => l.IsInSource)).ToList();
        if (constraints.Count == 0) return [];
        var admitted = types.SourceTypes
            .Where(t => t is { TypeKind: TypeKind.Class, IsAbstract: false, IsGenericType: false } && constraints.All(c => Derives(t, c)))
            .Take(MaxTypesForParameter + 1)
            .ToList();
        return admitted.Count > MaxTypesForParameter ? [] : admitted;
    }

    private static bool Derives(INamedTypeSymbol type, ITypeSymbol constraint) =>
        constraint.TypeKind == TypeKind.Interface
            ? type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, constraint))
            : SelfAndBases(type).Any(b => SymbolEqualityComparer.Default.Equals(b.OriginalDefinition, constraint));

    private TypeValue ToTypeValue(ITypeSymbol type)
    {
        var attributes = ImmutableSortedDictionary.CreateBuilder<string, Value>(StringComparer.Ordinal);
        foreach (var attribute in type.GetAttributes())
        {
            var attributeName = attribute.AttributeClass?.Name ?? "";
            if (attributeName.EndsWith("Attribute", StringComparison.Ordinal)) attributeName = attributeName[..^9];
            var first = attribute.ConstructorArguments.FirstOrDefault();
            if (first.Value is string text) attributes[attributeName] = new LiteralValue(text);
            else if (FirstArgumentText(attribute, type) is { } argument) attributes[attributeName] = argument;
        }
        return new TypeValue(type.Name, attributes.ToImmutable());
    }

    /// <summary>
    /// The first argument of an attribute whose class is not referenced (the SDK not restored): its constant value
    /// (<c>Tables.Orders</c>, <c>Prefix + "-v2"</c>, <c>nameof(T)</c>) where the compiler can fold it, else unknown:
    /// the argument names something, never the type's own name.
    /// </summary>
    private Value? FirstArgumentText(AttributeData attribute, ITypeSymbol type)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax() is not AttributeSyntax { ArgumentList.Arguments: [var first, ..] } syntax || first.NameEquals is not null) return null;
        return project.Model(syntax.SyntaxTree).GetConstantValue(first.Expression) is { HasValue: true, Value: string text }
            ? new LiteralValue(text)
            : new UnknownValue($"the argument of [{syntax.Name}] on {type.Name} ('{first.Expression}') is not a constant RoleGen can read", null);
    }
}
