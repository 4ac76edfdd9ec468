using System.Collections.Immutable;
using RoleGen.Core.Mappings;
using RoleGen.Core.Templates;

namespace RoleGen.Core.Permissions;

/// <summary>
/// Permissions that follow from a function's configuration in the template: today its log group.
/// The role must not Ref its own function (role -> function -> role is a cycle), so the log group is
/// spelled from a literal FunctionName, or from the name CloudFormation gives: {StackName}-{LogicalId}-{suffix}.
/// </summary>
public sealed class ImpliedPermissions(ImpliedRules rules)
{
    public ImmutableArray<Permission> For(FunctionSpec function)
    {
        var variables = new Dictionary<string, string> { ["LogGroupName"] = LogGroupName(function) };
        return Grants("logs", variables, new Reason(Rule: "logs")).ToImmutableArray();
    }

    public static string LogGroupName(FunctionSpec function)
    {
        if ((function.Properties["LoggingConfig"] as CfnMapping)?["LogGroup"] is CfnScalar custom) return TemplateExpression.EscapeForSub(custom.Value);
        return function.LiteralFunctionName is { } name
            ? "/aws/lambda/" + TemplateExpression.EscapeForSub(name)
            : $"/aws/lambda/${{AWS::StackName}}-{function.LogicalId}-*";
    }

    private IEnumerable<Permission> Grants(string rule, IReadOnlyDictionary<string, string> variables, Reason reason)
    {
        if (!rules.Rules.TryGetValue(rule, out var found)) yield break;
        foreach (var grant in found.Grants)
        {
            var resource = variables.Aggregate(grant.Resource, (text, v) => text.Replace("${" + v.Key + "}", v.Value, StringComparison.Ordinal));
            foreach (var action in grant.Actions) yield return new Permission(action, resource, null, reason);
        }
    }
}
