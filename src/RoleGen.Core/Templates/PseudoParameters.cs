namespace RoleGen.Core.Templates;

/// <summary>CloudFormation's pseudo parameters (<c>AWS::Region</c>...).</summary>
public static class PseudoParameters
{
    public const string NoValue = "AWS::NoValue";
    public const string NotificationArns = "AWS::NotificationARNs";

    public static bool IsPseudoParameter(string name) => name.StartsWith("AWS::", StringComparison.Ordinal);
}
