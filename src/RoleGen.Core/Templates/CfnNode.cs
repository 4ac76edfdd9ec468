using System.Collections.Immutable;

namespace RoleGen.Core.Templates;

/// <summary>
/// Where a node sits in the template text: 1-based line/column of its start, and character
/// offsets [Start, End) so that later stages can patch the text in place.
/// </summary>
public sealed record TextSpan(int Line, int Column, int Start, int End);

/// <summary>
/// A template value, the same for YAML and JSON. Short-form YAML tags are expanded when parsing
/// (<c>!Ref X</c> becomes a mapping <c>{Ref: X}</c>, <c>!GetAtt A.B</c> becomes <c>{Fn::GetAtt: [A, B]}</c>),
/// so every later stage sees only the long form.
/// </summary>
public abstract record CfnNode(TextSpan Span);

public sealed record CfnScalar(string Value, TextSpan Span, bool Quoted = false) : CfnNode(Span)
{
    public override string ToString() => Value;
}

public sealed record CfnEntry(string Key, CfnNode Value, TextSpan KeySpan);

public sealed record CfnMapping(ImmutableArray<CfnEntry> Entries, TextSpan Span) : CfnNode(Span)
{
    /// <summary>The first entry with this key (a plain loop: this runs for every property read of every resource).</summary>
    public CfnNode? this[string key]
    {
        get
        {
            foreach (var entry in Entries)
                if (entry.Key == key) return entry.Value;
            return null;
        }
    }

    public bool TryGet(string key, out CfnNode value)
    {
        value = this[key]!;
        return value is not null;
    }

    /// <summary>The function name and argument when this mapping is one intrinsic (<c>{Ref: X}</c>, <c>{Fn::Sub: ...}</c>).</summary>
    public (string Function, CfnNode Argument)? AsIntrinsic() =>
        Entries.Length == 1 && (Entries[0].Key == "Ref" || Entries[0].Key == "Condition" || Entries[0].Key.StartsWith("Fn::", StringComparison.Ordinal))
            ? (Entries[0].Key, Entries[0].Value)
            : null;
}

public sealed record CfnSequence(ImmutableArray<CfnNode> Items, TextSpan Span) : CfnNode(Span);
