using System.Collections.Immutable;

namespace RoleGen.Core.Templates;

/// <summary>
/// Which resources each resource depends on (Ref, GetAtt, ${} in Sub, DependsOn), plus the edges SAM adds when it
/// expands a function's S3 events: the bucket's notification names the function, so the bucket depends on it.
/// Used to keep a generated role from closing a cycle (role -> bucket -> function -> role).
/// </summary>
public sealed class TemplateDependencies
{
    private readonly ImmutableDictionary<string, ImmutableHashSet<string>> _edges;

    public TemplateDependencies(CfnTemplate template, IEnumerable<FunctionSpec> functions)
    {
        var edges = template.Resources.ToDictionary(r => r.Key, r => References(r.Value.Definition).Where(template.Resources.ContainsKey).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var function in functions)
        foreach (var source in function.Events.Where(e => e.Type == "S3"))
            if (source.Properties["Bucket"] is CfnMapping bucket && bucket.AsIntrinsic() is ("Ref", CfnScalar name) && edges.TryGetValue(name.Value, out var bucketEdges))
                bucketEdges.Add(function.LogicalId);
        _edges = edges.ToImmutableDictionary(e => e.Key, e => e.Value.ToImmutableHashSet(StringComparer.Ordinal));
    }

    /// <summary>True when <paramref name="from"/> depends, directly or not, on <paramref name="to"/>.</summary>
    public bool DependsOn(string from, string to)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([from]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current) || !_edges.TryGetValue(current, out var next)) continue;
            if (next.Contains(to)) return true;
            foreach (var n in next) pending.Push(n);
        }
        return false;
    }

    private static IEnumerable<string> References(CfnNode node)
    {
        switch (node)
        {
            case CfnMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    switch (entry.Key)
                    {
                        case "Ref" when entry.Value is CfnScalar r:
                            yield return r.Value;
                            continue;
                        case "Fn::GetAtt":
                            var target = entry.Value switch
                            {
                                CfnSequence { Items: [CfnScalar id, ..] } => id.Value,
                                CfnScalar s => s.Value.Split('.')[0],
                                _ => null,
                            };
                            if (target is not null) yield return target;
                            continue;
                        case "Fn::Sub":
                            var text = entry.Value switch { CfnScalar s => s.Value, CfnSequence { Items: [CfnScalar s, ..] } => s.Value, _ => "" };
                            foreach (var piece in SubText.Split(text).Where(p => p.Reference is not null))
                                yield return piece.Reference!.Split('.')[0];
                            break;
                        case "DependsOn":
                            foreach (var dependency in entry.Value is CfnSequence list ? list.Items.OfType<CfnScalar>() : entry.Value is CfnScalar one ? [one] : [])
                                yield return dependency.Value;
                            continue;
                    }
                    foreach (var inner in References(entry.Value)) yield return inner;
                }
                break;
            case CfnSequence sequence:
                foreach (var item in sequence.Items)
                foreach (var inner in References(item)) yield return inner;
                break;
        }
    }
}
