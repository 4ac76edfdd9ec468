namespace RoleGen.Core.Templates;

/// <summary>The resource a template expression denotes: <c>!Ref X</c> (Attribute null) or <c>!GetAtt X.Attr</c>.</summary>
public sealed record TemplateResourceRef(string LogicalId, string ResourceType, string? Attribute);

/// <summary>
/// A template value as a string in <c>Fn::Sub</c> syntax (<c>${OrdersTable}</c>, <c>${Queue.Arn}</c>,
/// <c>prefix-${AWS::StackName}</c>, or a literal with <c>${</c> escaped), plus the single resource it
/// denotes when it is exactly one <c>Ref</c>/<c>GetAtt</c> of a template resource.
/// Known is false when the value cannot be known before deploy (Fn::ImportValue, dynamic references).
/// </summary>
public sealed record TemplateExpression(string Sub, TemplateResourceRef? Resource = null, bool Known = true, string? Note = null)
{
    /// <summary>
    /// Exactly one Ref of a template parameter that holds an ARN, by what the template says of it (its name ends in
    /// Arn, its Default or AllowedPattern starts with arn:): a request member that takes a name or an ARN gets it as the ARN.
    /// </summary>
    public bool IsArn { get; init; }

    public static TemplateExpression Literal(string text) => new(EscapeForSub(text));

    public static TemplateExpression Unknown(string note) => new("*", null, false, note);

    public static string EscapeForSub(string text) => text.Replace("${", "${!", StringComparison.Ordinal);
}
