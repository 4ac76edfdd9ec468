namespace RoleGen.Core.Diagnostics;

/// <summary>
/// Stable diagnostic codes. RG1xxx: analysis of C# code; RG2xxx: template and input; RG3xxx: policy.
/// Codes are part of the public contract (MSBuild, SARIF, CI gates): never renumber.
/// </summary>
public static class FindingCodes
{
    public const string UnknownSdkCall = "RG1001";
    public const string UnresolvedResource = "RG1002";
    public const string HandlerNotFound = "RG1003";
    public const string SourceDoesNotParse = "RG1004";
    public const string ProjectNotFound = "RG1005";
    public const string PartiallyResolvedResource = "RG1006";
    public const string DynamicReference = "RG1007";
    public const string AwsDependentPackage = "RG1008";
    /// <summary>A client signs its calls with credentials of its own (access keys, a profile, an assumed role), not the function's role.</summary>
    public const string OwnCredentials = "RG1009";
    /// <summary>A ProjectReference names a project that is not on disk: the code declared there is not seen.</summary>
    public const string MissingProjectReference = "RG1010";
    /// <summary>CodeUri names a folder that does not exist; the project building the handler's assembly was found elsewhere in the repository.</summary>
    public const string CodeFoundElsewhere = "RG1011";
    /// <summary>The Lambda runtime cannot build the handler's class: no public parameterless constructor (or abstract).</summary>
    public const string HandlerNotConstructible = "RG1012";

    public const string TemplateUnreadable = "RG2001";
    public const string TemplateInvalid = "RG2002";
    public const string HandlerFormat = "RG2003";
    public const string UnboundEnvironmentVariable = "RG2004";
    public const string UnknownTemplateValue = "RG2005";
    /// <summary>The handler takes a polled event (SQS, Kinesis, DynamoDB streams) the template gives it no source of.</summary>
    public const string UnseenEventSource = "RG2008";
    /// <summary>A Transform other than SAM's: a macro changes the template after RoleGen read it.</summary>
    public const string UnknownTransform = "RG2009";

    public const string MissingPermission = "RG3001";
    public const string BroaderThanNeeded = "RG3002";
    public const string WildcardGrant = "RG3003";
    public const string PolicyTooLarge = "RG3004";
    public const string InvalidAction = "RG3005";
    public const string GrantNotVisible = "RG3007";
    public const string MalformedArn = "RG3008";
}
