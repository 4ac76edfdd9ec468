using System.Collections.Immutable;

namespace RoleGen.Core.Mappings;

/// <summary>The whole mapping table: one <see cref="ServiceMapping"/> per mappings/&lt;service&gt;.yaml.</summary>
public sealed record MappingTable(ImmutableArray<ServiceMapping> Services, IamCatalog Catalog)
{
    /// <summary>How SDK clients are named: calls on clients of services no file maps are reported (RG1001).</summary>
    public SdkClientNaming OtherClients { get; init; } = SdkClientNaming.None;

    /// <summary>Every client type name (simple name) the table knows, with the client mapping that declares it.</summary>
    public ImmutableDictionary<string, ClientMapping> ClientsByType { get; } =
        Services.SelectMany(s => s.Clients).SelectMany(c => c.Types.Select(t => (t, c)))
            .GroupBy(p => p.t, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.First().c, StringComparer.Ordinal);

    public ServiceMapping? ServiceOf(ClientMapping client) => Services.FirstOrDefault(s => s.Clients.Contains(client));

    /// <summary>The operation an SDK call on <paramref name="clientType"/> maps to, or null.</summary>
    public OperationMapping? Operation(string clientType, string method) =>
        ClientsByType.TryGetValue(clientType, out var client) && client.Operations.TryGetValue(method, out var op) ? op : null;

    /// <summary>"ClientType.Member" -> returned client type, for every operation with <c>returns</c> (the analysis types receivers with it).</summary>
    public ImmutableDictionary<string, string> ReturnsByMember { get; } =
        Services.SelectMany(s => s.Clients)
            .SelectMany(c => c.Types.SelectMany(t => c.Operations.Values.Where(o => o.Returns is not null).Select(o => (Key: t + "." + o.Method, Type: o.Returns!))))
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.First().Type, StringComparer.Ordinal);

    /// <summary>"Method.Property" -> the first positional parameter or request path it stands for, for every operation with <c>results</c>.</summary>
    public ImmutableDictionary<string, ResultPath> ResultsByMember { get; } =
        Services.SelectMany(s => s.Clients).SelectMany(c => c.Operations.Values)
            .SelectMany(o => o.Results.Select(r => (Key: o.Method + "." + r.Key, Path: new ResultPath(r.Value, o.Signatures.FirstOrDefault(sig => sig.Length > 0 && Signature.Parameter(sig[0]) == r.Value) is { IsDefault: false } ? 0 : -1))))
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.First().Path, StringComparer.Ordinal);

    /// <summary>Helper type -> the properties its positional constructor's arguments set (every file's <c>constructors</c>).</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> ConstructorsByType { get; } =
        Services.SelectMany(s => s.Constructors)
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    /// <summary>"Method.Response.Path" -> the request path naming the stored item the path holds, for every operation with <c>stored</c>.</summary>
    public ImmutableDictionary<string, StoredPath> StoredByMember { get; } =
        Services.SelectMany(s => s.Clients.SelectMany(c => c.Operations.Values).Select(o => (s.Service, Operation: o)))
            .SelectMany(p => p.Operation.Stored.Select(r => (Key: p.Operation.Method + "." + r.Key,
                Path: new StoredPath(r.Value, p.Operation.Signatures.FirstOrDefault(sig => sig.Length > 0 && Signature.Parameter(sig[0]) == r.Value) is { IsDefault: false } ? 0 : -1, p.Service))))
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.First().Path, StringComparer.Ordinal);

    /// <summary>Request type -> its methods that add items to a collection (mapping <c>adders</c>), with the item path each argument sets.</summary>
    public ImmutableDictionary<string, ImmutableDictionary<string, ImmutableArray<string>>> AddersByRequest { get; } =
        Services.SelectMany(s => s.Clients).SelectMany(c => c.Operations.Values)
            .Where(o => o.Request is not null && !o.Adders.IsEmpty)
            .GroupBy(o => o.Request!, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.First().Adders, StringComparer.Ordinal);

    /// <summary>The SDK-wide settings (<c>$AWSConfigsDynamoDB.Context.TableNamePrefix</c>, without the <c>$</c>) some bind or carries path reads.</summary>
    public ImmutableArray<string> Settings { get; } =
        Services.SelectMany(s => s.Clients).SelectMany(c => c.Operations.Values)
            .SelectMany(o => o.Grants.SelectMany(g => g.Bind.Values).Concat(o.Carries.Values))
            .SelectMany(RequestPath.Singles)
            .Where(RequestPath.IsSetting)
            .Select(p => p[1..])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToImmutableArray();

    /// <summary>Client type -> the service types a DI container builds it with (its constructor's <c>injects</c>).</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> InjectsByType { get; } =
        Services.SelectMany(s => s.Clients)
            .SelectMany(c => c.Operations.Values.Where(o => o.Method == "new" && !o.Injects.IsEmpty).SelectMany(o => c.Types.Select(t => (Type: t, o.Injects))))
            .GroupBy(p => p.Type, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.First().Injects, StringComparer.Ordinal);

    /// <summary>Every type of a client group that lists a type some operation <c>returns</c>: objects that SDK calls make.</summary>
    public ImmutableHashSet<string> MadeTypes { get; } =
        Services.SelectMany(s => s.Clients)
            .Where(c => c.Types.Any(t => Services.SelectMany(s => s.Clients).SelectMany(x => x.Operations.Values).Any(o => o.Returns == t)))
            .SelectMany(c => c.Types)
            .ToImmutableHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Client type -> the optional carried values (<c>^Name?</c>) its operations read (<c>DynamoDBContext</c> ->
    /// <c>TableNamePrefix</c>): when the object's maker is not seen, the analysis looks for code that sets them.
    /// </summary>
    public ImmutableDictionary<string, ImmutableArray<string>> OptionalCarried { get; } =
        Services.SelectMany(s => s.Clients)
            .SelectMany(c => c.Types.Select(t => (Type: t, Names: c.Operations.Values
                .SelectMany(o => o.Grants.SelectMany(g => g.Bind.Values).Concat(o.Carries.Values))
                .SelectMany(RequestPath.Singles)
                .Where(p => RequestPath.IsCarried(p) && p.EndsWith('?'))
                .Select(RequestPath.CarriedName)
                .Distinct(StringComparer.Ordinal)
                .ToImmutableArray())))
            .Where(p => !p.Names.IsEmpty)
            .GroupBy(p => p.Type, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.First().Names, StringComparer.Ordinal);
}

