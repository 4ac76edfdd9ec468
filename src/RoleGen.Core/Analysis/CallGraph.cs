using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using RoleGen.Core.Workspace;

namespace RoleGen.Core.Analysis;

/// <summary>
/// Walks from entry methods through every member their code can reach: direct calls, constructors and the
/// initializers they run, property accessors, method groups, interface and virtual dispatch to every source
/// implementation, and the code of lambdas and local functions (walked where they are written).
/// Only reached code is bound, which keeps the analysis cheap on large projects; one graph serves every handler of a
/// project, and reads each member's code once (<see cref="MemberEdges"/>).
/// </summary>
public sealed class CallGraph(ProjectCompilation project, ImplementationIndex implementations, SdkClientTypes? pruneWith = null, CallbackDispatch? dispatch = null)
{
    private readonly MemberEdges _edges = new(project, implementations, pruneWith, dispatch);

    /// <summary>The code reachable from these entry methods. Walks of one graph share what each member's code does.</summary>
    /// <param name="builtByLambda">
    /// The handler type, when the Lambda runtime builds it: the runtime uses its public parameterless constructor, so
    /// other constructors (the "for tests" one blueprints have) run only where reachable code calls them. Null when a
    /// DI container builds the entries' objects (Lambda Annotations): then any constructor may run.
    /// </param>
    public ReachableCode Walk(IEnumerable<IMethodSymbol> entries, INamedTypeSymbol? builtByLambda = null)
    {
        var walk = new Walker(_edges, implementations, builtByLambda);
        foreach (var entry in entries)
        {
            // Construction first: reaching an instance member builds its type with any constructor.
            if (!entry.IsStatic && builtByLambda is not null) walk.ReachConstructionByLambda(builtByLambda);
            else if (!entry.IsStatic) walk.ReachConstruction(entry.ContainingType);
            walk.Reach(entry);
        }
        walk.Run();
        return new ReachableCode(walk.Members, walk.External.ToImmutableArray())
        {
            Registrations = walk.Registrations,
        };
    }

    private sealed class Walker(MemberEdges edges, ImplementationIndex implementations, INamedTypeSymbol? handlerType)
    {
        private readonly Queue<ISymbol> _pending = new();
        private readonly HashSet<INamedTypeSymbol> _constructedTypes = new(SymbolEqualityComparer.Default);
        private readonly HashSet<INamedTypeSymbol> _initializedTypes = new(SymbolEqualityComparer.Default);
        public readonly HashSet<ISymbol> Members = new(SymbolEqualityComparer.Default);
        public readonly List<ExternalCall> External = [];
        public readonly DiRegistrations Registrations = new();

        // Interface and abstract members reached but not yet sent to implementations: which ones run depends on the
        // DI registrations the walk finds, so dispatch waits until the code reached so far has been read.
        private readonly HashSet<ISymbol> _undispatched = new(SymbolEqualityComparer.Default);
        private readonly HashSet<ISymbol> _narrowed = new(SymbolEqualityComparer.Default);

        public void Reach(ISymbol? symbol)
        {
            if (symbol is null) return;
            symbol = symbol.OriginalDefinition;
            if (symbol is IMethodSymbol { ReducedFrom: { } extension }) symbol = extension.OriginalDefinition;
            if (symbol is IMethodSymbol { PartialImplementationPart: { } partialBody }) symbol = partialBody;
            if (symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction }) return;
            if (!IsSource(symbol) || !Members.Add(symbol)) return;
            _pending.Enqueue(symbol);

            if (symbol.IsAbstract || symbol.ContainingType?.TypeKind == TypeKind.Interface)
                _undispatched.Add(symbol);
            else if (symbol.IsVirtual || symbol.IsOverride)
                foreach (var implementation in ImplementationsOf(symbol)) Reach(implementation);
            if (symbol.ContainingType is { } type)
            {
                ReachStatics(type);
                // An instance member runs on an object someone built, often a DI container we cannot see.
                if (!symbol.IsStatic && symbol is not IMethodSymbol { MethodKind: MethodKind.Constructor }) ReachConstruction(type);
            }
        }

