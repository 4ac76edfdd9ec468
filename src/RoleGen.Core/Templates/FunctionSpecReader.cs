using System.Collections.Immutable;
using RoleGen.Core.Diagnostics;

namespace RoleGen.Core.Templates;

/// <summary>The functions a template declares, and what was odd about them (never fatal: the run goes on).</summary>
public sealed record FunctionReadResult(ImmutableArray<FunctionSpec> Functions, ImmutableArray<Finding> Findings);

/// <summary>
/// Reads every <c>AWS::Serverless::Function</c> and <c>AWS::Lambda::Function</c> into a <see cref="FunctionSpec"/>,
/// in template order, with <c>Globals.Function</c> merged into serverless functions and the event sources that
/// trigger each one (SAM Events, <c>AWS::Lambda::EventSourceMapping</c> resources that name it, bucket notifications
/// and API Gateway v2 integrations that invoke it).
/// </summary>
public static class FunctionSpecReader
{
    public const string ServerlessFunction = "AWS::Serverless::Function";
    public const string LambdaFunction = "AWS::Lambda::Function";
    public const string EventSourceMapping = "AWS::Lambda::EventSourceMapping";
    public const string EventSourceMappingEventType = "EventSourceMapping";

    public static FunctionReadResult Read(CfnTemplate template)
    {
        var findings = ImmutableArray.CreateBuilder<Finding>();
        findings.AddRange(UnknownTransforms(template));
        var globals = ReadGlobals(template, findings);
        var functions = ImmutableArray.CreateBuilder<FunctionSpec>();

        // Listed once: scanning every resource for each function's mappings would be quadratic in the template's size.
        var resources = ResourcesInTemplateOrder(template).ToList();
        var mappings = resources.Where(r => r.Type == EventSourceMapping).ToList();
        var buckets = resources.Where(r => r.Type == "AWS::S3::Bucket" && r.Properties["NotificationConfiguration"] is CfnMapping).ToList();
        var integrations = new ApiIntegrations(resources);
        foreach (var resource in resources)
        {
            if (resource.Type is not (ServerlessFunction or LambdaFunction)) continue;
            if (!resource.LogicalId.All(char.IsAsciiLetterOrDigit))
                findings.Add(At(template, FindingCodes.TemplateInvalid, Severity.Error,
                    $"Logical ID '{resource.LogicalId}' is not alphanumeric: CloudFormation rejects the template, and the role RoleGen would name after it ({resource.LogicalId}Role) would not be valid either.",
                    resource.Span));
            functions.Add(ReadFunction(template, resource, globals, mappings, buckets, integrations, findings));
        }
        return new FunctionReadResult(functions.ToImmutable(), findings.ToImmutable());
    }

    /// <summary>The transforms CloudFormation applies that RoleGen reads the template as (SAM's own).</summary>
    private static readonly string[] KnownTransforms = ["AWS::Serverless-2016-10-31"];

    /// <summary>
    /// A macro in Transform (a vendor's, such as DatadogServerless, or one's own) changes the template after RoleGen read it:
    /// the layers, resources and permissions it adds are not seen, and hand-written Policies it relies on may be replaced.
    /// </summary>
    private static IEnumerable<Finding> UnknownTransforms(CfnTemplate template)
    {
        var items = template.Root["Transform"] switch
        {
            CfnSequence list => list.Items,
            { } one => [one],
            null => [],
        };
        foreach (var item in items)
        {
            var name = item switch
            {
                CfnScalar scalar => scalar.Value,
                CfnMapping macro when macro["Name"] is CfnScalar named => named.Value,
                _ => null,
            };
            if (name is null || KnownTransforms.Contains(name, StringComparer.Ordinal)) continue;
            yield return At(template, FindingCodes.UnknownTransform, Severity.Warning,
                $"Transform {name} rewrites the template after RoleGen read it: what it adds (layers, resources) may need permissions RoleGen does not see, and Policies written for it are replaced in place; check what it needs and grant it by hand.", item.Span);
        }
    }

    private static CfnMapping? ReadGlobals(CfnTemplate template, ImmutableArray<Finding>.Builder findings)
    {
        var node = (template.Root["Globals"] as CfnMapping)?["Function"];
        if (node is null or CfnMapping) return (CfnMapping?)node;
        findings.Add(At(template, FindingCodes.TemplateInvalid, Severity.Warning, "Globals.Function is not a mapping; it is ignored.", node.Span));
        return null;
    }

