using System.Collections.Immutable;
using System.Text.RegularExpressions;
using RoleGen.Core.Analysis.Values;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Mappings;
using RoleGen.Core.Templates;

namespace RoleGen.Core.Permissions;

/// <summary>
/// Adds the KMS permissions that encryption at rest needs (mappings/encryption.yaml): for each permission on a template
/// resource encrypted with a customer managed key, the KMS actions its action implies, on that key, only through the
/// resource's service (kms:ViaService), with the same reason. The resource is read back from the permission's ARN: it is
/// written in Fn::Sub syntax, so <c>${Queue.Arn}</c> or <c>arn:${AWS::Partition}:s3:::${Uploads}/*</c> names its logical
/// id exactly, whether the permission came from code or from the template (event sources).
/// </summary>
public sealed partial class EncryptionPermissions(EncryptionRules rules, CfnTemplate template, TemplateExpressionReader expressions, ValueRenderer renderer, IamCatalog catalog)
{
    [GeneratedRegex(@"\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}")]
    private static partial Regex ResourceReference();

    public PermissionSet For(IEnumerable<Permission> permissions)
    {
        var added = new List<Permission>();
        var findings = new List<Finding>();
        foreach (var permission in permissions)
        foreach (var logicalId in ResourcesIn(permission.Resource))
        {
            if (!template.Resources.TryGetValue(logicalId, out var resource)
                || !rules.Resources.TryGetValue(resource.Type, out var rule))
                continue;
            var kmsActions = rule.Actions.GetValueOrDefault(permission.Action, [])
                .AddRange(OperationOf(permission.Reason) is { } operation ? rule.Operations.GetValueOrDefault(operation, []) : [])
                .Distinct().ToImmutableArray();
            if (kmsActions.IsEmpty) continue;
            var reason = permission.Reason.Call is { } call
                ? permission.Reason with { Call = $"{call} ({logicalId} is encrypted with a customer managed KMS key)" }
                : permission.Reason;
            foreach (var key in Keys(resource, rule))
            {
                if (!key.Known)
                {
                    findings.Add(new Finding(FindingCodes.UnresolvedResource, Severity.Warning,
                        $"{logicalId} is encrypted with a KMS key known only at deploy time ({key.Note}); {string.Join(", ", kmsActions)} for {permission.Action} was not granted: add it for that key.",
                        permission.Reason.File, permission.Reason.Line, permission.Reason.Column));
                    continue;
                }
                if (key.Resource is null && rules.IsManaged(key.Sub)) continue; // AWS managed: the service authorizes itself
                foreach (var arn in KeyArns(key))
                {
                    var condition = Merge(arn.Condition, PolicyCondition.Single("StringEquals", "kms:ViaService", [$"{rule.Via}.${{AWS::Region}}.amazonaws.com"]));
                    added.AddRange(kmsActions.Select(action => new Permission(action, arn.Arn, condition, reason)));
                }
            }
        }
        return new PermissionSet(added.Distinct().ToImmutableArray(), findings.Distinct().ToImmutableArray());
    }

    /// <summary>The SDK operation a permission comes from: the method of its call (<c>IAmazonS3.UploadPartAsync</c> is UploadPart).</summary>
    private static string? OperationOf(Reason reason)
    {
        if (reason.Call is not { } call) return null;
        var method = call[(call.LastIndexOf('.') + 1)..];
        return method.EndsWith("Async", StringComparison.Ordinal) ? method[..^"Async".Length] : method;
    }

    private static IEnumerable<string> ResourcesIn(string arn) =>
        ResourceReference().Matches(arn).Select(m => m.Groups[1].Value).Distinct();

    /// <summary>The key the resource's key property names (every value it can take); none when the property is not set.</summary>
    private IEnumerable<TemplateExpression> Keys(CfnResource resource, EncryptionRule rule)
    {
        IEnumerable<CfnNode> nodes = [resource.Properties];
        foreach (var segment in rule.KeyPath.Split('.'))
        {
            var each = segment.EndsWith("[]", StringComparison.Ordinal);
            var name = each ? segment[..^2] : segment;
            nodes = nodes.OfType<CfnMapping>().Select(m => m[name]).OfType<CfnNode>().ToList();
            if (each) nodes = nodes.SelectMany(n => n is CfnSequence s ? s.Items : [n]).ToList();
        }
        return nodes.SelectMany(n => expressions.Read(n)).Distinct();
    }

    /// <summary>The key as a KMS key ARN (an alias becomes a kms:RequestAlias condition, as for keys in requests).</summary>
    private ImmutableArray<BuiltArn> KeyArns(TemplateExpression key) =>
        ArnBuilder.Build(catalog.Services["kms"].ResourceArns["key"],
            new Dictionary<string, ImmutableArray<ArnFragment>> { ["KeyId"] = renderer.Render(new TemplateValue(key), "kms-key", "KeyId") });

    private static PolicyCondition Merge(PolicyCondition? a, PolicyCondition b)
    {
        if (a is null) return b;
        var merged = a.Operators.ToBuilder();
        foreach (var (op, keys) in b.Operators)
            merged[op] = merged.TryGetValue(op, out var existing) ? existing.SetItems(keys) : keys;
        return new PolicyCondition(merged.ToImmutable());
    }
}