        /// <param name="everyConstructor">Reach every constructor, not only those a container could fill (the builder is not known at all).</param>
        public void ReachConstruction(INamedTypeSymbol type, bool everyConstructor = false)
        {
            if (!IsSource(type) || !_constructedTypes.Add(type.OriginalDefinition)) return;
            foreach (var constructor in everyConstructor ? type.InstanceConstructors : ConstructorsACallerWeCannotSeeMayUse(type)) Reach(constructor);
            foreach (var callback in LibraryCallbacks(type))
            {
                if (callback is IPropertySymbol property) { Reach(property.GetMethod); Reach(property.SetMethod); }
                else if (callback is IMethodSymbol) Reach(callback);
            }
        }

        /// <summary>
        /// The constructors something unseen (a DI container, a framework) may build the type with: not one that takes a
        /// string, number or enum without a default, which no container fills unless it is registered (the one "for
        /// tests" that takes a table name); code that calls such a constructor reaches it through its <c>new</c>. Every
        /// constructor when that leaves none.
        /// </summary>
        private IEnumerable<IMethodSymbol> ConstructorsACallerWeCannotSeeMayUse(INamedTypeSymbol type)
        {
            var usable = type.InstanceConstructors.Where(c => c.Parameters.All(p =>
                p.HasExplicitDefaultValue || !IsPlainValue(p.Type) || Registrations.For(p.Type).Count > 0)).ToList();
            return usable.Count > 0 ? usable : type.InstanceConstructors;
        }

        private static bool IsPlainValue(ITypeSymbol type) =>
            type.TypeKind == TypeKind.Enum || type.SpecialType is >= SpecialType.System_Boolean and <= SpecialType.System_String;

