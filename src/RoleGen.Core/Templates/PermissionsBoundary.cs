namespace RoleGen.Core.Templates;

/// <summary>
/// The permissions boundary a function's execution role must keep when RoleGen gives it a role of its own. Organisations
/// often deny creating a role without one (and a boundary dropped silently widens what the role may do), so it is carried:
/// the function's own <c>PermissionsBoundary</c> (SAM, <c>Globals.Function</c> included), else the boundary of the role
/// the function uses now when the template declares that role (a hand-written shared role, or the one RoleGen wrote before).
/// </summary>
public static class PermissionsBoundary
{
    public static CfnNode? Of(FunctionSpec function, CfnTemplate template)
    {
        if (function.ResourceType == "AWS::Serverless::Function" && function.Properties["PermissionsBoundary"] is { } own) return own;
        return RoleReferenced(function.Properties["Role"]) is { } roleId &&
               template.Resources.TryGetValue(roleId, out var role) && role.Type == "AWS::IAM::Role"
            ? role.Properties["PermissionsBoundary"]
            : null;
    }

    /// <summary>The logical id of the template role a <c>Role</c> value refers to (<c>!GetAtt R.Arn</c>, <c>!Ref R</c>), or null.</summary>
    public static string? RoleReferenced(CfnNode? role) => role switch
    {
        CfnMapping m when m.AsIntrinsic() is ("Fn::GetAtt", CfnSequence { Items: [CfnScalar id, ..] }) => id.Value,
        CfnMapping m when m.AsIntrinsic() is ("Ref", CfnScalar id) => id.Value,
        _ => null,
    };
}
