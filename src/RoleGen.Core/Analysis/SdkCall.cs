using System.Collections.Immutable;
using RoleGen.Core.Analysis.Values;
using RoleGen.Core.Diagnostics;

namespace RoleGen.Core.Analysis;

/// <summary>An argument of an SDK call: its name when given as a named argument, and its value.</summary>
public sealed record SdkArgument(string? Name, Value Value);

/// <summary>
/// One call on an AWS SDK client or high-level API in code the handler can reach.
/// ClientType is the simple type name of the receiver as the mapping table names it (IAmazonS3,
/// DynamoDBContext...); Method is the method name with any Async suffix removed.
/// </summary>
public sealed record SdkCall(
    string ClientType,
    string Method,
    ImmutableArray<SdkArgument> Arguments,
    ImmutableArray<TypeValue> TypeArguments,
    SourceLocation Location,
    string Display)
{
    /// <summary>
    /// The SDK call that made the receiver object, when the code shows it (<c>Table.LoadTable(client, "Orders")</c> for
    /// <c>table.PutItemAsync(doc)</c>): the mapping table reads the receiver's resource from it (request paths <c>^X</c>).
    /// </summary>
    public SdkCall? Receiver { get; init; }

    /// <summary>
    /// When the receiver's maker is not seen (injected, passed in): the optional carried values (<c>^Name?</c>) that
    /// code of the project sets somewhere (an assignment to, or initializer of, a member <c>Name</c>), with where.
    /// Such a value is then unknown rather than not set (the object may well have been given it).
    /// </summary>
    public ImmutableDictionary<string, SourceLocation> CarriedSetElsewhere { get; init; } = ImmutableDictionary<string, SourceLocation>.Empty;

    /// <summary>
    /// The region the client was built for, when its construction pins one (<c>new AmazonS3Client(RegionEndpoint.USEast1)</c>,
    /// <c>RegionEndpoint.GetBySystemName(Environment.GetEnvironmentVariable("DATA_REGION"))</c>): the call's ARNs are in
    /// that region, not the stack's.
    /// </summary>
    public Value? Region { get; init; }

    /// <summary>
    /// What the client signs the call with when it is not the function's role (access keys, a profile, an assumed role's
    /// credentials), as a description; null for the function's role. AWS authorizes such a call with those credentials.
    /// </summary>
    public string? Credentials { get; init; }

    /// <summary>
    /// The SDK-wide settings (mapping paths <c>$Type.Member</c>) that reachable code assigns, with the values assigned:
    /// <c>AWSConfigsDynamoDB.Context.TableNamePrefix</c>, the prefix every DynamoDBContextConfig starts with. A setting
    /// no code assigns is absent (not set).
    /// </summary>
    public ImmutableDictionary<string, Value> Settings { get; init; } = ImmutableDictionary<string, Value>.Empty;

    public SdkCall(string clientType, string method, ImmutableArray<SdkArgument> arguments, SourceLocation location, string display)
        : this(clientType, method, arguments, [], location, display) { }
}
