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

    /// <summary>
    /// True when the value refers to the function anywhere inside it: an integration's
    /// <c>!Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations</c>, a Join of
    /// its GetAtt, or the Ref or GetAtt itself.
    /// </summary>
    public static bool Mentions(CfnNode node, string logicalId) => node switch
    {
        CfnMapping mapping when mapping.AsIntrinsic() is { } intrinsic => intrinsic.Function switch
        {
            "Ref" => intrinsic.Argument is CfnScalar name && IsFunctionOrAlias(name.Value, logicalId),
            "Fn::GetAtt" => GetAttResource(intrinsic.Argument) == logicalId,
            "Fn::Sub" => intrinsic.Argument switch
            {
                CfnScalar text => SubMentions(text.Value, logicalId),
                CfnSequence { Items: [CfnScalar text, var variables] } => SubMentions(text.Value, logicalId) || Mentions(variables, logicalId),
                _ => false,
            },
            _ => Mentions(intrinsic.Argument, logicalId),
        },
        CfnMapping mapping => mapping.Entries.Any(e => Mentions(e.Value, logicalId)),
        CfnSequence sequence => sequence.Items.Any(i => Mentions(i, logicalId)),
        _ => false,
    };

    private static bool SubMentions(string text, string logicalId)
    {
        for (var at = text.IndexOf("${" + logicalId, StringComparison.Ordinal); at >= 0; at = text.IndexOf("${" + logicalId, at + 2, StringComparison.Ordinal))
        {
            var end = text.IndexOf('}', at);
            if (end > 0 && IsFunctionOrAlias(text[(at + 2)..end], logicalId)) return true;
        }
        return false;
    }

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
