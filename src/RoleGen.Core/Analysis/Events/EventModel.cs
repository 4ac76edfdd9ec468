using System.Collections.Immutable;

namespace RoleGen.Core.Analysis.Events;

/// <summary>mappings/events.yaml: the Lambda events RoleGen follows from a handler's event parameter to the template.</summary>
public sealed record EventModel(ImmutableArray<EventSource> Sources)
{
    public static EventModel Empty { get; } = new([]);

    /// <summary>The source whose whole event has this type name (S3Event), or null.</summary>
    public EventSource? ByEventType(string typeName) => Sources.FirstOrDefault(s => s.EventTypes.Contains(typeName));

    /// <summary>The source one of whose records has this type name (SQSMessage), or null.</summary>
    public EventSource? ByRecordType(string typeName) => Sources.FirstOrDefault(s => s.RecordTypes.Contains(typeName));

    public EventSource? Find(string name) => Sources.FirstOrDefault(s => s.Name == name);
}

/// <summary>
/// One event source (S3, SQS...). <see cref="Fields"/> maps a field name to its member path from one record
/// ("S3.Bucket.Name"); <see cref="Template"/> says which event source of the function gives each field.
/// <see cref="Records"/> is null for an event that is one request rather than a batch of records (API Gateway): its
/// fields are read from the event itself.
/// </summary>
public sealed record EventSource(
    string Name,
    ImmutableArray<string> EventTypes,
    ImmutableArray<string> RecordTypes,
    string? Records,
    ImmutableSortedDictionary<string, string> Fields,
    ImmutableArray<EventTemplateBinding> Template)
{
    /// <summary>The field a member path from one record reads ("S3.Bucket.Name" -> BucketName), or null.</summary>
    public string? FieldAt(string recordPath) => Fields.FirstOrDefault(f => f.Value == recordPath).Key;

    /// <summary>True when the path from one record can still become a field ("S3", "S3.Bucket").</summary>
    public bool IsPrefixOfField(string recordPath) =>
        recordPath.Length == 0 || Fields.Values.Any(p => p.StartsWith(recordPath + ".", StringComparison.Ordinal));
}

/// <summary>How one kind of template event source (SAM Events Type, or EventSourceMapping) gives the fields.</summary>
public sealed record EventTemplateBinding(
    string EventType,
    ImmutableArray<string> ResourceTypes,
    string? ArnService,
    bool AvoidRef,
    ImmutableSortedDictionary<string, EventFieldSource> Fields);

/// <summary>
/// A field comes from an event source property (<see cref="Property"/>), or is an object key matching a key filter
/// (<see cref="KeyFilter"/>). <see cref="Format"/>, in Fn::Sub syntax, makes the field from the property's value, which
/// takes the place of <c>{value}</c> (a domain name made from an API id).
/// </summary>
public sealed record EventFieldSource(string? Property, string? KeyFilter, string? Format = null);
