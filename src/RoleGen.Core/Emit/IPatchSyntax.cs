using RoleGen.Core.Templates;

namespace RoleGen.Core.Emit;

/// <summary>How each kind of edit <see cref="TemplatePatcher"/> makes is spelled in one template syntax.</summary>
internal interface IPatchSyntax
{
    /// <summary>Points an existing <c>Role</c> property at the generated role.</summary>
    void SetRole(CfnEntry role, string roleId);

    /// <summary>Adds a <c>Role</c> property (after Handler when there is one).</summary>
    void AddRole(CfnMapping properties, string roleId);

    /// <summary>Removes one entry of a mapping, with its separators.</summary>
    void Remove(CfnMapping mapping, CfnEntry entry);

    /// <summary>Rewrites a role resource RoleGen generated on an earlier run.</summary>
    void ReplaceResource(CfnEntry resource, FunctionReport function);

    /// <summary>Adds new role resources after the last resource.</summary>
    void AppendResources(CfnMapping resources, IReadOnlyList<FunctionReport> functions);
}
