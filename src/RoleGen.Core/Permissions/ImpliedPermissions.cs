using System.Collections.Frozen;
using System.Collections.Immutable;
using RoleGen.Core.Mappings;
using RoleGen.Core.Templates;

namespace RoleGen.Core.Permissions;

/// <summary>
/// Permissions that follow from a function's configuration in the template (mappings/implied.yaml): its log
/// group, polled event sources, dead-letter queue, destinations, tracing, VPC and environment key. Each carries
/// a <c>{"template": ...}</c> reason naming the property that needs it.
/// The role must not Ref its own function (role -> function -> role is a cycle), so the log group is spelled
/// from a literal FunctionName, or from the name CloudFormation gives: {StackName}-{LogicalId}-{suffix}.
/// One instance serves every function of a template: the resources all functions look up are indexed once.
/// </summary>
public sealed partial class ImpliedPermissions(ImpliedRules rules, CfnTemplate template, TemplateExpressionReader expressions, CloudFormationTypes types)
{
    /// <summary>The known names (Sub syntax) of the template's AWS::Logs::LogGroup resources.</summary>
    private readonly FrozenSet<string> _declaredLogGroups = template.Resources.Values
        .Where(r => r.Type == "AWS::Logs::LogGroup")
        .SelectMany(r => r.Properties["LogGroupName"] is { } n ? expressions.Read(n) : [])
        .Where(e => e.Known)
        .Select(e => e.Sub)
        .ToFrozenSet(StringComparer.Ordinal);

    private readonly ImmutableArray<CfnResource> _eventInvokeConfigs = template.Resources.Values
        .Where(r => r.Type == "AWS::Lambda::EventInvokeConfig")
        .ToImmutableArray();

    public ImmutableArray<Permission> For(FunctionSpec function)
    {
        var permissions = new List<Permission>();
        var logRule = DeclaresLogGroup(function) ? "logs-declared" : "logs";
        foreach (var logGroup in LogGroupNames(function))
            permissions.AddRange(Grants(logRule, new() { ["LogGroupName"] = logGroup }, new Reason(Rule: "logs")));

        foreach (var source in function.Events) permissions.AddRange(EventSource(source));
        permissions.AddRange(DeadLetterQueue(function));
        permissions.AddRange(Destinations(function));
        permissions.AddRange(CreatedDestinations(function));
        // SAM's Tracing, CloudFormation's TracingConfig.Mode: Lambda refuses Active tracing to a role that cannot write traces.
        if (IsActive(function.Properties["Tracing"]))
            permissions.AddRange(Grants("tracing", [], new Reason(Template: $"{function.LogicalId}.Tracing")));
        else if (IsActive((function.Properties["TracingConfig"] as CfnMapping)?["Mode"]))
            permissions.AddRange(Grants("tracing", [], new Reason(Template: $"{function.LogicalId}.TracingConfig")));
        if (function.Properties["VpcConfig"] is CfnMapping)
            permissions.AddRange(Grants("vpc", [], new Reason(Template: $"{function.LogicalId}.VpcConfig")));
        foreach (var rule in LayerRules(function))
            permissions.AddRange(Grants(rule, [], new Reason(Template: $"{function.LogicalId}.Layers")));
        if (function.Properties["KmsKeyArn"] is { } key)
            foreach (var arn in Arns(key))
                permissions.AddRange(Grants("environment-key", new() { ["Target"] = arn }, new Reason(Template: $"{function.LogicalId}.KmsKeyArn")));
        return permissions.ToImmutableArray();
    }

    /// <summary>
    /// The function's log group in Sub syntax: LoggingConfig.LogGroup, else /aws/lambda/ + FunctionName (literal or
    /// !Sub), else the name CloudFormation generates. Several when the template chooses with Fn::If.
    /// </summary>
    public IEnumerable<string> LogGroupNames(FunctionSpec function)
    {
        if ((function.Properties["LoggingConfig"] as CfnMapping)?["LogGroup"] is { } custom && Known(custom) is { Length: > 0 } groups)
            return groups;
        if (function.FunctionName is { } name && Known(name) is { Length: > 0 } names)
            return names.Select(n => "/aws/lambda/" + n);
        // The name CloudFormation generates (stack-logicalid-suffix, shortened past 64 characters) is the function's Ref:
        // named exactly, in a policy attached to the role (FunctionReport.SelfPolicyLogicalId), not in the role.
        return [$"/aws/lambda/${{{function.LogicalId}}}"];
    }

    /// <summary>Every known value of a node, none of which refers to the function itself (its role cannot reference it).</summary>
    private string[] Known(CfnNode node)
    {
        var options = expressions.Read(node);
        return options.All(o => o.Known) ? options.Select(o => o.Sub).ToArray() : [];
    }

    /// <summary>A template-declared log group for this function means Lambda need not (and should not) create it.</summary>
    private bool DeclaresLogGroup(FunctionSpec function)
    {
        return LogGroupNames(function).Any(_declaredLogGroups.Contains)
               || _declaredLogGroups.Contains($"/aws/lambda/${{{function.LogicalId}}}");
    }