        /// <summary>
        /// What a library may call on an object of the type once it has one (a record handler passed to a batch
        /// processor, a handler type an attribute names): overrides of library members and implementations of library
        /// interfaces. Where the library is not restored, a base type or interface that does not resolve may declare any
        /// of the type's public methods. System.Object's members are left out: no library needs them to reach AWS.
        /// </summary>
        private IEnumerable<ISymbol> LibraryCallbacks(INamedTypeSymbol type)
        {
            var unresolvedContract = false;
            for (var current = type; current is not null && IsSource(current); current = current.BaseType)
            {
                // An unresolved type the project holds objects as is its own abstraction (its file missing), not a library's.
                unresolvedContract |= current.BaseType is IErrorTypeSymbol baseType && !implementations.IsHeldByProject(baseType) ||
                                      current.Interfaces.Any(i => i is IErrorTypeSymbol contract && !implementations.IsHeldByProject(contract));
                foreach (var member in current.GetMembers())
                {
                    var overridden = member switch { IMethodSymbol m => (ISymbol?)m.OverriddenMethod, IPropertySymbol p => p.OverriddenProperty, _ => null };
                    if (member.IsOverride && (overridden is null || !IsSource(overridden) && overridden.ContainingType.SpecialType != SpecialType.System_Object))
                        yield return member;
                    else if (unresolvedContract && member is IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public, IsStatic: false })
                        yield return member;
                }
            }
            foreach (var contract in type.AllInterfaces.Where(i => i is not IErrorTypeSymbol && !IsSource(i)))
            foreach (var member in contract.GetMembers())
                if (type.FindImplementationForInterfaceMember(member) is { } implementation && IsSource(implementation))
                    yield return implementation;
        }

        public void ReachConstructionByLambda(INamedTypeSymbol type)
        {
            var parameterless = type.InstanceConstructors.FirstOrDefault(c => c.Parameters.IsEmpty && c.DeclaredAccessibility == Accessibility.Public);
            if (parameterless is null) { ReachConstruction(type, everyConstructor: true); return; } // Lambda would fail to build it: stay on the safe side
            if (!IsSource(type) || !_constructedTypes.Add(type.OriginalDefinition)) return;
            Reach(parameterless);
        }

        private void ReachStatics(INamedTypeSymbol type)
        {
            if (!IsSource(type) || !_initializedTypes.Add(type.OriginalDefinition)) return;
            foreach (var constructor in type.StaticConstructors) Reach(constructor);
        }

        /// <summary>
        /// Walks to a fixed point: reads reached code; sends interface and abstract members to the implementations
        /// registered for their type; when nothing else is left, sends the members of unregistered types to every
        /// implementation in the compilation (the objects may come from anywhere).
        /// </summary>
        public void Run()
        {
            while (true)
            {
                while (_pending.TryDequeue(out var member))
                    Follow(member);

                foreach (var member in _undispatched.ToList())
                {
                    if (Registrations.ImplementationsOf(member.ContainingType) is not { } registered) continue;
                    _undispatched.Remove(member);
                    _narrowed.Add(member);
                    foreach (var implementation in ImplementationsOf(member))
                        if (registered.Any(type => IsSelfOrBase(implementation.ContainingType, type))) Reach(implementation);
                }
                if (_pending.Count > 0) continue;
                if (_undispatched.Count == 0) break;

                // Reaching an implementation may reach more abstract members (an abstract class implementing the
                // interface): they wait for the next round.
                var unregistered = _undispatched.ToList();
                _undispatched.Clear();
                foreach (var member in unregistered)
                foreach (var implementation in ImplementationsOf(member))
                    Reach(implementation);
            }
        }

        /// <summary>
        /// The source implementations and overrides a call of the member can run. A member of a base class of the handler
        /// type that Lambda builds runs on the handler object (a template-method base class shared by several functions:
        /// <c>Register(services)</c> abstract in FunctionBase), so only the override the handler type has.
        /// </summary>
        private IEnumerable<ISymbol> ImplementationsOf(ISymbol member)
        {
            var all = implementations.ImplementationsOf(member);
            if (handlerType?.BaseType is not { } handlerBase || member.ContainingType is not { TypeKind: TypeKind.Class } declaring || !IsSource(declaring) || !IsSelfOrBase(declaring, handlerBase))
                return all;
            var own = all.Where(i => IsSelfOrBase(i.ContainingType, handlerType)).ToList();
            return own.Count > 0 ? own : all;
        }

        private static bool IsSelfOrBase(INamedTypeSymbol candidate, INamedTypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, candidate.OriginalDefinition)) return true;
            return false;
        }

        /// <summary>A new registration for a type whose members were already dispatched: dispatch them again (reaching is idempotent).</summary>
        private void Registered(DiRegistration registration)
        {
            // A string or number the container now holds may fill a constructor it could not before.
            if (IsPlainValue(registration.Service))
                foreach (var type in _constructedTypes.ToList())
                foreach (var constructor in ConstructorsACallerWeCannotSeeMayUse(type)) Reach(constructor);
            foreach (var member in _narrowed.Where(m => SymbolEqualityComparer.Default.Equals(m.ContainingType.OriginalDefinition, registration.Service.OriginalDefinition)).ToList())
            {
                _narrowed.Remove(member);
                _undispatched.Add(member);
            }
        }

        private void Follow(ISymbol member)
        {
            foreach (var edge in edges.Of(member))
            {
                switch (edge)
                {
                    case ReachesMember reached: Reach(reached.Member); break;
                    case ConstructsType constructed: ReachConstruction(constructed.Type); break;
                    case InitializesType initialized: ReachStatics(initialized.Type); break;
                    case RegistersService registers when Registrations.Add(registers.Registration): Registered(registers.Registration); break;
                    case CallsOut external: External.Add(external.Call); break;
                }
            }
        }

        private bool IsSource(ISymbol symbol) => edges.IsSource(symbol);
    }
}
