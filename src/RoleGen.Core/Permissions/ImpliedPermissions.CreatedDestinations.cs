using RoleGen.Core.Templates;

namespace RoleGen.Core.Permissions;

public sealed partial class ImpliedPermissions
{
    /// <summary>
    /// A SAM function's EventInvokeConfig destination of Type SQS or SNS without a Destination: SAM creates the queue or
    /// topic itself, under a logical id mappings/implied.yaml (<c>createdDestinations</c>) spells, and the function must
    /// be able to send to it. A Destination chosen with Fn::If against AWS::NoValue (SAM then creates the target only
    /// under that condition) is not modelled: an unconditional grant on a resource that may not exist would not deploy.
    /// </summary>
    private IEnumerable<Permission> CreatedDestinations(FunctionSpec function)
    {
        if (function.ResourceType != FunctionSpecReader.ServerlessFunction
            || (function.Properties["EventInvokeConfig"] as CfnMapping)?["DestinationConfig"] is not CfnMapping config) yield break;
        foreach (var outcome in new[] { "OnSuccess", "OnFailure" })
        {
            if (config[outcome] is not CfnMapping destination || destination["Destination"] is not null
                || (destination["Type"] as CfnScalar)?.Value is not { } type
                || !rules.CreatedDestinations.TryGetValue(type, out var created)) continue;
            var reason = new Reason(Template: $"{function.LogicalId}.EventInvokeConfig.DestinationConfig.{outcome}");
            foreach (var p in Grants(created.Rule, new() { ["Target"] = created.TargetFor(function.LogicalId, outcome) }, reason)) yield return p;
        }
    }
}
