using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using RoleGen.Core.Analysis.Values;

namespace RoleGen.Core.Permissions;

/// <summary>
/// One resource an action applies to: its ARN in Fn::Sub syntax, an optional condition, and what could not be
/// resolved. <see cref="IdentityUnknown"/> is true when the resource itself (the first placeholder: bucket,
/// table, queue...) is unknown, not just a part below it such as an object key.
/// </summary>
public sealed record BuiltArn(string Arn, PolicyCondition? Condition, ImmutableArray<UnknownValue> Unknowns, bool IdentityUnknown = false);

/// <summary>
/// Fills a catalogue ARN format (<c>arn:${Partition}:s3:::${BucketName}/${ObjectName}</c>) with rendered
/// fragments. Partition, region and account become the template's pseudo parameters. A fragment that is a
/// whole ARN replaces the format up to and including its placeholder (a table ARN before <c>/index/...</c>).
/// </summary>
public static partial class ArnBuilder
{
    private const int MaxResults = 32;

    private static readonly ImmutableDictionary<string, string> Pseudo = new Dictionary<string, string>
    {
        ["Partition"] = "${AWS::Partition}",
        ["Region"] = "${AWS::Region}",
        ["Account"] = "${AWS::AccountId}",
    }.ToImmutableDictionary();

    [GeneratedRegex(@"\$\{([A-Za-z0-9]+)\}")]
    private static partial Regex PlaceholderPattern();

    public static ImmutableArray<string> Placeholders(string format) =>
        PlaceholderPattern().Matches(format).Select(m => m.Groups[1].Value).Where(p => !Pseudo.ContainsKey(p)).Distinct().ToImmutableArray();

    /// <param name="region">The region a client pinned (<see cref="Analysis.SdkCall.Region"/>), instead of the stack's.</param>
    public static ImmutableArray<BuiltArn> Build(string format, IReadOnlyDictionary<string, ImmutableArray<ArnFragment>> fragments, string? region = null)
    {
        var placeholders = Placeholders(format);
        IEnumerable<ImmutableDictionary<string, ArnFragment>> combinations = [ImmutableDictionary<string, ArnFragment>.Empty];
        foreach (var placeholder in placeholders)
        {
            var options = fragments.TryGetValue(placeholder, out var found) && !found.IsEmpty
                ? found
                : [new ArnFragment("*", false, [])];
            combinations = combinations.SelectMany(c => options.Select(o => c.Add(placeholder, o))).Take(MaxResults).ToList();
        }
        return combinations.Select(c => Fill(format, c, region))
            .GroupBy(b => (b.Arn, b.Condition?.Key))
            .Select(g => g.First() with { Unknowns = g.SelectMany(b => b.Unknowns).Distinct().ToImmutableArray() })
            .ToImmutableArray();
    }

    private static BuiltArn Fill(string format, ImmutableDictionary<string, ArnFragment> chosen, string? region)
    {
        var matches = PlaceholderPattern().Matches(format);
        var start = 0;
        var text = new StringBuilder();
        // The last placeholder given as a whole ARN wins: everything before it is part of that ARN.
        var whole = matches.LastOrDefault(m => chosen.TryGetValue(m.Groups[1].Value, out var f) && f.WholeArn);
        if (whole is not null)
        {
            text.Append(chosen[whole.Groups[1].Value].Text);
            start = whole.Index + whole.Length;
        }
        foreach (Match match in matches)
        {
            if (match.Index < start) continue;
            text.Append(format, start, match.Index - start);
            var name = match.Groups[1].Value;
            // The pinned region goes in as text: a template value (${DataRegion}) in it is not a placeholder of the format.
            text.Append(name == "Region" && region is not null ? region : Pseudo.TryGetValue(name, out var pseudo) ? pseudo : chosen.TryGetValue(name, out var fragment) ? fragment.Text : "*");
            start = match.Index + match.Length;
        }
        text.Append(format, start, format.Length - start);
        var condition = Placeholders(format).Select(p => chosen.GetValueOrDefault(p)?.Condition).FirstOrDefault(c => c is not null);
        // In the format's order: dictionary order is not stable across processes, and messages must be.
        var inOrder = Placeholders(format).Select(p => chosen.GetValueOrDefault(p)).OfType<ArnFragment>().ToList();
        var identity = inOrder.FirstOrDefault();
        return new BuiltArn(CollapseStars(text.ToString()), condition, inOrder.SelectMany(f => f.Unknowns).Distinct().ToImmutableArray(),
            identity is { IsFullyUnknown: true });
    }

    private static string CollapseStars(string arn)
    {
        while (arn.Contains("**", StringComparison.Ordinal)) arn = arn.Replace("**", "*", StringComparison.Ordinal);
        return arn;
    }
}
