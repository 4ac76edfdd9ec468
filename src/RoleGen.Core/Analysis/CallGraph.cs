using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RoleGen.Core.Workspace;

namespace RoleGen.Core.Analysis;

/// <summary>
/// Walks from entry methods through every member their code can reach: direct calls, constructors and the
/// initializers they run, property accessors, method groups, interface and virtual dispatch to every source
/// implementation, and the code of lambdas and local functions (walked where they are written).
/// Only reached code is bound, which keeps the analysis cheap on large projects.
/// </summary>
public sealed class CallGraph(ProjectCompilation project, ImplementationIndex implementations)
{
    public ReachableCode Walk(IEnumerable<IMethodSymbol> entries)
    {
        var walk = new Walker(project, implementations);
        foreach (var entry in entries)
        {
            walk.Reach(entry);
            if (!entry.IsStatic) walk.ReachConstruction(entry.ContainingType);
        }
        walk.Run();
        return new ReachableCode(walk.Members.ToImmutableHashSet<ISymbol>(SymbolEqualityComparer.Default), walk.External.ToImmutableArray())
        {
            Registrations = walk.Registrations,
        };
    }

    private sealed class Walker(ProjectCompilation project, ImplementationIndex implementations)
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
                foreach (var implementation in implementations.ImplementationsOf(symbol)) Reach(implementation);
            if (symbol.ContainingType is { } type)
            {
                ReachStatics(type);
                // An instance member runs on an object someone built, often a DI container we cannot see.
                if (!symbol.IsStatic && symbol is not IMethodSymbol { MethodKind: MethodKind.Constructor }) ReachConstruction(type);
            }
        }

        public void ReachConstruction(INamedTypeSymbol type)
        {
            if (!IsSource(type) || !_constructedTypes.Add(type.OriginalDefinition)) return;
            foreach (var constructor in type.InstanceConstructors) Reach(constructor);
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
                    foreach (var node in CodeOf(member))
                        Visit(member, node);

                foreach (var member in _undispatched.ToList())
                {
                    if (Registrations.ImplementationsOf(member.ContainingType) is not { } registered) continue;
                    _undispatched.Remove(member);
                    _narrowed.Add(member);
                    foreach (var implementation in implementations.ImplementationsOf(member))
                        if (registered.Any(type => IsSelfOrBase(implementation.ContainingType, type))) Reach(implementation);
                }
                if (_pending.Count > 0) continue;
                if (_undispatched.Count == 0) break;

                foreach (var member in _undispatched)
                foreach (var implementation in implementations.ImplementationsOf(member))
                    Reach(implementation);
                _undispatched.Clear();
            }
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
            foreach (var member in _narrowed.Where(m => SymbolEqualityComparer.Default.Equals(m.ContainingType.OriginalDefinition, registration.Service.OriginalDefinition)).ToList())
            {
                _narrowed.Remove(member);
                _undispatched.Add(member);
            }
        }

        private IEnumerable<SyntaxNode> CodeOf(ISymbol member)
        {
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var node = reference.GetSyntax();
                switch (node)
                {
                    case BaseMethodDeclarationSyntax method:
                        if (method is ConstructorDeclarationSyntax { Initializer: { } init }) yield return init;
                        if (method.Body is not null) yield return method.Body;
                        if (method.ExpressionBody is not null) yield return method.ExpressionBody;
                        if (method is ConstructorDeclarationSyntax ctor) foreach (var init2 in Initializers(member.ContainingType, ctor.Modifiers.Any(SyntaxKind.StaticKeyword))) yield return init2;
                        break;
                    case AccessorDeclarationSyntax accessor:
                        if (accessor.Body is not null) yield return accessor.Body;
                        if (accessor.ExpressionBody is not null) yield return accessor.ExpressionBody;
                        break;
                    case ArrowExpressionClauseSyntax arrow:
                        yield return arrow;
                        break;
                    case TypeDeclarationSyntax type:
                        // Primary or implicit constructor: its base-call arguments and the initializers it runs.
                        if (type.BaseList?.Types.OfType<PrimaryConstructorBaseTypeSyntax>().FirstOrDefault() is { } baseCall) yield return baseCall.ArgumentList;
                        foreach (var memberInit in Initializers(member.ContainingType, member.IsStatic)) yield return memberInit;
                        break;
                }
            }
            if (member is IMethodSymbol { MethodKind: MethodKind.Constructor, IsImplicitlyDeclared: true } implicitCtor)
            {
                foreach (var implicitInit in Initializers(implicitCtor.ContainingType, implicitCtor.IsStatic)) yield return implicitInit;
                ReachBaseConstructor(implicitCtor.ContainingType);
            }
            // A class without a static constructor still runs its static field initializers (`static readonly X = Build();`).
            if (member is IMethodSymbol { MethodKind: MethodKind.StaticConstructor, IsImplicitlyDeclared: true } implicitStatic)
                foreach (var staticInit in Initializers(implicitStatic.ContainingType, isStatic: true)) yield return staticInit;
            if (member is IMethodSymbol { MethodKind: MethodKind.Constructor } ctorSymbol && member.DeclaringSyntaxReferences.All(r => r.GetSyntax() is not ConstructorDeclarationSyntax { Initializer: not null }))
                ReachBaseConstructor(ctorSymbol.ContainingType);
        }

        private void ReachBaseConstructor(INamedTypeSymbol type)
        {
            if (type.BaseType is { } baseType && IsSource(baseType))
                foreach (var constructor in baseType.InstanceConstructors.Where(c => c.Parameters.IsEmpty)) Reach(constructor);
        }

        private static IEnumerable<SyntaxNode> Initializers(INamedTypeSymbol type, bool isStatic)
        {
            foreach (var member in type.GetMembers().Where(m => m.IsStatic == isStatic))
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                switch (reference.GetSyntax())
                {
                    case VariableDeclaratorSyntax { Initializer: { } init } when member is IFieldSymbol: yield return init; break;
                    case PropertyDeclarationSyntax { Initializer: { } init }: yield return init; break;
                }
            }
        }

        private void Visit(ISymbol owner, SyntaxNode root)
        {
            var model = project.Model(root.SyntaxTree);
            foreach (var node in root.DescendantNodesAndSelf())
            {
                switch (node)
                {
                    case InvocationExpressionSyntax invocation:
                        if (DiRegistrationReader.IsRegistrationName(Values.SyntaxIndex.CalledName(invocation.Expression)) &&
                            DiRegistrationReader.Read(model, invocation) is { } registration && Registrations.Add(registration))
                            Registered(registration);
                        var targets = Targets(model, invocation);
                        if (targets.IsEmpty && DiRegistrationReader.ContainerService(model, invocation) is { IsEmpty: false } resolved) targets = resolved;
                        if (targets.Any(IsSource))
                            foreach (var target in targets) Reach(target);
                        else if (!targets.Any(t => t is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction or MethodKind.DelegateInvoke }))
                            External.Add(new ExternalCall(invocation, owner));
                        break;
                    case BaseObjectCreationExpressionSyntax or ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax:
                        if (Target(model, node) is IMethodSymbol constructor)
                        {
                            Reach(constructor);
                            ReachConstruction(constructor.ContainingType);
                        }
                        break;
                    case IdentifierNameSyntax name when !IsInvokedName(name):
                        var symbol = model.GetSymbolInfo(name).Symbol;
                        switch (symbol)
                        {
                            case IPropertySymbol property:
                                Reach(property.GetMethod);
                                Reach(property.SetMethod);
                                break;
                            case IMethodSymbol method:
                                Reach(method); // method group passed as a delegate
                                break;
                            case IFieldSymbol { IsStatic: true } field:
                                ReachStatics(field.ContainingType);
                                break;
                        }
                        break;
                }
            }
        }

        /// <summary>The bound target, or every candidate when overload resolution failed (often on unresolved SDK types).</summary>
        private static ImmutableArray<ISymbol> Targets(SemanticModel model, SyntaxNode node)
        {
            var info = model.GetSymbolInfo(node);
            return info.Symbol is not null ? [info.Symbol] : info.CandidateSymbols;
        }

        private static ISymbol? Target(SemanticModel model, SyntaxNode node)
        {
            var info = model.GetSymbolInfo(node);
            return info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
        }

        private static bool IsInvokedName(IdentifierNameSyntax name) =>
            name.Parent is InvocationExpressionSyntax ||
            name.Parent is MemberAccessExpressionSyntax access && access.Name == name && access.Parent is InvocationExpressionSyntax ||
            name.Parent is MemberBindingExpressionSyntax binding && binding.Parent is InvocationExpressionSyntax;

        private bool IsSource(ISymbol symbol) =>
            symbol.Locations.Any(l => l.IsInSource) &&
            SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, project.Compilation.Assembly);
    }
}
