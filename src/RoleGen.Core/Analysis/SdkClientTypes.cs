using System.Collections.Immutable;

namespace RoleGen.Core.Analysis;

/// <summary>
/// The .NET types whose method calls are SDK calls (from the mapping table): simple type name to namespace.
/// Types resolve by full name where the SDK is referenced, and by simple name where it is not.
/// <see cref="ReturnsByMember"/> ("Table.LoadTable" -> "Table", "IAmazonS3.Paginators" -> "IS3PaginatorFactory")
/// says which members hand out another client type, so that the receiver of a later call can be typed (and its
/// creating call remembered) even when the SDK is not referenced and <c>var table = Table.LoadTable(...)</c> does not bind.
/// </summary>
/// <see cref="MadeTypes"/> are the client types such members hand out, with the other types of their group
/// (<c>TransactWrite</c> returned, <c>ITransactWrite</c> what the SDK's signature says).
public sealed record SdkClientTypes(
    ImmutableDictionary<string, string> NamespaceByType,
    ImmutableDictionary<string, string>? ReturnsByMember = null,
    ImmutableHashSet<string>? MadeTypes = null,
    ImmutableDictionary<string, ImmutableArray<string>>? OptionalCarried = null)
{
    /// <summary>The client types, made types, carried values and operation names of a mapping table.</summary>
    public static SdkClientTypes Of(Mappings.MappingTable table) =>
        new(table.ClientsByType.ToImmutableDictionary(p => p.Key, p => p.Value.Namespace), table.ReturnsByMember, table.MadeTypes, table.OptionalCarried)
        {
            OtherClients = table.OtherClients,
            ResultsByMember = table.ResultsByMember,
            StoredByMember = table.StoredByMember,
            ConstructorsByType = table.ConstructorsByType,
            RequestAdders = table.AddersByRequest,
            Settings = table.Settings,
            InjectsByType = table.InjectsByType,
            OperationNames = table.ClientsByType.Values.SelectMany(c => c.Operations.Keys)
                .SelectMany(method => new[] { method, method + "Async" })
                .Concat(table.OtherClients.Libraries.Keys.Select(key => key[(key.LastIndexOf('.') + 1)..]))
                .ToImmutableHashSet(StringComparer.Ordinal),
        };

    /// <summary>"Method.Property" -> what a response property stands for (mapping <c>results</c>: GetQueueUrl's QueueUrl names the QueueName asked for).</summary>
    public ImmutableDictionary<string, Mappings.ResultPath> ResultsByMember { get; init; } = ImmutableDictionary<string, Mappings.ResultPath>.Empty;

    /// <summary>"Method.Response.Path" -> the stored item a response path holds (mapping <c>stored</c>: GetParameter's Parameter.Value).</summary>
    public ImmutableDictionary<string, Mappings.StoredPath> StoredByMember { get; init; } = ImmutableDictionary<string, Mappings.StoredPath>.Empty;

    /// <summary>SDK helper type -> the properties its positional constructor's arguments set (mapping <c>constructors</c>: <c>new TableConfig(name)</c>).</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> ConstructorsByType { get; init; } = ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    /// <summary>Request type -> its methods that add collection items (mapping <c>adders</c>: <c>DeleteObjectsRequest.AddKey</c>), with the item path each argument sets.</summary>
    public ImmutableDictionary<string, ImmutableDictionary<string, ImmutableArray<string>>> RequestAdders { get; init; } =
        ImmutableDictionary<string, ImmutableDictionary<string, ImmutableArray<string>>>.Empty;

    /// <summary>Client type -> the service types a DI container builds it with (mapping <c>injects</c> of its <c>new</c>).</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> InjectsByType { get; init; } = ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    /// <summary>The SDK-wide settings the table reads (<c>AWSConfigsDynamoDB.Context.TableNamePrefix</c>): static members code may assign.</summary>
    public ImmutableArray<string> Settings { get; init; } = [];

    /// <summary>The method names of the table's operations, with and without <c>Async</c>: a call so named may be an SDK call whatever its receiver.</summary>
    public ImmutableHashSet<string>? OperationNames { get; init; }

    /// <summary>The optional carried values (<c>^Name?</c>) calls on <paramref name="clientType"/> read.</summary>
    public ImmutableArray<string> OptionalCarriedOf(string clientType) =>
        OptionalCarried?.GetValueOrDefault(clientType) is { IsDefault: false } names ? names : [];

    public bool Matches(string simpleName, string? resolvedNamespace) =>
        NamespaceByType.TryGetValue(simpleName, out var ns) && (resolvedNamespace is null || resolvedNamespace == ns);

    /// <summary>Clients of services the table does not map: calls on them are found so that they can be reported.</summary>
    public Mappings.SdkClientNaming OtherClients { get; init; } = Mappings.SdkClientNaming.None;

    /// <summary>A client of the table, or of a service it does not map.</summary>
    public bool IsClient(string simpleName, string? resolvedNamespace) =>
        Matches(simpleName, resolvedNamespace) || (!NamespaceByType.ContainsKey(simpleName) && OtherClients.Matches(simpleName, resolvedNamespace));

    /// <summary>The client type that <paramref name="member"/> (a method without Async, or a property) of <paramref name="clientType"/> returns.</summary>
    public string? Returns(string clientType, string member) => ReturnsByMember?.GetValueOrDefault(clientType + "." + member);

    /// <summary>True for client types that some member hands out: calls on them may need the call that made them.</summary>
    public bool IsReturned(string clientType) => MadeTypes?.Contains(clientType) == true;
}
