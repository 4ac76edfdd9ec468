using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace RoleGen.Core.Templates;

/// <summary>One piece of an Fn::Sub string: literal text (still in Sub syntax, so <c>${!x}</c> stays escaped) or a <c>${Name}</c> reference.</summary>
internal sealed record SubPiece(string Text, string? Reference);

/// <summary>Reading Fn::Sub strings and CloudFormation dynamic references.</summary>
internal static partial class SubText
{
    public static ImmutableArray<SubPiece> Split(string sub)
    {
        var pieces = ImmutableArray.CreateBuilder<SubPiece>();
        var literalStart = 0;
        var i = 0;
        while ((i = sub.IndexOf("${", i, StringComparison.Ordinal)) >= 0)
        {
            if (i + 2 < sub.Length && sub[i + 2] == '!') { i += 3; continue; } // ${!Literal} is text
            var close = sub.IndexOf('}', i + 2);
            if (close < 0) break;
            if (i > literalStart) pieces.Add(new SubPiece(sub[literalStart..i], null));
            pieces.Add(new SubPiece(sub[i..(close + 1)], sub[(i + 2)..close].Trim()));
            i = literalStart = close + 1;
        }
        if (literalStart < sub.Length) pieces.Add(new SubPiece(sub[literalStart..], null));
        return pieces.ToImmutable();
    }

    public static bool HasReferences(string sub) => Split(sub).Any(p => p.Reference is not null);

    public static string Unescape(string sub) => sub.Replace("${!", "${", StringComparison.Ordinal);

    /// <summary>The whole string is one reference: <c>${Table}</c> or <c>${Queue.Arn}</c>.</summary>
    public static (string LogicalId, string? Attribute)? AsSingleReference(string sub)
    {
        var match = SingleReference().Match(sub);
        return match.Success ? (match.Groups[1].Value, match.Groups[2].Success ? match.Groups[2].Value : null) : null;
    }

    /// <summary>Why a value is a dynamic reference (<c>{{resolve:ssm:/x}}</c>) resolved only at deploy; null if it is not one.</summary>
    public static string? DynamicReferenceNote(string text)
    {
        var match = DynamicReference().Match(text);
        if (!match.Success) return null;
        var store = match.Groups[1].Value switch
        {
            "ssm" or "ssm-secure" => "SSM Parameter Store",
            "secretsmanager" => "Secrets Manager",
            var other => other,
        };
        return $"'{match.Value}...' is a dynamic reference: CloudFormation reads it from {store} at deploy time.";
    }

    [GeneratedRegex(@"^\$\{([A-Za-z0-9]+)(?:\.([A-Za-z0-9.]+))?\}$")]
    private static partial Regex SingleReference();

    [GeneratedRegex(@"\{\{resolve:([A-Za-z-]+):")]
    private static partial Regex DynamicReference();
}
