using System.Collections.Immutable;
using Newtonsoft.Json.Linq;

namespace RoleGen.Core.Mappings;

/// <summary>
/// mappings/catalog/sdk-operations.json: for each SDK client RoleGen must cover, the .NET method names (without
/// Async) of its operations. The coverage test checks that the mapping table has an entry for each; the analysis
/// can use it to tell "an operation the table lacks" from "not an SDK operation at all".
/// </summary>
public sealed record SdkOperationList(ImmutableArray<SdkClientOperations> Clients)
{
    public const string FileName = "sdk-operations.json";

    public static SdkOperationList Load(string path)
    {
        var root = JObject.Parse(File.ReadAllText(path));
        var clients = ((JArray)root["clients"]!).Select(c => new SdkClientOperations(
                (string)c["iam_prefix"]!, (string)c["sdk_service"]!, (string)c["namespace"]!,
                (string)c["interface"]!, (string)c["client"]!,
                ((JArray)c["methods"]!).Select(m => (string)m!).ToImmutableArray()))
            .ToImmutableArray();
        return new SdkOperationList(clients);
    }
}

/// <summary>One SDK client (interface IAmazonS3, class AmazonS3Client) and its operation method names.</summary>
public sealed record SdkClientOperations(
    string IamPrefix, string SdkService, string Namespace, string Interface, string Client,
    ImmutableArray<string> Methods);
