using System.Collections.Immutable;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Templates;

namespace RoleGen.Core.Analysis.Values;

/// <summary>
/// What the analysis knows about a value that names a resource (design.md §3). Never a plain string:
/// the permission stage needs to know which parts are known, which come from the template, and which
/// are unknown, to build the narrowest ARN pattern.
/// </summary>
public abstract record Value
{
    /// <summary>Flattens nested alternatives and drops duplicates; one option stays itself.</summary>
    public static Value OneOf(IEnumerable<Value> values)
    {
        var flat = values.SelectMany(v => v is OneOfValue o ? o.Options : [v]).Distinct().ToImmutableArray();
        if (flat.Any(v => v is NoValue) && flat.Any(v => v is not NoValue)) flat = flat.RemoveAll(v => v is NoValue);
        return flat.Length switch { 0 => new NoValue(), 1 => flat[0], _ => new OneOfValue(flat) };
    }
}

public sealed record LiteralValue(string Text) : Value;

/// <summary>Read from an environment variable (directly, or through IConfiguration / options binding).</summary>
public sealed record EnvVarValue(string Name, SourceLocation? Location) : Value
{
    /// <summary>
    /// The value code uses when the variable is not set (<c>GetEnvironmentVariable("X") ?? "orders"</c>): dead when the
    /// template sets X for the function, so it is granted only when it does not (or may not).
    /// </summary>
    public Value? Fallback { get; init; }

    /// <summary>
    /// For a configuration key read through its environment variable (<c>Queue__Url</c> for <c>config["Queue:Url"]</c>): the
    /// values the app's configuration files give the key (appsettings.json), which the variable overrides when set.
    /// </summary>
    public Value? Settings { get; init; }

    /// <summary>The app's base configuration file (appsettings.json) sets the key: a default in code never survives binding.</summary>
    public bool SettingsAlways { get; init; }

    /// <summary>
    /// The configuration key read through this variable (<c>Storage:Bucket</c>), when the project's providers read it from
    /// several variables (<c>Storage__Bucket</c>, <c>MYAPP_Storage__Bucket</c>): the one the template sets is the value.
    /// </summary>
    public string? ConfigurationKey { get; init; }
}

/// <summary>Read from the triggering event, e.g. (S3, BucketName) or (SQS, EventSourceArn).</summary>
public sealed record EventFieldValue(string Source, string Field, SourceLocation? Location) : Value;

/// <summary>String building: interpolation, +, string.Format, string.Concat, Path.Combine.</summary>
public sealed record ConcatValue(ImmutableArray<Value> Parts) : Value;

/// <summary>Several possible values (??, ?:, several assignments or call sites).</summary>
public sealed record OneOfValue(ImmutableArray<Value> Options) : Value;

/// <summary>No value at all: the branch throws (<c>x ?? throw ...</c>). Dropped from alternatives.</summary>
public sealed record NoValue : Value;

/// <summary>An explicit null: the property or argument is not set.</summary>
public sealed record NullValue : Value;

/// <summary>A named constant of a type outside the compilation (an enum member, an SDK constant such as ServerSideEncryptionMethod.AWSKMS).</summary>
public sealed record NamedConstantValue(string Type, string Member) : Value;

/// <summary>Which part of a Lambda event a <see cref="EventPartValue"/> is.</summary>
public enum EventPart { Event, Records, Record }

/// <summary>
/// Part of the triggering event on the way to a field: the whole event (the handler's S3Event parameter), its
/// records, or one record with the member path read from it so far ("S3.Bucket"). Reading a field's full path
/// gives an <see cref="EventFieldValue"/>; the analysis never hands a part to later stages as a resource name.
/// </summary>
public sealed record EventPartValue(string Source, EventPart Part, string Path, SourceLocation? Location) : Value;

/// <summary>
/// A value RoleGen cannot know. <see cref="ResultOf"/> is set when it is read from the result of a call outside
/// the code (an SDK response): the location of that call's method name, so that values a call feeds back into
/// itself (a retry loop sending UnprocessedItems again) can be recognised.
/// </summary>
public sealed record UnknownValue(string Reason, SourceLocation? Location, SourceLocation? ResultOf = null) : Value
{
    /// <summary>The template gives it a value known only at deploy time (a dynamic reference, Fn::ImportValue): the code already takes it from the template.</summary>
    public bool KnownAtDeploy { get; init; }

    /// <summary>How code can make it known, when that is not the usual "set it from the template" (the mapping's grant <c>narrow</c>).</summary>
    public string? Advice { get; init; }
}

/// <summary>An object built in code, such as a request object: <c>new GetObjectRequest { BucketName = ... }</c>.</summary>
public sealed record ObjectValue(string TypeName, ImmutableSortedDictionary<string, Value> Properties) : Value
{
    /// <summary>
    /// The positional arguments of the constructor that built it, when that constructor is not in source (an SDK
    /// request's <c>new SendMessageRequest(url, body)</c>): which properties they set is for the mapping table to say.
    /// </summary>
    public ImmutableArray<Value> Arguments { get; init; } = [];

    /// <summary>Every value the object holds: its properties' and its constructor arguments.</summary>
    public IEnumerable<Value> Parts => Properties.Values.Concat(Arguments);

    /// <summary>The same object with <paramref name="map"/> applied to every value it holds.</summary>
    public ObjectValue Map(Func<Value, Value> map) => this with
    {
        Properties = Properties.ToImmutableSortedDictionary(p => p.Key, p => map(p.Value), StringComparer.Ordinal),
        Arguments = Arguments.IsEmpty ? Arguments : Arguments.Select(map).ToImmutableArray(),
    };
}

/// <summary>A collection built in code (list or dictionary initializer, array).</summary>
public sealed record CollectionValue(ImmutableArray<Value> Items) : Value;

/// <summary>One dictionary entry of a <see cref="CollectionValue"/>.</summary>
public sealed record EntryValue(Value Key, Value Item) : Value;

/// <summary>A type used as a generic argument or an object's type, with the constructor arguments of its attributes.</summary>
public sealed record TypeValue(string Name, ImmutableSortedDictionary<string, Value> Attributes) : Value
{
    /// <summary>
    /// The table names code maps the type to process-wide (<c>AWSConfigsDynamoDB.Context.TypeMappings[typeof(T)] = new
    /// TypeMapping(typeof(T), name)</c>), when reachable code does. The type's own table stays possible unless
    /// <see cref="AlwaysMapped"/>.
    /// </summary>
    public Value? MappedTable { get; init; }

    /// <summary>Every mapping runs whenever the code holding it does (set up unconditionally): the type's own table is never used.</summary>
    public bool AlwaysMapped { get; init; }

    /// <summary>The type's own DynamoDB table: its <c>[DynamoDBTable("name")]</c>, else its name.</summary>
    public Value OwnTable => Attributes.TryGetValue("DynamoDBTable", out var table) ? table : new LiteralValue(Name);
}

/// <summary>
/// What a service stores under a name and code reads back (a Parameter Store parameter's value: GetParameter's
/// <c>Parameter.Value</c>, mapping <c>stored</c>). <see cref="Service"/> is the IAM prefix of the service that stores it.
/// Binding gives it the value the template writes there, when the template declares the item (an AWS::SSM::Parameter
/// whose Value is <c>!Ref Table</c>); otherwise it is known only at run time.
/// </summary>
public sealed record StoredValue(Value Name, string Service, SourceLocation? Location) : Value;

/// <summary>An environment variable bound to what the template sets it to. Produced by binding, never by the analysis.</summary>
public sealed record TemplateValue(TemplateExpression Expression) : Value;
