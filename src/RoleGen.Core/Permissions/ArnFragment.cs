using System.Collections.Immutable;
using RoleGen.Core.Analysis.Values;

namespace RoleGen.Core.Permissions;

/// <summary>
/// One possible rendering of a request value inside an ARN, in Fn::Sub syntax: either the text of one
/// placeholder (a name, an id) or, when <see cref="WholeArn"/>, the resource's entire ARN. Unknown parts are
/// already "*"; <see cref="Unknowns"/> says why, for the finding.
/// </summary>
public sealed record ArnFragment(string Text, bool WholeArn, ImmutableArray<UnknownValue> Unknowns, PolicyCondition? Condition = null)
{
    public bool IsFullyUnknown => Text == "*" && !Unknowns.IsEmpty;

    public static ArnFragment Unknown(UnknownValue why) => new("*", false, [why]);
}
