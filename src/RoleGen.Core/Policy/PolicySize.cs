using System.Text;
using RoleGen.Core.Permissions;

namespace RoleGen.Core.Policy;

/// <summary>The size IAM counts for a policy document: its JSON without white space.</summary>
public static class PolicySize
{
    public static int Of(IEnumerable<PolicyStatement> statements)
    {
        var text = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        foreach (var s in statements)
        {
            text.Append("{\"Sid\":\"").Append(s.Sid).Append("\",\"Effect\":\"Allow\",\"Action\":[");
            text.AppendJoin(",", s.Actions.Select(a => $"\"{a}\""));
            text.Append("],\"Resource\":[").AppendJoin(",", s.Resources.Select(r => $"\"{r}\"")).Append(']');
            if (s.Condition is { } c) text.Append(",\"Condition\":").Append(ConditionJson(c));
            text.Append("},");
        }
        return text.Length + 2;
    }

    private static string ConditionJson(PolicyCondition condition) =>
        "{" + string.Join(",", condition.Operators.Select(o => $"\"{o.Key}\":{{" + string.Join(",", o.Value.Select(k => $"\"{k.Key}\":[" + string.Join(",", k.Value.Select(v => $"\"{v}\"")) + "]")) + "}")) + "}";
}
