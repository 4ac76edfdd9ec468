using System.Collections.Immutable;

namespace RoleGen.Core.Templates;

/// <summary>The YAML short-form tags CloudFormation accepts, and the long-form key each one stands for.</summary>
internal static class ShortFormIntrinsics
{
    public const string GetAttTag = "!GetAtt";

    private static readonly ImmutableDictionary<string, string> LongForms = new Dictionary<string, string>
    {
        ["!Ref"] = "Ref",
        ["!Condition"] = "Condition",
        ["!GetAtt"] = "Fn::GetAtt",
        ["!Sub"] = "Fn::Sub",
        ["!Join"] = "Fn::Join",
        ["!If"] = "Fn::If",
        ["!FindInMap"] = "Fn::FindInMap",
        ["!ImportValue"] = "Fn::ImportValue",
        ["!Select"] = "Fn::Select",
        ["!Split"] = "Fn::Split",
        ["!Base64"] = "Fn::Base64",
        ["!Cidr"] = "Fn::Cidr",
        ["!GetAZs"] = "Fn::GetAZs",
        ["!And"] = "Fn::And",
        ["!Or"] = "Fn::Or",
        ["!Not"] = "Fn::Not",
        ["!Equals"] = "Fn::Equals",
        ["!Transform"] = "Fn::Transform",
        // AWS::LanguageExtensions
        ["!Length"] = "Fn::Length",
        ["!ToJsonString"] = "Fn::ToJsonString",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    public static string? LongFormOf(string tag) => LongForms.GetValueOrDefault(tag);
}
