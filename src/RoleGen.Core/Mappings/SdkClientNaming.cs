using System.Collections.Immutable;
using System.Text.RegularExpressions;
using RoleGen.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace RoleGen.Core.Mappings;

/// <summary>
/// mappings/sdk-clients.yaml, what holds for the SDK as a whole rather than one service: how service clients are named
/// (so that calls on clients of services the table does not map are reported rather than silently granted nothing),
/// which library methods call AWS themselves, and how RegionEndpoint fields name their regions.
/// </summary>
public sealed record SdkClientNaming(string Namespace, ImmutableArray<string> Names, ImmutableHashSet<string> Except)
{
    /// <summary>Library methods that call AWS themselves (<c>AddSystemsManager</c>), by name, with what they do.</summary>
    public ImmutableDictionary<string, string> Libraries { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// Text that a string in code holds when it calls AWS over HTTP without the SDK (<c>localhost:2773</c>, the Parameters
    /// and Secrets Lambda Extension), with what it does: reported like <see cref="Libraries"/>.
    /// </summary>
    public ImmutableDictionary<string, string> Endpoints { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// Methods of mapped library types recognised by name when their receiver's type cannot be seen (a lambda parameter
    /// of a library that is not restored: <c>Idempotency.Configure(b => b.UseDynamoDb(table))</c>): method to type.
    /// </summary>
    public ImmutableDictionary<string, string> ByMethodName { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// Library methods that run the project's handlers of their argument's type (MediatR's <c>Send</c> runs the
    /// <c>IRequestHandler&lt;TRequest, ...&gt;</c> for the request's type): method to the handlers' interface.
    /// </summary>
    public ImmutableDictionary<string, string> Dispatchers { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>RegionEndpoint fields whose region is not their name's words in lower case (USGovCloudWest1 is us-gov-west-1).</summary>
    public ImmutableDictionary<string, string> RegionEndpoints { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The region of a RegionEndpoint field: USEast1 is us-east-1, APSoutheast2 ap-southeast-2, unless listed.</summary>
    public string RegionOf(string field) =>
        RegionEndpoints.TryGetValue(field, out var region)
            ? region
            : string.Join("-", Regex.Matches(field, "[A-Z][a-z]+|[A-Z]+(?![a-z])|[0-9]+").Select(m => m.Value.ToLowerInvariant()));

    /// <summary>The IAM prefix of services whose client is not mapped, by the service's name in its client's (Rekognition: rekognition).</summary>
    public ImmutableDictionary<string, string> IamPrefixes { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Stands for a service whose IAM prefix is not known.</summary>
    public const string AnyService = "*";

    /// <summary>The IAM prefix of a client's service (<c>IAmazonApiGatewayManagementApi</c>: execute-api); null when not listed.</summary>
    public string? IamPrefixOf(string clientType)
    {
        var service = clientType.StartsWith("IAmazon", StringComparison.Ordinal) ? clientType["IAmazon".Length..]
            : clientType.StartsWith("Amazon", StringComparison.Ordinal) && clientType.EndsWith("Client", StringComparison.Ordinal) ? clientType["Amazon".Length..^"Client".Length]
            : clientType;
        return IamPrefixes.GetValueOrDefault(service);
    }

    /// <summary>The client type of the calls to <see cref="Libraries"/> (not a type: no mapping file can claim it).</summary>
    public const string LibraryClient = "<library>";

    /// <summary>The client type of calls into restored packages that depend on the AWS SDK and are not <see cref="KnownPackages"/>.</summary>
    public const string PackageClient = "<package>";

    /// <summary>
    /// Package ids (patterns, * for any text) whose AWS calls RoleGen maps or reports itself, or that make none with the
    /// function's role: a call into another package that depends on the AWS SDK is reported.
    /// </summary>
    public ImmutableArray<string> KnownPackages { get; init; } = [];

    public bool IsKnownPackage(string id) =>
        KnownPackages.Any(p => Regex.IsMatch(id, "^" + Regex.Escape(p).Replace(@"\*", ".*") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));

    public const string FileName = "sdk-clients.yaml";

    /// <summary>Matches nothing: for tables loaded without the file.</summary>
    public static readonly SdkClientNaming None = new("", [], []);

    private Regex? Pattern { get; } = Names.IsEmpty
        ? null
        : new Regex("^(?:" + string.Join("|", Names.Select(n => Regex.Escape(n).Replace(@"\*", "[A-Za-z0-9_]+"))) + ")$", RegexOptions.CultureInvariant);

    // Checked before the pattern: the analysis asks about every identifier of a project.
    private ImmutableArray<string> Prefixes { get; } = Names.Select(n => n.Split('*')[0]).Distinct().ToImmutableArray();

    /// <summary>
    /// True when <paramref name="simpleName"/> names an SDK service client: by name alone when the type did not resolve
    /// (<paramref name="resolvedNamespace"/> null), else only in the SDK's namespace or one below it.
    /// </summary>
    public bool Matches(string simpleName, string? resolvedNamespace) =>
        Pattern is not null && Prefixes.Any(p => simpleName.StartsWith(p, StringComparison.Ordinal)) &&
        !Except.Contains(simpleName) && Pattern.IsMatch(simpleName) &&
        (resolvedNamespace is null || resolvedNamespace == Namespace || resolvedNamespace.StartsWith(Namespace + ".", StringComparison.Ordinal));

    public static SdkClientNaming Load(string path)
    {
        var root = MappingFile.ReadRoot(path, "namespace, names, except, libraries, byMethodName, dispatchers, regionEndpoints, knownPackages, iamPrefixes");
        var display = "mappings/" + Path.GetFileName(path);
        string Scalar(string key) => root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { Length: > 0 } value }
            ? value
            : throw new RoleGenInputException($"{display}:{root.Start.Line}: '{key}' must be a non-empty text");
        ImmutableArray<string> List(string key) => root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode items
            ? items.Children.Select(i => (i as YamlScalarNode)?.Value ?? throw new RoleGenInputException($"{display}:{i.Start.Line}: '{key}' must list type names")).ToImmutableArray()
            : throw new RoleGenInputException($"{display}:{root.Start.Line}: '{key}' must be a list");
        var names = List("names");
        if (names.FirstOrDefault(n => !Regex.IsMatch(n, @"^[A-Za-z0-9_*]+$")) is { } bad)
            throw new RoleGenInputException($"{display}: name pattern '{bad}' may hold only letters, digits, _ and *");
        ImmutableDictionary<string, string> Texts(string key) => root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlMappingNode entries
            ? entries.Children.ToImmutableDictionary(e => ((YamlScalarNode)e.Key).Value!, e => (e.Value as YamlScalarNode)?.Value ?? "", StringComparer.Ordinal)
            : ImmutableDictionary<string, string>.Empty;
        return new SdkClientNaming(Scalar("namespace"), names, List("except").ToImmutableHashSet(StringComparer.Ordinal))
        {
            Libraries = Texts("libraries"), Endpoints = Texts("endpoints"), ByMethodName = Texts("byMethodName"), Dispatchers = Texts("dispatchers"), RegionEndpoints = Texts("regionEndpoints"), IamPrefixes = Texts("iamPrefixes"),
            KnownPackages = root.Children.ContainsKey(new YamlScalarNode("knownPackages")) ? List("knownPackages") : [],
        };
    }
}
