using System.Collections.Immutable;

namespace RoleGen.Core.Templates;

/// <summary>
/// SAM's rules for merging a <c>Globals</c> section into a resource: the resource's own scalar wins, mappings merge
/// key by key (recursively, the resource winning), lists are the global items followed by the resource's.
/// Intrinsics are values, not mappings to merge: the resource's intrinsic replaces the global value whole.
/// </summary>
public static class SamGlobals
{
    public static CfnMapping Merge(CfnMapping? globals, CfnMapping own)
    {
        if (globals is null || globals.Entries.IsEmpty) return own;

        var entries = ImmutableArray.CreateBuilder<CfnEntry>();
        foreach (var entry in own.Entries)
        {
            var global = globals[entry.Key];
            entries.Add(global is null ? entry : entry with { Value = MergeValue(global, entry.Value) });
        }
        foreach (var entry in globals.Entries)
            if (own[entry.Key] is null) entries.Add(entry);

        return new CfnMapping(entries.ToImmutable(), own.Span);
    }

    private static CfnNode MergeValue(CfnNode global, CfnNode own) => (global, own) switch
    {
        (CfnMapping g, CfnMapping o) when g.AsIntrinsic() is null && o.AsIntrinsic() is null => Merge(g, o),
        (CfnSequence g, CfnSequence o) => new CfnSequence(g.Items.AddRange(o.Items), o.Span),
        _ => own,
    };
}