    private IEnumerable<Permission> EventSource(EventSourceSpec source)
    {
        var reason = new Reason(Template: $"Events.{source.Name}");
        var (property, rule) = source.Type == FunctionSpecReader.EventSourceMappingEventType
            ? ("EventSourceArn", (EventSourceRule?)null)
            : (rules.EventSources.TryGetValue(source.Type, out var known) ? known.Property : "", known);
        if (source.Properties[property] is not { } node) yield break;
        foreach (var expression in expressions.Read(node))
        {
            var service = ServiceOf(expression);
            var applied = rule ?? (service is null ? null : rules.EventSourceForService(service));
            if (applied is null) continue;
            var arn = ArnOf(expression);
            if (expression.Resource is { ResourceType: "AWS::Kinesis::StreamConsumer" } consumer)
            {
                var stream = template.Resources.GetValueOrDefault(consumer.LogicalId)?.Properties["StreamARN"] is { } s ? expressions.Read(s).Select(ArnOf) : ["*"];
                foreach (var streamArn in stream)
                    foreach (var p in Grants("kinesis-consumer-source", new() { ["Source"] = arn, ["Stream"] = streamArn }, reason)) yield return p;
                continue;
            }
            foreach (var p in Grants(applied.Rule, new() { ["Source"] = arn }, reason)) yield return p;
        }
        if ((source.Properties["DestinationConfig"] as CfnMapping)?["OnFailure"] is CfnMapping onFailure && onFailure["Destination"] is { } destination)
            foreach (var p in Targets(destination, new Reason(Template: $"Events.{source.Name}.DestinationConfig.OnFailure"))) yield return p;
    }

    private IEnumerable<Permission> DeadLetterQueue(FunctionSpec function)
    {
        var target = (function.Properties["DeadLetterQueue"] as CfnMapping)?["TargetArn"]
                     ?? (function.Properties["DeadLetterConfig"] as CfnMapping)?["TargetArn"];
        return target is null ? [] : Targets(target, new Reason(Template: $"{function.LogicalId}.DeadLetterQueue"));
    }

    private IEnumerable<Permission> Destinations(FunctionSpec function)
    {
        var configs = new List<(CfnMapping Config, string Where)>();
        if (function.Properties["EventInvokeConfig"] is CfnMapping samConfig) configs.Add((samConfig, $"{function.LogicalId}.EventInvokeConfig"));
        foreach (var resource in _eventInvokeConfigs.Where(r => r.Properties["FunctionName"] is { } target && FunctionReference.Names(target, function.LogicalId, function.LiteralFunctionName)))
            configs.Add((resource.Properties, resource.LogicalId));
        foreach (var (config, where) in configs)
        foreach (var outcome in new[] { "OnSuccess", "OnFailure" })
            if ((config["DestinationConfig"] as CfnMapping)?[outcome] is CfnMapping destination && destination["Destination"] is { } target)
                foreach (var p in Targets(target, new Reason(Template: $"{where}.DestinationConfig.{outcome}"))) yield return p;
    }

    private IEnumerable<Permission> Targets(CfnNode target, Reason reason)
    {
        foreach (var expression in expressions.Read(target))
        {
            var service = ServiceOf(expression);
            if (service is null || !rules.Targets.TryGetValue(service, out var rule)) continue;
            foreach (var p in Grants(rule, new() { ["Target"] = ArnOf(expression) }, reason)) yield return p;
        }
    }

    /// <summary>The IAM service an ARN expression belongs to: from the template resource it names, or the ARN's third field.</summary>
    private string? ServiceOf(TemplateExpression expression)
    {
        if (expression.Resource is { } resource && types.Find(resource.ResourceType) is { } type) return type.IamService;
        var parts = expression.Sub.Split(':');
        return parts.Length > 3 && parts[0] == "arn" ? parts[2] : null;
    }

    /// <summary>The expression as an ARN: a template resource given by name or URL is turned into its ARN.</summary>
    private string ArnOf(TemplateExpression expression)
    {
        if (!expression.Known) return "*";
        if (expression.Resource is { } resource && types.KindOf(resource) is not ("arn" or "stream-arn"))
            return types.ExpressionFor(resource, "arn") ?? expression.Sub;
        return expression.Sub;
    }

    private IEnumerable<string> Arns(CfnNode node) => expressions.Read(node).Select(ArnOf);

    /// <summary>The rules of the extensions among the function's layers (<c>arn:...:layer:LambdaInsightsExtension:38</c>), by layer name.</summary>
    private IEnumerable<string> LayerRules(FunctionSpec function) =>
        (function.Properties["Layers"] as CfnSequence)?.Items
            .SelectMany(item => expressions.Read(item))
            .Select(layer => LayerName().Match(layer.Sub))
            .Where(match => match.Success && rules.Layers.ContainsKey(match.Groups["name"].Value))
            .Select(match => rules.Layers[match.Groups["name"].Value])
            .Distinct(StringComparer.Ordinal) ?? [];

    [System.Text.RegularExpressions.GeneratedRegex(@":layer:(?<name>[A-Za-z0-9_-]+)")]
    private static partial System.Text.RegularExpressions.Regex LayerName();

    private static bool IsActive(CfnNode? tracing) => tracing is CfnScalar { Value: var v } && string.Equals(v, "Active", StringComparison.OrdinalIgnoreCase);

    private IEnumerable<Permission> Grants(string rule, Dictionary<string, string> variables, Reason reason)
    {
        if (!rules.Rules.TryGetValue(rule, out var found)) yield break;
        foreach (var grant in found.Grants)
        {
            var resource = variables.Aggregate(grant.Resource, (text, v) => text.Replace("${" + v.Key + "}", v.Value, StringComparison.Ordinal));
            foreach (var action in grant.Actions) yield return new Permission(action, resource, null, reason);
        }
    }
}