/// <summary>One service file: its IAM prefix, default placeholder bindings, value kinds and the clients it maps.</summary>
public sealed record ServiceMapping(
    string Service,
    string File,
    ImmutableDictionary<string, string> Bind,
    ImmutableDictionary<string, string> Kinds,
    ImmutableArray<ClientMapping> Clients)
{
    /// <summary>
    /// Helper types of the SDK (not requests) built with positional constructors, with the property each argument sets in
    /// order: <c>new TableConfig("Orders")</c> is a TableConfig whose TableName is "Orders" (file key <c>constructors</c>).
    /// </summary>
    public ImmutableDictionary<string, ImmutableArray<string>> Constructors { get; init; } = ImmutableDictionary<string, ImmutableArray<string>>.Empty;
}

/// <summary>A group of .NET types that expose the same operations (IAmazonS3 and AmazonS3Client).</summary>
public sealed record ClientMapping(
    string Namespace,
    ImmutableArray<string> Types,
    ImmutableDictionary<string, OperationMapping> Operations);

/// <summary>
/// One SDK method (name without the Async suffix). Signatures list the positional convenience overloads:
/// each is the ordered list of request property names its arguments set.
/// </summary>
public sealed record OperationMapping(
    string Method,
    string? Request,
    ImmutableArray<ImmutableArray<string>> Signatures,
    ImmutableArray<GrantRule> Grants,
    string? Note,
    int Line)
{
    /// <summary>
    /// The client type of the object this method (or SDK property) returns, when that object's own methods are
    /// SDK calls (<c>Table.LoadTable</c> returns <c>Table</c>; <c>Paginators</c> returns <c>IS3PaginatorFactory</c>).
    /// </summary>
    public string? Returns { get; init; }

    /// <summary>
    /// What the returned object remembers from this call, as request paths of this call: <c>TableName: TableName</c>
    /// for <c>LoadTable</c>, <c>TableName: "@entity"</c> for <c>GetTargetTable&lt;T&gt;</c>. Calls on the object read them as <c>^TableName</c>.
    /// </summary>
    public ImmutableDictionary<string, string> Carries { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// What properties of the response stand for, as request paths of this call: <c>QueueUrl: QueueName</c> for
    /// <c>GetQueueUrl</c> (its URL names the queue it was asked for), so that a later call given the response's
    /// <c>QueueUrl</c> is granted on that queue.
    /// </summary>
    public ImmutableDictionary<string, string> Results { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// Methods of the request type that add an item to one of its collections, with the item path each argument
    /// sets, in order: <c>AddKey: [Objects[].Key, Objects[].VersionId]</c> for <c>DeleteObjectsRequest.AddKey(key, version)</c>.
    /// </summary>
    public ImmutableDictionary<string, ImmutableArray<string>> Adders { get; init; } = ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    /// <summary>
    /// For the constructor (<c>new</c>): the service types a DI container fills its parameters with, in the order of the
    /// signature of that length (<c>[IAmazonDynamoDB, DynamoDBContextConfig]</c>), when the container builds the object
    /// (<c>AddSingleton&lt;IDynamoDBContext, DynamoDBContext&gt;()</c>); a type not registered is left out, as the
    /// container picks the longest constructor it can fill.
    /// </summary>
    public ImmutableArray<string> Injects { get; init; } = [];

    /// <summary>
    /// Calls (<c>Type.Method</c>, mapped operations) of which the function must reach at least one for this operation's
    /// grants to count: a registration that only names a resource (<c>AddSQSPublisher&lt;T&gt;(queueUrl)</c>) lets the function
    /// act on it only where it also publishes (<c>IMessagePublisher.Publish</c>). Empty: the call alone needs the grants.
    /// </summary>
    public ImmutableArray<string> OnlyWith { get; init; } = [];

    /// <summary>
    /// Response paths that hold what the service stores under the name a request path gives: <c>Parameter.Value: Name</c>
    /// for GetParameter, so that a value the template writes into a parameter it declares is followed into the code that
    /// reads it back.
    /// </summary>
    public ImmutableDictionary<string, string> Stored { get; init; } = ImmutableDictionary<string, string>.Empty;
}

/// <summary>
/// One IAM action the operation needs. <see cref="On"/> is a catalogue resource type of the action's service
/// ("object"), or of another service ("kms:key"), or "*" for actions without resource types;
/// <see cref="Bind"/> overrides the service's default placeholder bindings; <see cref="If"/> and
/// <see cref="Unless"/> are tiny expressions over request properties ("VersionId", "TaggingDirective == REPLACE").
/// </summary>
public sealed record GrantRule(
    string Action,
    string On,
    ImmutableDictionary<string, string> Bind,
    string? If,
    string? Unless,
    ImmutableDictionary<string, ImmutableDictionary<string, string>>? Condition)
{
    /// <summary>Why this grant is there when that is not obvious (mappings/*.yaml grant key <c>note</c>).</summary>
    public string? Note { get; init; }

    /// <summary>
    /// For a grant on every resource of its type because the request does not name one (a placeholder bound to "*"):
    /// how code can name it instead (mappings/*.yaml grant key <c>narrow</c>; KMS Decrypt: set KeyId), the advice its finding gives.
    /// </summary>
    public string? Narrow { get; init; }

    /// <summary>1-based line of the grant in its mappings file (0 when built in code).</summary>
    public int Line { get; init; }
}

/// <summary>A response property's meaning: the request property it names, and the positional argument that sets it (-1: none).</summary>
public sealed record ResultPath(string RequestProperty, int Position);

/// <summary>A response path's stored item: the request property that names it, its positional argument (-1: none), and the service (IAM prefix).</summary>
public sealed record StoredPath(string RequestProperty, int Position, string Service);
