using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RoleGen.Core.Analysis.Values;
using SourceLocation = RoleGen.Core.Diagnostics.SourceLocation;
using RoleGen.Core.Workspace;

namespace RoleGen.Core.Analysis;

/// <summary>
/// Picks the SDK calls out of the calls reachable code makes: those whose receiver (an instance, or a type for
/// static helpers) is a client type of the mapping table, by full name where the SDK binds and by simple name
/// where it does not. Their arguments are resolved to values. A call on an object that an SDK call made
/// (<c>table.PutItemAsync</c> after <c>var table = Table.LoadTable(client, "Orders")</c>) remembers that call as its
/// <see cref="SdkCall.Receiver"/>; the mapping table's <c>returns</c> entries also type such receivers when the SDK does not bind.
/// </summary>
public sealed partial class SdkCallFinder(ProjectCompilation project, SdkClientTypes clients, ValueResolver values, ImplementationIndex types)
{
    public ImmutableArray<SdkCall> Find(ReachableCode code)
    {
        var calls = ImmutableArray.CreateBuilder<SdkCall>();
        var seen = new HashSet<InvocationExpressionSyntax>();
        foreach (var external in code.ExternalCalls)
        {
            if (!seen.Add(external.Invocation)) continue;
            if (ToSdkCall(external.Invocation) is { } call) calls.Add(call);
            else if (IntoAwsDependentPackage(external.Invocation) is { } wrapped) calls.Add(wrapped);
            else calls.AddRange(OnEachPossibleClient(external.Invocation));
        }
        calls.AddRange(EndpointStrings(code));
        return calls.ToImmutable();
    }

    /// <summary>
    /// Strings in reached code (and the initializers of the types it runs) that hold an endpoint of sdk-clients.yaml
    /// <c>endpoints</c> (<c>http://localhost:2773</c>): AWS calls over HTTP that no SDK call shows, reported as library calls.
    /// </summary>
    private IEnumerable<SdkCall> EndpointStrings(ReachableCode code)
    {
        // Most projects hold no such string: only the files that do are read token by token.
        var endpoints = clients.OtherClients.Endpoints.Keys.Where(e => project.TreesContaining(e).Count > 0).ToList();
        if (endpoints.Count == 0) yield break;
        var files = endpoints.SelectMany(project.TreesContaining).ToHashSet();
        var types = code.Members.Select(m => m.ContainingType).OfType<INamedTypeSymbol>().Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var syntax = code.Members.Concat(types.SelectMany(t => t.GetMembers().Where(m => m is IFieldSymbol or IPropertySymbol)))
            .SelectMany(m => m.DeclaringSyntaxReferences).Where(r => files.Contains(r.SyntaxTree)).Select(r => r.GetSyntax()).Distinct();
        var seen = new HashSet<SyntaxToken>();
        foreach (var token in syntax.SelectMany(node => node.DescendantTokens()))
        {
            if (!token.IsKind(SyntaxKind.StringLiteralToken) && !token.IsKind(SyntaxKind.InterpolatedStringTextToken)) continue;
            foreach (var endpoint in endpoints.Where(e => token.ValueText.Contains(e, StringComparison.OrdinalIgnoreCase)))
                if (seen.Add(token))
                    yield return new SdkCall(Mappings.SdkClientNaming.LibraryClient, endpoint, [], [], values.Location(token.Parent!), $"\"{token.ValueText}\"");
        }
    }

