using System.Collections.Immutable;
using RoleGen.Core.Analysis.Events;
using RoleGen.Core.Analysis.Values;
using RoleGen.Core.Mappings;
using RoleGen.Core.Templates;

namespace RoleGen.Core.Permissions;

/// <summary>What one event field is for one function: its value in the template's terms.</summary>
public sealed record BoundEventField(Value Value);

/// <summary>
/// Binds the event fields the analysis reports (<see cref="EventFieldValue"/>) to the event sources the template
/// declares for a function (SAM <c>Events</c>, <c>AWS::Lambda::EventSourceMapping</c>), as mappings/events.yaml says:
/// an S3 event's bucket to the bucket (by its literal name where it has one: a Ref would be circular), its object
/// key to the key filter, an SQS record's EventSourceArn to the queue, and so on.
/// </summary>
public sealed class EventSourceBinder(EventModel model, CloudFormationTypes types, CfnTemplate template, TemplateExpressionReader expressions)
{
    /// <summary>Every field of every source, keyed "Source.Field"; fields the function has no event source for are unknown with a reason.</summary>
    public ImmutableSortedDictionary<string, BoundEventField> Bind(FunctionSpec function)
    {
        var result = ImmutableSortedDictionary.CreateBuilder<string, BoundEventField>(StringComparer.Ordinal);
        foreach (var source in model.Sources)
        foreach (var field in source.Fields.Keys)
        {
            var options = new List<Value>();
            foreach (var (binding, spec) in Matching(source, function))
            {
                if (!binding.Fields.TryGetValue(field, out var from)) continue;
                options.Add(from.Property is { } property ? FromProperty(function, source, binding, spec, property, from.Format) : FromKeyFilter(source, spec, from.KeyFilter!));
            }
            result[Key(source.Name, field)] = options.Count > 0
                ? new BoundEventField(Value.OneOf(options))
                : new BoundEventField(new UnknownValue(NoSource(function, source, field), null));
        }
        return result.ToImmutable();
    }

    public static string Key(string source, string field) => source + "." + field;

    private IEnumerable<(EventTemplateBinding, EventSourceSpec)> Matching(EventSource source, FunctionSpec function)
    {
        foreach (var spec in function.Events)
        foreach (var binding in source.Template.Where(b => b.EventType == spec.Type))
            if (spec.Type != FunctionSpecReader.EventSourceMappingEventType || MappingReads(binding, spec))
                yield return (binding, spec);
    }

    /// <summary>An event source mapping feeds this source when its EventSourceArn names one of its resource types (or an ARN of its service).</summary>
    private bool MappingReads(EventTemplateBinding binding, EventSourceSpec spec)
    {
        if (spec.Properties["EventSourceArn"] is not { } arn) return false;
        var read = expressions.Read(arn);
        if (read.Any(e => e.Resource is { } resource && binding.ResourceTypes.Contains(resource.ResourceType))) return true;
        if (binding.ArnService is { } service && read.Any(e => e.Sub.StartsWith("arn:", StringComparison.Ordinal) && e.Sub.Split(':') is { Length: > 2 } parts && parts[2] == service)) return true;
        return false;
    }

    private Value FromProperty(FunctionSpec function, EventSource source, EventTemplateBinding binding, EventSourceSpec spec, string property, string? format)
    {
        if (spec.Properties[property] is not { } node)
            return new UnknownValue($"{source.Name} event '{spec.Name}' of {function.LogicalId} has no {property}", null);
        var values = new List<Value>();
        foreach (var expression in expressions.Read(node))
        {
            if (binding.AvoidRef && expression.Resource is { } resource && LiteralName(resource) is { } named)
            {
                values.AddRange(named.Select(n => (Value)new TemplateValue(n)));
                continue;
            }
            // Otherwise the Ref stays: the cycle breaker spells it from its name pattern when it would close a cycle.
            values.Add(new TemplateValue(format is null ? expression : Formatted(format, expression)));
        }
        return values.Count == 0 ? new UnknownValue($"{property} of event '{spec.Name}' has no value", null) : Value.OneOf(values);
    }

    /// <summary>The field made from the property's value: <c>{value}.execute-api.${AWS::Region}.${AWS::URLSuffix}</c> from <c>${Chat}</c>.</summary>
    private static TemplateExpression Formatted(string format, TemplateExpression value) =>
        value with { Sub = format.Replace(EventModelLoader.FormatHole, value.Sub, StringComparison.Ordinal), Resource = null, IsArn = false };

    /// <summary>The resource's own physical name as the template sets it (BucketName: !Sub ...), when it does.</summary>
    private ImmutableArray<TemplateExpression>? LiteralName(TemplateResourceRef resource)
    {
        if (resource.Attribute is not null || types.Find(resource.ResourceType)?.NameProperty is not { } nameProperty) return null;
        if (!template.Resources.TryGetValue(resource.LogicalId, out var declared) || declared.Properties[nameProperty] is null) return null;
        var names = expressions.Names(declared, nameProperty);
        // A name that itself refers to a resource could close the same cycle; only names built from literals and parameters are safe.
        return names.IsEmpty || names.Any(n => !n.Known || n.Resource is not null) ? null : names;
    }

    /// <summary>An object key: the key filter's prefix and suffix around the part each event brings.</summary>
    private Value FromKeyFilter(EventSource source, EventSourceSpec spec, string filter)
    {
        var rules = ((spec.Properties["Filter"] as CfnMapping)?[filter] as CfnMapping)?["Rules"] as CfnSequence;
        string? prefix = null, suffix = null;
        foreach (var rule in rules?.Items.OfType<CfnMapping>() ?? [])
        {
            var name = (rule["Name"] as CfnScalar)?.Value.ToLowerInvariant();
            var value = (rule["Value"] as CfnScalar)?.Value;
            if (name == "prefix") prefix = value;
            else if (name == "suffix") suffix = value;
        }
        var described = (prefix, suffix) switch
        {
            (null, null) => $"event '{spec.Name}' has no {filter} filter, so it can be any key",
            (not null, null) => $"event '{spec.Name}' filters keys by prefix '{prefix}'",
            (null, not null) => $"event '{spec.Name}' filters keys by suffix '{suffix}'",
            _ => $"event '{spec.Name}' filters keys by prefix '{prefix}' and suffix '{suffix}'",
        };
        var unknown = new UnknownValue($"the object key comes with each {source.Name} event; {described}", null);
        return ValueResolver.Concat([new LiteralValue(prefix ?? ""), unknown, new LiteralValue(suffix ?? "")]);
    }

    private static string NoSource(FunctionSpec function, EventSource source, string field)
    {
        var declared = function.Events.Select(e => e.Type).Distinct().ToList();
        return $"{field} is read from the {source.Name} event, but the template declares no {source.Name} event source for {function.LogicalId}" +
               (declared.Count == 0 ? "" : $" (it has: {string.Join(", ", declared)})");
    }
}