    private static FunctionSpec ReadFunction(
        CfnTemplate template, CfnResource resource, CfnMapping? globals, IReadOnlyList<CfnResource> mappings, IReadOnlyList<CfnResource> buckets, ApiIntegrations integrations, ImmutableArray<Finding>.Builder findings)
    {
        var properties = WithoutNulls(resource.Type == ServerlessFunction
            ? SamGlobals.Merge(globals, resource.Properties)
            : resource.Properties);

        var events = ReadSamEvents(template, resource, properties, findings)
            .AddRange(FindEventSourceMappings(mappings, resource.LogicalId, properties["FunctionName"] as CfnScalar))
            .AddRange(FindBucketNotifications(buckets, resource.LogicalId, properties["FunctionName"] as CfnScalar))
            .AddRange(integrations.Invoking(resource.LogicalId));

        return new FunctionSpec(
            resource.LogicalId,
            resource.Type,
            ReadHandler(template, resource, properties, findings),
            (properties["Runtime"] as CfnScalar)?.Value,
            FunctionCode.Directory(template, resource, properties),
            properties["FunctionName"],
            ReadEnvironment(template, resource, properties, findings),
            events,
            properties,
            resource.Span)
        {
            BuildMethod = ((resource.Definition["Metadata"] as CfnMapping)?["BuildMethod"] as CfnScalar)?.Value,
            CodeElsewhere = FunctionCode.IsElsewhere(resource, properties),
        };
    }

    /// <summary>Image functions usually keep their handler in ImageConfig.Command, not in Handler.</summary>
    private static string? ReadHandler(
        CfnTemplate template, CfnResource resource, CfnMapping properties, ImmutableArray<Finding>.Builder findings)
    {
        var node = properties["Handler"];
        if (node is null && (properties["ImageConfig"] as CfnMapping)?["Command"] is CfnSequence { Items: [CfnScalar command, ..] })
            return command.Value;
        if (node is null or CfnScalar) return (node as CfnScalar)?.Value;

        findings.Add(At(template, FindingCodes.HandlerFormat, Severity.Warning,
            $"The Handler of {resource.LogicalId} is not a literal string, so its code cannot be found.", node.Span));
        return null;
    }

    private static ImmutableSortedDictionary<string, CfnNode> ReadEnvironment(
        CfnTemplate template, CfnResource resource, CfnMapping properties, ImmutableArray<Finding>.Builder findings)
    {
        var empty = ImmutableSortedDictionary<string, CfnNode>.Empty.WithComparers(StringComparer.Ordinal);
        var variables = (properties["Environment"] as CfnMapping)?["Variables"];
        if (variables is null) return empty;
        if (variables is CfnMapping mapping && mapping.AsIntrinsic() is null)
            return empty.AddRange(mapping.Entries.Select(e => KeyValuePair.Create(e.Key, e.Value)));

        findings.Add(At(template, FindingCodes.UnknownTemplateValue, Severity.Warning,
            $"The environment variables of {resource.LogicalId} are computed by an intrinsic function; none of them can be bound.",
            variables.Span));
        return empty;
    }

    private static ImmutableArray<EventSourceSpec> ReadSamEvents(
        CfnTemplate template, CfnResource resource, CfnMapping properties, ImmutableArray<Finding>.Builder findings)
    {
        if (properties["Events"] is not CfnMapping events) return [];

        var result = ImmutableArray.CreateBuilder<EventSourceSpec>();
        foreach (var entry in events.Entries)
        {
            var definition = entry.Value as CfnMapping;
            if (definition?["Type"] is not CfnScalar type)
            {
                findings.Add(At(template, FindingCodes.TemplateInvalid, Severity.Warning,
                    $"Event '{entry.Key}' of {resource.LogicalId} has no Type; it is ignored.", entry.KeySpan));
                continue;
            }
            var eventProperties = definition["Properties"] as CfnMapping ?? new CfnMapping([], entry.Value.Span);
            result.Add(new EventSourceSpec(entry.Key, type.Value, eventProperties, entry.KeySpan));
            if (type.Value == "SNS" && SubscribedQueue(resource.LogicalId + entry.Key, eventProperties["SqsSubscription"]) is { } queue)
                result.Add(new EventSourceSpec(entry.Key, "SQS", new CfnMapping([new CfnEntry("Queue", queue, queue.Span)], eventProperties.Span), entry.KeySpan));
        }
        return result.ToImmutable();
    }