    /// <summary>
    /// A call into a restored package that depends on the AWS SDK and that the table does not know (a team's own
    /// storage library): the AWS calls it makes are not visible, so it is reported, never taken for no permission.
    /// </summary>
    private SdkCall? IntoAwsDependentPackage(InvocationExpressionSyntax invocation)
    {
        if (project.AwsDependentAssemblies.IsEmpty) return null;
        var model = project.Model(invocation.SyntaxTree);
        if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol { ContainingAssembly.Name: var assembly } method ||
            !project.AwsDependentAssemblies.TryGetValue(assembly, out var package) || clients.OtherClients.IsKnownPackage(package))
            return null;
        var name = (method.ReducedFrom ?? method).ContainingType.Name + "." + method.Name;
        return new SdkCall(Mappings.SdkClientNaming.PackageClient, package, [], [], values.Location(invocation), name);
    }

    /// <summary>
    /// The <c>libraries</c> entry a call is, by its method name (<c>AddSystemsManager</c>) or by the name of the type it is
    /// called on and its method name (<c>Signer.SignAsync</c>), for names too common to stand alone.
    /// </summary>
    private string? LibraryMethod(ExpressionSyntax receiver, string method)
    {
        var libraries = clients.OtherClients.Libraries;
        if (libraries.Count == 0) return null;
        if (libraries.ContainsKey(method)) return method;
        var owner = receiver switch
        {
            IdentifierNameSyntax id => id.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };
        return owner is not null && libraries.ContainsKey(owner + "." + method) ? owner + "." + method : null;
    }

    /// <summary>How many creating calls are followed back (batch -> table -> LoadTable, or a context builder chain); deeper chains stay unknown.</summary>
    private const int MaxOriginDepth = 8;

    /// <param name="assumed">The object the receiver is taken to be, when it can be one of several (<see cref="OnEachPossibleClient"/>).</param>
    private SdkCall? ToSdkCall(InvocationExpressionSyntax invocation, int depth = 0, Made? assumed = null)
    {
        var (receiver, name) = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => (access.Expression, access.Name),
            MemberBindingExpressionSyntax binding when invocation.Parent is ConditionalAccessExpressionSyntax conditional => (conditional.Expression, binding.Name),
            SimpleNameSyntax inherited when assumed is null => ((ExpressionSyntax?)null, inherited),
            _ => ((ExpressionSyntax?)null, (SimpleNameSyntax?)null),
        };
        if (name is null) return null;
        var model = project.Model(invocation.SyntaxTree);
        // SaveAsync(item) inside a class deriving from a client (Storage<T> : DynamoDBContext): a call on the object itself.
        if (receiver is null) return InheritedClientType(model, invocation, name) is { } own ? Call(model, invocation, name, null, own, null) : null;
        if (depth == 0 && LibraryMethod(receiver, name.Identifier.ValueText) is { } library)
            return new SdkCall(Mappings.SdkClientNaming.LibraryClient, library, [], [], values.Location(name), library);
        var clientType = ReceiverType(model, receiver);
        var origin = assumed ?? (depth < MaxOriginDepth && (clientType is null || clients.IsReturned(clientType.Value.Name))
            ? Origin(model, receiver, depth)
            : null);
        if (clientType is null && origin is not null) clientType = (origin.Type, null);
        if (clientType is null && clients.OtherClients.ByMethodName.TryGetValue(name.Identifier.ValueText, out var byName) && TypeUnseen(model, receiver))
            clientType = (byName, null);
        if (clientType is null) return null;
        return Call(model, invocation, name, receiver, clientType.Value, origin);
    }

    /// <param name="receiver">The call's receiver; null for a method the calling type inherits from a client.</param>
    private SdkCall Call(SemanticModel model, InvocationExpressionSyntax invocation, SimpleNameSyntax name, ExpressionSyntax? receiver, (string Name, string? Namespace) clientType, Made? origin)
    {
        var method = name.Identifier.ValueText;
        var operation = method.EndsWith("Async", StringComparison.Ordinal) && method.Length > 5 ? method[..^5] : method;
        var location = values.Location(name);
        var symbol = model.GetSymbolInfo(invocation).Symbol as IMethodSymbol;
        var arguments = invocation.ArgumentList.Arguments
            .Where(a => !IsCancellationToken(model, a.Expression))
            .Select(a => new SdkArgument(a.NameColon?.Name.Identifier.ValueText, values.Resolve(a.Expression)))
            .ToImmutableArray();
        var typeArguments = TypeArguments(model, invocation, name).Select(ToTypeValue).Select(t => values.TableMapping(t) is { } mapped ? t with { MappedTable = mapped.Table, AlwaysMapped = mapped.Always } : t).ToImmutableArray();
        var setElsewhere = origin?.Call is null ? SetElsewhere(clientType.Name) : ImmutableDictionary<string, SourceLocation>.Empty;
        // A handed-in object whose values matter (carried values code sets, or that an SDK object keeps at all): its maker as a value.
        var maker = origin?.Call ?? (receiver is not null && (!setElsewhere.IsEmpty || clients.IsReturned(clientType.Name)) ? HandedInMaker(model, receiver) : null);
        return new SdkCall(clientType.Name, operation, arguments, typeArguments, location, $"{clientType.Name}.{method}")
        {
            Region = receiver is null ? null : ClientRegion(model, receiver),
            Credentials = receiver is null || !values.ProjectMayGiveClientsCredentials ? null : CredentialsOfReceiver(model, receiver),
            Receiver = maker,
            CarriedSetElsewhere = maker is null ? setElsewhere : ImmutableDictionary<string, SourceLocation>.Empty,
            Settings = Settings,
        };
    }

    private ImmutableDictionary<string, Value>? _settings;

    /// <summary>The SDK-wide settings reachable code assigns (see <see cref="SdkCall.Settings"/>), found once per walk.</summary>
    private ImmutableDictionary<string, Value> Settings => _settings ??= clients.Settings
        .Select(setting => (setting, Value: values.AssignedToStatic(setting)))
        .Where(s => s.Value is not null)
        .ToImmutableDictionary(s => s.setting, s => s.Value!, StringComparer.Ordinal);

    /// <summary>
    /// The client type a receiver-less call runs on: the enclosing type's, when it derives from a client and the
    /// method is that client's (resolved), or is named like an operation of the table (the SDK not restored).
    /// </summary>
    private (string Name, string? Namespace)? InheritedClientType(SemanticModel model, InvocationExpressionSyntax invocation, SimpleNameSyntax name)
    {
        if (invocation.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } declaration || model.GetDeclaredSymbol(declaration) is not { } enclosing) return null;
        var client = SelfAndBases(enclosing).Skip(1)
            .Select(t => (t.Name, Namespace: t is IErrorTypeSymbol ? null : t.ContainingNamespace?.ToDisplayString()))
            .FirstOrDefault(t => clients.IsClient(t.Name, t.Namespace));
        if (client.Name is null) return null;
        return model.GetSymbolInfo(invocation).Symbol is IMethodSymbol resolved
            ? SelfAndBases(resolved.ContainingType).Any(t => t.Name == client.Name) ? client : null
            : clients.OperationNames?.Contains(name.Identifier.ValueText) == true ? client : null;
    }

    /// <summary>The optional carried values of <paramref name="clientType"/> that some code of the project sets (see <see cref="SdkCall.CarriedSetElsewhere"/>).</summary>
    private ImmutableDictionary<string, SourceLocation> SetElsewhere(string clientType)
    {
        var result = ImmutableDictionary.CreateBuilder<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var name in clients.OptionalCarriedOf(clientType))
            if (values.FirstAssignmentTo(name) is { } at) result[name] = at;
        return result.ToImmutable();
    }

    /// <summary>
    /// The constructor call that made a handed-in object (a parameter, a field set from one, a service the container
    /// gives: a DynamoDBContext a container builds with a registered DynamoDBContextConfig, an API Gateway Management API
    /// client made by the caller for its endpoint), followed as a value, once per receiver: <c>new DynamoDBContext(client,
    /// config)</c> with the values the caller, container or factory gives it.
    /// </summary>
    private SdkCall? HandedInMaker(SemanticModel model, ExpressionSyntax receiver) =>
        HandedIn(model, receiver) is (_, ObjectValue made) && clients.Returns(made.TypeName, Constructor) is not null
            ? new SdkCall(made.TypeName, Constructor, [.. made.Arguments.Select(a => new SdkArgument(null, a))], values.Location(Unwrap(receiver)), $"new {made.TypeName}") { Settings = Settings }
            : null;

    /// <summary>The constructor name operations use: <c>new</c> (<c>new DynamoDBContext(client, config)</c>).</summary>
    public const string Constructor = "new";

    /// <summary>
    /// A constructor of a client type as the SDK call <c>new</c>, so that the mapping table can say what the object
    /// keeps from its arguments (<c>returns</c>, <c>carries</c>). Only followed as the maker of a receiver.
    /// </summary>
    private SdkCall? FromConstructor(SemanticModel model, BaseObjectCreationExpressionSyntax creation)
    {
        var type = model.GetTypeInfo(creation).Type;
        var name = type is { Name.Length: > 0 } ? type.Name : (creation as ObjectCreationExpressionSyntax)?.Type switch
        {
            QualifiedNameSyntax q => q.Right.Identifier.ValueText,
            SimpleNameSyntax n => n.Identifier.ValueText,
            _ => null,
        };
        var ns = type is null or IErrorTypeSymbol ? null : type.ContainingNamespace?.ToDisplayString();
        if (name is null || !clients.Matches(name, ns) || creation.ArgumentList is not { } list) return null;
        var arguments = list.Arguments
            .Select(a => new SdkArgument(a.NameColon?.Name.Identifier.ValueText, values.Resolve(a.Expression)))
            .ToImmutableArray();
        return new SdkCall(name, Constructor, arguments, values.Location(creation), $"new {name}") { Settings = Settings };
    }


    private (string Name, string? Namespace)? ReceiverType(SemanticModel model, ExpressionSyntax receiver)
    {
        var type = model.TypeOf(receiver) ?? model.GetSymbolInfo(receiver).Symbol as ITypeSymbol;
        // Roslyn gives an unresolved name a nameless error type rather than none.
        if (type is IErrorTypeSymbol { Name.Length: 0 }) type = null;
        if (type is null or IErrorTypeSymbol && GenericCallTypes.ContainerService(model, receiver) is { } service) type = service;
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
            if (clients.IsClient(candidate.Name, resolvedNamespace)) return (candidate.Name, resolvedNamespace);
        }
        return null;
    }

    /// <summary>True when the receiver's type cannot be seen (its library is not restored), as opposed to a type RoleGen knows is no client.</summary>
    private static bool TypeUnseen(SemanticModel model, ExpressionSyntax receiver) =>
        model.TypeOf(receiver) is null or IErrorTypeSymbol;

    private static IEnumerable<ITypeSymbol> SelfAndBases(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType) yield return current;
        foreach (var implemented in type.AllInterfaces) yield return implemented;
    }

    private static bool IsCancellationToken(SemanticModel model, ExpressionSyntax expression) =>
        model.GetTypeInfo(expression).Type?.Name == "CancellationToken" ||
        expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "None", Expression: IdentifierNameSyntax { Identifier.ValueText: "CancellationToken" } };
}
