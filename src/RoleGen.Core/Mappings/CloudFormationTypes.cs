using System.Collections.Immutable;
using RoleGen.Core.Templates;

namespace RoleGen.Core.Mappings;

/// <summary>How a template value names a resource: what <c>Ref</c> and each <c>GetAtt</c> attribute return.</summary>
public static class ResourceValueKinds
{
    public const string Name = "name";
    public const string Arn = "arn";
    /// <summary>An SQS queue URL.</summary>
    public const string Url = "url";
    /// <summary>An identifier that is neither name nor ARN (KMS key id).</summary>
    public const string Id = "id";
    /// <summary>The ARN of a DynamoDB or Kinesis stream attached to the resource.</summary>
    public const string StreamArn = "stream-arn";
    /// <summary>A value that does not name the resource for IAM (domain names, timestamps, policies).</summary>
    public const string Other = "other";

    public static readonly ImmutableHashSet<string> All =
        ImmutableHashSet.Create(StringComparer.Ordinal, Name, Arn, Url, Id, StreamArn, Other);
}

/// <summary>mappings/cloudformation.yaml: the resource types RoleGen knows, by CloudFormation type name.</summary>
public sealed record CloudFormationTypes(ImmutableDictionary<string, CloudFormationType> Types)
{
    public CloudFormationType? Find(string resourceType) => Types.GetValueOrDefault(resourceType);

    /// <summary>What the template expression returns: the type's Ref kind, or its attribute's kind; null when unknown.</summary>
    public string? KindOf(TemplateResourceRef resource)
    {
        var type = Find(resource.ResourceType);
        return type is null ? null
            : resource.Attribute is null ? type.Ref
            : type.AttributeKind(resource.Attribute);
    }

    /// <summary>
    /// The Fn::Sub expression that gives the resource as <paramref name="kind"/> ("name", "arn", "url", "id",
    /// "stream-arn"): <c>${Queue.Arn}</c> for an SQS queue's ARN, <c>${Table}</c> for a DynamoDB table's name.
    /// Null when the template cannot give it (a KMS key has no name, an S3 bucket no URL).
    /// Only the logical id and type of <paramref name="resource"/> matter, not its attribute.
    /// </summary>
    public string? ExpressionFor(TemplateResourceRef resource, string kind)
    {
        var type = Find(resource.ResourceType);
        if (type is null) return null;
        if (type.Ref == kind) return $"${{{resource.LogicalId}}}";
        var attribute = type.Attributes.FirstOrDefault(a => a.Kind == kind);
        return attribute is null ? null : $"${{{resource.LogicalId}.{attribute.Name}}}";
    }
}

/// <summary>
/// One resource type. <see cref="Iam"/> is "prefix:resource-type" as the IAM catalogue spells it (s3:bucket);
/// <see cref="Attributes"/> keep the file's order so that the first attribute of a kind is the preferred one.
/// </summary>
public sealed record CloudFormationType(
    string Type,
    string Iam,
    string Ref,
    ImmutableArray<CloudFormationAttribute> Attributes,
    string? NameProperty,
    int Line)
{
    /// <summary>
    /// The property whose value the resource stores for code to read back (an SSM parameter's Value): what a mapping's
    /// <c>stored</c> response path holds when the request names this resource.
    /// </summary>
    public string? Stores { get; init; }

    public string IamService => Iam[..Iam.IndexOf(':')];

    public string IamResourceType => Iam[(Iam.IndexOf(':') + 1)..];

    public string? AttributeKind(string attribute) => Attributes.FirstOrDefault(a => a.Name == attribute)?.Kind;
}

public sealed record CloudFormationAttribute(string Name, string Kind);
