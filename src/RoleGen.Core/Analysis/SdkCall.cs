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
    public ClientCredentials? Credentials { get; init; }

    /// <summary>
    /// The SDK-wide settings (mapping paths <c>$Type.Member</c>) that reachable code assigns, with the values assigned:
    /// <c>AWSConfigsDynamoDB.Context.TableNamePrefix</c>, the prefix every DynamoDBContextConfig starts with. A setting
    /// no code assigns is absent (not set).
    /// </summary>
    public ImmutableDictionary<string, Value> Settings { get; init; } = ImmutableDictionary<string, Value>.Empty;

    public SdkCall(string clientType, string method, ImmutableArray<SdkArgument> arguments, SourceLocation location, string display)
        : this(clientType, method, arguments, [], location, display) { }
}

/// <summary>What a client signs its calls with when it is not the function's role.</summary>
public enum CredentialsKind { AccessKeys, Profile, AssumedRole }

/// <summary>Credentials of a client's own, and how the code gives them (for messages).</summary>
public sealed record ClientCredentials(CredentialsKind Kind, string Description)
{
    public static readonly ClientCredentials KeysPassedToConstructor = new(CredentialsKind.AccessKeys, "access keys passed to its constructor");
    public static readonly ClientCredentials AssumeRoleResponse = new(CredentialsKind.AssumedRole, "an assumed role's credentials (an AssumeRole response's Credentials)");
    public static readonly ClientCredentials Profile = new(CredentialsKind.Profile, "a credentials profile");

    /// <summary>
    /// The credentials an SDK credentials type stands for, by name; null for a type that is not one of these (the
    /// SDK's default chain, the environment's: the function's role), or keys read from the function's own variables.
    /// </summary>
    public static ClientCredentials? OfType(string? typeName, bool keysAreTheFunctions) => typeName switch
    {
        "BasicAWSCredentials" or "SessionAWSCredentials" => keysAreTheFunctions ? null : new(CredentialsKind.AccessKeys, $"access keys ({typeName})"),
        "AssumeRoleAWSCredentials" or "AssumeRoleWithWebIdentityCredentials" => new(CredentialsKind.AssumedRole, $"an assumed role's credentials ({typeName})"),
        "StoredProfileAWSCredentials" => new(CredentialsKind.Profile, $"a credentials profile ({typeName})"),
        _ => null,
    };

    /// <summary>The variables the Lambda runtime fills with the function's role credentials.</summary>
    public static bool IsFunctionsKeyVariable(string name) => name is "AWS_ACCESS_KEY_ID" or "AWS_ACCESS_KEY";
}
