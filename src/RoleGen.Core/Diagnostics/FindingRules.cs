using System.Collections.Immutable;

namespace RoleGen.Core.Diagnostics;

/// <summary>What a diagnostic code means, for SARIF's rule descriptors (and anything else that explains codes).</summary>
public sealed record FindingRule(string Code, string Name, string ShortDescription, string FullDescription);

/// <summary>Every code RoleGen emits, with a stable name and description. Add a rule with every new code.</summary>
public static class FindingRules
{
    public static readonly ImmutableDictionary<string, FindingRule> All = new[]
    {
        new FindingRule("RG1001", "UnknownSdkCall", "SDK call the mapping table does not know",
            "An AWS SDK call the mapping table has no entry for: no permission was granted for it. Add the operation to mappings/<service>.yaml."),
        new FindingRule("RG1002", "UnresolvedResource", "Resource name that could not be resolved",
            "The resource an SDK call names could not be followed to a value the template knows; the grant covers every resource of that type in the account."),
        new FindingRule("RG1003", "HandlerNotFound", "Handler type or method not found",
            "The handler's type or method does not exist in the project; only the permissions its configuration implies were generated."),
        new FindingRule("RG1004", "SourceDoesNotParse", "C# that does not parse",
            "A C# source file of the function's project does not parse; calls in it may be missed."),
        new FindingRule("RG1005", "ProjectNotFound", "No project builds the handler's assembly",
            "No .csproj under the function's CodeUri builds the handler's assembly; only the permissions its configuration implies were generated."),
        new FindingRule("RG1006", "PartiallyResolvedResource", "Resource partly known only at run time",
            "Part of a resource (an object key, say) is known only at run time: the grant uses * for that part only."),
        new FindingRule("RG1007", "DynamicReference", "Value read from a dynamic reference",
            "A value the code uses comes from a dynamic reference resolved at deploy time."),
        new FindingRule("RG1008", "AwsDependentPackage", "Call into a package that depends on the AWS SDK",
            "Reachable code calls into a restored NuGet package that depends on the AWS SDK and that the mapping table does not know: the AWS calls it makes with the function's role are not visible, and no permission was granted for them."),
        new FindingRule("RG1009", "OwnCredentials", "Client with credentials other than the function's role",
            "A client is built with credentials of its own (access keys, a credentials profile, an assumed role's): AWS authorizes its calls with them, not with the function's role, so nothing was granted for them; the finding says what those credentials need."),
        new FindingRule("RG1010", "MissingProjectReference", "Referenced project not on disk",
            "A ProjectReference of the function's project names a project file that does not exist: the code declared there is not seen, so calls into it are not followed and the permissions they need are not granted."),
        new FindingRule("RG1011", "CodeFoundElsewhere", "Code found by assembly name in the repository",
            "The function's CodeUri names a folder that does not exist (a build's output, or a path relative to another folder): the project of the git repository that builds the handler's assembly was analysed instead."),
        new FindingRule("RG1012", "HandlerNotConstructible", "Handler class Lambda cannot build",
            "The handler is an instance method of a class the Lambda runtime cannot build: it creates the class with its public parameterless constructor, which the class does not have (or the class is abstract). The function fails when first invoked; RoleGen analysed every constructor."),
        new FindingRule("RG2001", "TemplateUnreadable", "Template cannot be read",
            "The template file cannot be read or parsed."),
        new FindingRule("RG2002", "TemplateInvalid", "Template is not valid",
            "The template is not a valid SAM or CloudFormation template, or part of it is malformed and was ignored."),
        new FindingRule("RG2003", "HandlerFormat", "Handler is not a .NET handler string",
            "The function's handler is not of the form Assembly::Namespace.Type::Method."),
        new FindingRule("RG2004", "UnboundEnvironmentVariable", "Environment variable not set by the template",
            "The code reads an environment variable the template does not set for that function."),
        new FindingRule("RG2005", "UnknownTemplateValue", "Template value known only at deploy time",
            "A template value is known only at deploy time (Fn::ImportValue, {{resolve:...}}), so the resource it names cannot be pinned down."),
        new FindingRule("RG2006", "NotDotNet", "Function is not .NET",
            "A function whose runtime is not .NET: RoleGen leaves it alone."),
        new FindingRule("RG2008", "UnseenEventSource", "Polled event without an event source in the template",
            "The handler takes an SQS, Kinesis or DynamoDB stream event, but the template declares no such event source for it: the poller's read permissions, which go on the function's role, are not visible."),
        new FindingRule("RG2009", "UnknownTransform", "Template transformed by a macro",
            "The template's Transform names a macro other than SAM's: what it adds after RoleGen read the template (layers, resources) may need permissions RoleGen does not see."),
        new FindingRule("RG3001", "MissingPermission", "Needed permission not granted",
            "The code or configuration needs an action on a resource that no current grant of the function's role covers: the call will fail with AccessDenied."),
        new FindingRule("RG3002", "BroaderThanNeeded", "Grant broader than needed",
            "A current grant allows actions the function never needs or resources wider than it needs; the finding names the tighter statements RoleGen would write."),
        new FindingRule("RG3003", "WildcardGrant", "Wildcard action or resource",
            "A current grant uses a wildcard action (s3:*, *) or a wildcard resource (*, every resource of a type)."),
        new FindingRule("RG3004", "PolicyTooLarge", "Policy exceeds IAM's size limit",
            "The generated policy exceeds IAM's inline size limit even after compaction."),
        new FindingRule("RG3005", "InvalidAction", "Action not in the IAM catalogue",
            "An action that is not in the IAM catalogue shipped with RoleGen."),
        new FindingRule("RG3006", "CircularReferenceAvoided", "Resource spelled out to avoid a circular dependency",
            "A resource that depends on the function is written by name or ARN pattern rather than by Ref/GetAtt, which would make the role and the function depend on each other."),
        new FindingRule("RG3008", "MalformedArn", "ARN with a placeholder or an account that is no account id",
            "A resource ARN the code or template spells with an account field that is not 12 digits (a placeholder such as account_id), or with a placeholder in it (<SNS_TOPIC_ARN>, {name}): the grant matches nothing."),
        new FindingRule("RG3007", "GrantNotVisible", "Grant RoleGen cannot see into",
            "A role outside the template, a customer managed policy, or a policy RoleGen has no data for: what it grants cannot be compared, so missing permissions are reported as warnings."),
    }.ToImmutableDictionary(r => r.Code, StringComparer.Ordinal);

    /// <summary>The rule for a code; an unknown code gets a generic rule rather than failing the output.</summary>
    public static FindingRule For(string code) =>
        All.TryGetValue(code, out var rule) ? rule : new FindingRule(code, code, code, $"RoleGen diagnostic {code}.");
}