    /// <summary>A property set to null (<c>"Role": null</c> in the .NET blueprints' serverless.template) is not set.</summary>
    private static CfnMapping WithoutNulls(CfnMapping properties) =>
        properties.Entries.Any(e => IsNull(e.Value))
            ? new CfnMapping(properties.Entries.Where(e => !IsNull(e.Value)).ToImmutableArray(), properties.Span)
            : properties;

    private static bool IsNull(CfnNode value) => value is CfnScalar { Quoted: false, Value: "" or "null" or "Null" or "NULL" or "~" };

    /// <summary>
    /// An SNS event with <c>SqsSubscription</c> is, for the function, an SQS event: SAM subscribes a queue to the topic
    /// and has the function poll it (samtranslator's SNS event source). The queue is the one given (<c>QueueArn</c>), or
    /// for <c>true</c> the one SAM creates, <c>&lt;Function&gt;&lt;Event&gt;Queue</c>. Null for a plain SNS event.
    /// </summary>
    private static CfnNode? SubscribedQueue(string samLogicalId, CfnNode? subscription) => subscription switch
    {
        CfnScalar { Value: var flag } when string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase) =>
            new CfnMapping([new CfnEntry("Fn::GetAtt", new CfnSequence([new CfnScalar(samLogicalId + "Queue", subscription.Span), new CfnScalar("Arn", subscription.Span)], subscription.Span), subscription.Span)], subscription.Span),
        CfnMapping { } given when given.AsIntrinsic() is null => given["QueueArn"],
        _ => null,
    };

    private static IEnumerable<EventSourceSpec> FindEventSourceMappings(IEnumerable<CfnResource> mappings, string logicalId, CfnScalar? literalName) =>
        mappings
            .Where(r => r.Properties["FunctionName"] is { } target
                        && FunctionReference.Names(target, logicalId, literalName?.Value))
            .Select(r => new EventSourceSpec(r.LogicalId, EventSourceMappingEventType, r.Properties, r.Span));

    /// <summary>
    /// A bucket whose <c>NotificationConfiguration.LambdaConfigurations</c> names the function (plain CloudFormation, or
    /// a bucket in another template's style): an S3 event source, read as SAM's <c>Type: S3</c> event with that bucket
    /// and the configuration's key filter.
    /// </summary>
    private static IEnumerable<EventSourceSpec> FindBucketNotifications(IEnumerable<CfnResource> buckets, string logicalId, CfnScalar? literalName)
    {
        foreach (var bucket in buckets)
        {
            var configurations = ((CfnMapping)bucket.Properties["NotificationConfiguration"]!)["LambdaConfigurations"] as CfnSequence;
            foreach (var configuration in configurations?.Items.OfType<CfnMapping>() ?? [])
            {
                if (configuration["Function"] is not { } target || !FunctionReference.Names(target, logicalId, literalName?.Value)) continue;
                var span = configuration.Span;
                var entries = ImmutableArray.Create(new CfnEntry("Bucket", new CfnMapping([new CfnEntry("Ref", new CfnScalar(bucket.LogicalId, span), span)], span), span));
                if (configuration["Filter"] is { } filter) entries = entries.Add(new CfnEntry("Filter", filter, span));
                if (configuration["Event"] is { } events) entries = entries.Add(new CfnEntry("Events", events, span));
                yield return new EventSourceSpec($"{bucket.LogicalId}Notification", "S3", new CfnMapping(entries, span), span);
            }
        }
    }

    private static IEnumerable<CfnResource> ResourcesInTemplateOrder(CfnTemplate template) =>
        (template.Root["Resources"] as CfnMapping)?.Entries
            .Select(e => template.Resources.GetValueOrDefault(e.Key))
            .OfType<CfnResource>()
        ?? [];

    private static Finding At(CfnTemplate template, string code, Severity severity, string message, TextSpan span) =>
        Finding.At(code, severity, message, new SourceLocation(Path.GetFileName(template.Path), span.Line, span.Column));
}
