namespace RoleGen.Core.Templates;

/// <summary>Whether a template value (an event source mapping's FunctionName) designates a given function.</summary>
internal static class FunctionReference
{
    public static bool Names(CfnNode target, string logicalId, string? literalName)
    {
        switch (target)
        {
            case CfnScalar scalar:
                return literalName is not null && NamesLiteral(scalar.Value, literalName);
            case CfnMapping mapping when mapping.AsIntrinsic() is { } intrinsic:
                var argument = intrinsic.Argument;
                return intrinsic.Function switch
                {
                    "Ref" => argument is CfnScalar name && IsFunctionOrAlias(name.Value, logicalId),
                    "Fn::GetAtt" => GetAttResource(argument) == logicalId,
                    "Fn::Sub" => argument is CfnScalar text && (text.Value == $"${{{logicalId}}}" || text.Value == $"${{{logicalId}.Arn}}"),
                    _ => false,
                };
            default:
                return false;
        }
    }

    /// <summary>
    /// <c>!Ref Fn</c>, <c>!Ref Fn.Alias</c> (SAM's alias shorthand) and <c>!Ref FnAliaslive</c> (the alias resource
    /// SAM generates for AutoPublishAlias) all invoke the same code.
    /// </summary>
    private static bool IsFunctionOrAlias(string name, string logicalId) =>
        name == logicalId
        || name.StartsWith(logicalId + ".", StringComparison.Ordinal)
        || name.StartsWith(logicalId + "Alias", StringComparison.Ordinal);

    private static string? GetAttResource(CfnNode argument) => argument switch
    {
        CfnSequence { Items: [CfnScalar resource, ..] } => resource.Value,
        CfnScalar dotted => dotted.Value.Split('.')[0],
        _ => null,
    };

    /// <summary>A name, a name:qualifier, or an ARN ending in function:name[:qualifier].</summary>
    private static bool NamesLiteral(string value, string literalName)
    {
        var marker = ":function:";
        var at = value.IndexOf(marker, StringComparison.Ordinal);
        var name = at >= 0 ? value[(at + marker.Length)..] : value;
        var colon = name.IndexOf(':');
        return (colon >= 0 ? name[..colon] : name) == literalName;
    }
}
