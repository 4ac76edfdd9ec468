using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RoleGen.Core.Analysis;

/// <summary>
/// Answers "which source methods can run when this interface, abstract or virtual member is called":
/// every implementation and override declared in the compilation; and the other questions about the project's
/// source types as a whole, asked once per project and shared by its handlers.
/// </summary>
public sealed class ImplementationIndex
{
    private readonly Lazy<ImmutableArray<INamedTypeSymbol>> _types;
    private readonly Lazy<ILookup<ITypeSymbol, IPropertySymbol>> _holders;
    private readonly Lazy<ILookup<INamedTypeSymbol, INamedTypeSymbol>> _implementers;
    private readonly Lazy<ILookup<string, IMethodSymbol>> _extensionMethods;
    private readonly Lazy<ILookup<(string Name, int Arity), INamedTypeSymbol>> _derivingFromUnresolved;
    private readonly Lazy<HashSet<(string Name, int Arity)>> _calledThroughTypeNames;
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<ISymbol>> _cache = new(SymbolEqualityComparer.Default);

    public ImplementationIndex(Compilation compilation)
    {
        _types = new(() => AllSourceTypes(compilation.Assembly.GlobalNamespace).ToImmutableArray());
        _holders = new(() => SourceTypes
            .SelectMany(t => t.GetMembers().OfType<IPropertySymbol>())
            .Where(p => !p.IsStatic && !p.IsIndexer && p.Type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } held && held.Locations.Any(l => l.IsInSource))
            .ToLookup<IPropertySymbol, ITypeSymbol>(p => p.Type.OriginalDefinition, SymbolEqualityComparer.Default));
        _extensionMethods = new(() => SourceTypes
            .Where(t => t.MightContainExtensionMethods)
            .SelectMany(t => t.GetMembers())
            .OfType<IMethodSymbol>()
            .Where(m => m.IsExtensionMethod)
            .ToLookup(m => m.Name, StringComparer.Ordinal));
        _implementers = new(() => SourceTypes
            .Where(t => t.TypeKind is not TypeKind.Interface)
            .SelectMany(t => t.AllInterfaces.Select(i => (Interface: i.OriginalDefinition, Type: t)))
            .ToLookup<(INamedTypeSymbol Interface, INamedTypeSymbol Type), INamedTypeSymbol, INamedTypeSymbol>(p => p.Interface, p => p.Type, SymbolEqualityComparer.Default));
        _calledThroughTypeNames = new(() => CalledThroughTypes.Of(compilation.SyntaxTrees));
        _derivingFromUnresolved = new(() => SourceTypes
            .Where(t => t.TypeKind is TypeKind.Class or TypeKind.Struct)
            .SelectMany(t => t.Interfaces.Append(t.BaseType).OfType<IErrorTypeSymbol>().Select(unresolved => (Key: (unresolved.Name, unresolved.Arity), Type: t)))
            .ToLookup(p => p.Key, p => p.Type));
    }

    public ImmutableArray<INamedTypeSymbol> SourceTypes => _types.Value;

    /// <summary>
    /// The instance properties through which source types hold a source class or struct (<c>StorageOptions</c> → <c>AppOptions.Storage</c>),
    /// by held type; what configuration binding nests. Properties of arrays and lists (bound element by element) are not included.
    /// </summary>
    public IEnumerable<IPropertySymbol> PropertyHoldersOf(ITypeSymbol held) => _holders.Value[held.OriginalDefinition];

    /// <summary>The project's extension methods of that name (code calls them by name, on receivers of any type).</summary>
    public IEnumerable<IMethodSymbol> ExtensionMethodsNamed(string name) => _extensionMethods.Value[name];

    /// <summary>
    /// Source classes whose base list names a type of that name and arity that does not resolve (its file is missing
    /// from the project, or it comes from a package that is not restored): objects of the unresolved type may be them.
    /// </summary>
    private IEnumerable<INamedTypeSymbol> TypesDerivingFrom(IErrorTypeSymbol unresolved) =>
        unresolved.Name.Length == 0 ? [] : _derivingFromUnresolved.Value[(unresolved.Name, unresolved.Arity)];

    /// <summary>
    /// <c>repository.GetBooksAsync(limit)</c> where the receiver's type does not resolve (<c>IBookRepository.cs</c> is not
    /// in the project): Roslyn binds nothing, but the source classes that name that type in their base list are what
    /// such an object can be (what DI registers for it must implement it), so their methods of that name that take those
    /// arguments may run.
    /// </summary>
    public IEnumerable<IMethodSymbol> MethodsBehindUnresolvedReceiver(SemanticModel model, InvocationExpressionSyntax invocation)
    {
        var (receiver, name) = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => (access.Expression, access.Name.Identifier.ValueText),
            MemberBindingExpressionSyntax binding when invocation.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>() is { } conditional => (conditional.Expression, binding.Name.Identifier.ValueText),
            _ => (null, null),
        };
        if (receiver is null) return [];
        var type = model.TypeOf(receiver);
        if (type is not IErrorTypeSymbol { Name.Length: > 0 }) type = GenericCallTypes.ContainerService(model, receiver) ?? type;
        if (type is not IErrorTypeSymbol unresolved) return [];
        var count = invocation.ArgumentList.Arguments.Count;
        return TypesDerivingFrom(unresolved)
            .SelectMany(SelfAndBases)
            .SelectMany(t => t.GetMembers(name!))
            .OfType<IMethodSymbol>()
            .Where(m => m.MethodKind == MethodKind.Ordinary && !m.IsStatic && GenericCallTypes.Accepts(m, count))
            .Distinct<IMethodSymbol>(SymbolEqualityComparer.Default);
    }

    private static IEnumerable<INamedTypeSymbol> SelfAndBases(INamedTypeSymbol type)
    {
        for (var current = type; current is not null && current is not IErrorTypeSymbol; current = current.BaseType) yield return current;
    }

    /// <summary>
    /// True when the project calls methods through variables of this unresolved type (a parameter, field, property or
    /// local of it, or one a container's <c>GetRequiredService&lt;T&gt;()</c> gives, used as a call's receiver): an
    /// abstraction of its own whose file is missing, followed by name (<see cref="MethodsBehindUnresolvedReceiver"/>), not
    /// a library's contract that the library may call any public method of (a record handler the project only hands over).
    /// </summary>
    public bool IsHeldByProject(IErrorTypeSymbol unresolved) => _calledThroughTypeNames.Value.Contains((unresolved.Name, unresolved.Arity));

    public ImmutableArray<ISymbol> ImplementationsOf(ISymbol member) => _cache.GetOrAdd(member.OriginalDefinition, static (m, self) => self.Find(m), this);

    private ImmutableArray<ISymbol> Find(ISymbol member)
    {
        var found = ImmutableArray.CreateBuilder<ISymbol>();
        if (member.ContainingType?.TypeKind == TypeKind.Interface)
        {
            foreach (var type in _implementers.Value[member.ContainingType.OriginalDefinition].Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default))
            {
                var implementation = type.FindImplementationForInterfaceMember(ConstructedIn(type, member) ?? member);
                if (implementation is not null) found.Add(implementation.OriginalDefinition);
                else found.AddRange(LooselyMatching(type, member, m => !m.IsStatic && (m.DeclaredAccessibility == Accessibility.Public || IsExplicitFor(m, member))));
            }
        }
        else if (member.IsAbstract || member.IsVirtual || member.IsOverride)
        {
            foreach (var type in SourceTypes)
            foreach (var candidate in type.GetMembers(member.Name))
                if (Overrides(candidate, member)) found.Add(candidate.OriginalDefinition);
        }
        return found.ToImmutable();
    }

    /// <summary>
    /// Where Roslyn finds no implementation because a signature names a type that does not resolve (the SDK not
    /// restored) spelled differently in the interface and the class (<c>Task&lt;Amazon.S3.Model.GetObjectResponse&gt;</c>,
    /// an alias's <c>S3Model.GetObjectResponse</c>, <c>Task&lt;GetObjectResponse&gt;</c>: three different error types): the
    /// type's members (its bases' too) of that name and shape whose types agree by name. (Roslyn already matches an
    /// override to its base member across such spellings.)
    /// </summary>
    private static IEnumerable<ISymbol> LooselyMatching(INamedTypeSymbol type, ISymbol member, Func<ISymbol, bool> usable) =>
        SelfAndBases(type)
            .SelectMany(t => t.GetMembers())
            .Where(m => (m.Name == member.Name || IsExplicitFor(m, member)) && usable(m) && LooselySameSignature(m, member))
            .Select(m => m.OriginalDefinition)
            .Distinct<ISymbol>(SymbolEqualityComparer.Default);

    private static bool IsExplicitFor(ISymbol candidate, ISymbol member) =>
        candidate.Name.EndsWith("." + member.Name, StringComparison.Ordinal) && candidate.Name.Contains(member.ContainingType.Name, StringComparison.Ordinal);

    private static bool LooselySameSignature(ISymbol candidate, ISymbol member) => (candidate, member) switch
    {
        (IMethodSymbol c, IMethodSymbol m) => c.Arity == m.Arity && c.Parameters.Length == m.Parameters.Length &&
            LooselySame(c.ReturnType, m.ReturnType) && c.Parameters.Zip(m.Parameters).All(p => p.First.RefKind == p.Second.RefKind && LooselySame(p.First.Type, p.Second.Type)),
        (IPropertySymbol c, IPropertySymbol m) => c.Parameters.Length == m.Parameters.Length && LooselySame(c.Type, m.Type),
        _ => false,
    };

    /// <summary>The same type, or types that agree by name and type arguments where one of them does not resolve.</summary>
    private static bool LooselySame(ITypeSymbol a, ITypeSymbol b)
    {
        if (SymbolEqualityComparer.Default.Equals(a, b)) return true;
        if (a is ITypeParameterSymbol && b is ITypeParameterSymbol) return true;
        if (a is IArrayTypeSymbol arrayA && b is IArrayTypeSymbol arrayB) return arrayA.Rank == arrayB.Rank && LooselySame(arrayA.ElementType, arrayB.ElementType);
        if (a is not INamedTypeSymbol namedA || b is not INamedTypeSymbol namedB) return false;
        if (a is not IErrorTypeSymbol && b is not IErrorTypeSymbol && !SymbolEqualityComparer.Default.Equals(namedA.OriginalDefinition, namedB.OriginalDefinition)) return false;
        return namedA.Name == namedB.Name && namedA.Arity == namedB.Arity && namedA.TypeArguments.Zip(namedB.TypeArguments).All(p => LooselySame(p.First, p.Second));
    }

    /// <summary>The interface member as seen through the type's constructed interface (generic interfaces).</summary>
    private static ISymbol? ConstructedIn(INamedTypeSymbol type, ISymbol member)
    {
        var constructed = type.AllInterfaces.FirstOrDefault(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, member.ContainingType.OriginalDefinition));
        return constructed?.GetMembers(member.Name).FirstOrDefault(m => SymbolEqualityComparer.Default.Equals(m.OriginalDefinition, member.OriginalDefinition));
    }

    private static bool Overrides(ISymbol candidate, ISymbol member)
    {
        for (var current = Overridden(candidate); current is not null; current = Overridden(current))
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, member.OriginalDefinition)) return true;
        return false;
    }

    private static ISymbol? Overridden(ISymbol symbol) => symbol switch
    {
        IMethodSymbol m => m.OverriddenMethod,
        IPropertySymbol p => p.OverriddenProperty,
        IEventSymbol e => e.OverriddenEvent,
        _ => null,
    };

    private static IEnumerable<INamedTypeSymbol> AllSourceTypes(INamespaceSymbol ns)
    {
        foreach (var member in ns.GetMembers())
        {
            if (member is INamespaceSymbol child)
                foreach (var type in AllSourceTypes(child)) yield return type;
            else if (member is INamedTypeSymbol type)
                foreach (var nested in WithNested(type)) yield return nested;
        }
    }

    private static IEnumerable<INamedTypeSymbol> WithNested(INamedTypeSymbol type)
    {
        yield return type;
        foreach (var nested in type.GetTypeMembers())
        foreach (var inner in WithNested(nested)) yield return inner;
    }
}
