using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using RoleGen.Core.Mappings;
using RoleGen.Core.Templates;

namespace RoleGen.Core.Check;

/// <summary>
/// Compares resources in Fn::Sub syntax the way IAM would after deploy. Both sides are first put in one canonical
/// spelling: an ARN-valued reference (<c>${Queue.Arn}</c>, an SNS topic's <c>${Topic}</c>) is spelled out from the
/// IAM catalogue's ARN format and the resource's name (<c>arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${Queue.QueueName}</c>);
/// a name the template sets as a literal replaces its reference, and a parameter with a Default that Default; a Lambda function without a literal name is
/// <c>${AWS::StackName}-&lt;LogicalId&gt;-*</c>; and an ARN's literal partition, region and account become the
/// pseudo parameters (<c>arn:aws:s3:::b</c> is <c>arn:${AWS::Partition}:s3:::b</c>: a literal region or account is
/// taken to be the stack's own). Then a granted pattern covers a needed resource when its IAM wildcards match it;
/// a <c>*</c> in the needed resource (a part known only at run time) is matched only by a granted <c>*</c>.
/// </summary>
public sealed partial class ResourceMatcher(CfnTemplate template, CloudFormationTypes types, IamCatalog catalog)
{
    private const int MaxDepth = 4;
    private readonly ConcurrentDictionary<string, string> _canonical = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    public string Canonical(string sub) => _canonical.GetOrAdd(sub, s => NormalizeArnHeader(Rewrite(s, 0)));

    /// <summary>True when the granted pattern covers every resource the needed one can be.</summary>
    public bool Covers(string granted, string needed)
    {
        var broad = Canonical(granted);
        var narrow = Canonical(needed);
        if (broad == "*" || broad == narrow) return true;
        if (!broad.Contains('*') && !broad.Contains('?')) return false;
        return _patterns.GetOrAdd(broad, Compile).IsMatch(narrow);
    }

    /// <summary>True when the granted pattern is exactly the needed resource (same canonical spelling).</summary>
    public bool Same(string granted, string needed) => Canonical(granted) == Canonical(needed);

    /// <summary><c>*</c>, or an ARN whose resource part is only a wildcard (<c>arn:aws:s3:::*</c>, <c>...:table/*</c>): every resource of a kind.</summary>
    public bool IsWildcard(string granted)
    {
        var canonical = Canonical(granted);
        if (canonical == "*") return true;
        var fields = SplitArn(canonical);
        return fields is { Count: 6 } && WholeTypeWildcard().IsMatch(fields[5]);
    }

    private string Rewrite(string sub, int depth)
    {
        if (depth > MaxDepth || !sub.Contains("${", StringComparison.Ordinal)) return sub;
        var text = new StringBuilder();
        foreach (var piece in SubText.Split(sub))
            text.Append(piece.Reference is null ? piece.Text : RewriteReference(piece.Reference, piece.Text, depth));
        return text.ToString();
    }

    private string RewriteReference(string reference, string original, int depth)
    {
        if (PseudoParameters.IsPseudoParameter(reference)) return original;
        // A parameter is compared at its Default, the value the template deploys with unless told otherwise (a grant on
        // table/${TableName} covers the code's "Orders" when TableName defaults to Orders).
        if (template.Parameters.GetValueOrDefault(reference)?["Default"] is CfnScalar { Value: var byDefault }) return TemplateExpression.EscapeForSub(byDefault);
        var dot = reference.IndexOf('.');
        var logicalId = dot < 0 ? reference : reference[..dot];
        var attribute = dot < 0 ? null : reference[(dot + 1)..];
        if (!template.Resources.TryGetValue(logicalId, out var resource) || types.Find(resource.Type) is not { } type) return original;
        var target = new TemplateResourceRef(logicalId, resource.Type, attribute);
        return types.KindOf(target) switch
        {
            ResourceValueKinds.Arn => ArnOf(target, type, depth) ?? original,
            ResourceValueKinds.Name => NameOf(resource, type) is { } name ? Rewrite(name, depth + 1) : types.ExpressionFor(target, ResourceValueKinds.Name) ?? original,
            _ => original,
        };
    }

    private string? ArnOf(TemplateResourceRef target, CloudFormationType type, int depth)
    {
        if (!catalog.Services.TryGetValue(type.IamService, out var service) || !service.ResourceArns.TryGetValue(type.IamResourceType, out var format)) return null;
        var filled = format.Replace("${Partition}", "${AWS::Partition}", StringComparison.Ordinal)
            .Replace("${Region}", "${AWS::Region}", StringComparison.Ordinal)
            .Replace("${Account}", "${AWS::AccountId}", StringComparison.Ordinal);
        var placeholders = SubText.Split(filled).Where(p => p.Reference is not null && !PseudoParameters.IsPseudoParameter(p.Reference)).ToList();
        if (placeholders.Count != 1) return null;
        var name = types.ExpressionFor(target, ResourceValueKinds.Name) ?? types.ExpressionFor(target, ResourceValueKinds.Id);
        if (name is null) return null;
        var arn = filled.Replace(placeholders[0].Text, name, StringComparison.Ordinal);
        // CloudFormation's Arn attribute of a log group is arn:...:log-group:NAME:* (it covers the group's streams).
        if (type.Iam == "logs:log-group") arn += ":*";
        return Rewrite(arn, depth + 1);
    }

    private readonly TemplateExpressionReader _expressions = new(template, types);

    private string? NameOf(CfnResource resource, CloudFormationType type)
    {
        if (type.NameProperty is { } property && resource.Properties[property] is { } name)
        {
            if (name is CfnScalar { Value: var literal }) return TemplateExpression.EscapeForSub(literal);
            // !FindInMap, !Sub...: the name when the template gives it one known spelling (the code reads the same one).
            if (_expressions.Read(name) is [{ Known: true, Resource: null } only]) return only.Sub;
        }
        // CloudFormation names a function it names itself <stack>-<LogicalId>-<random> (as its log group rule says).
        if (resource.Type is FunctionSpecReader.ServerlessFunction or FunctionSpecReader.LambdaFunction)
            return $"${{AWS::StackName}}-{resource.LogicalId}-*";
        return null;
    }

    private static string NormalizeArnHeader(string sub)
    {
        var fields = SplitArn(sub);
        if (fields is null) return sub;
        if (Partitions.Contains(fields[1])) fields[1] = "${AWS::Partition}";
        if (Region().IsMatch(fields[3])) fields[3] = "${AWS::Region}";
        if (Account().IsMatch(fields[4])) fields[4] = "${AWS::AccountId}";
        return string.Join(':', fields);
    }

    /// <summary>arn:partition:service:region:account:rest, splitting on ':' outside ${...}; null when it is not an ARN.</summary>
    private static List<string>? SplitArn(string sub)
    {
        if (!sub.StartsWith("arn:", StringComparison.Ordinal)) return null;
        var fields = new List<string>();
        var start = 0;
        for (var i = 0; i < sub.Length && fields.Count < 5; i++)
        {
            if (sub[i] == '$' && i + 1 < sub.Length && sub[i + 1] == '{')
            {
                var close = sub.IndexOf('}', i);
                if (close < 0) return null;
                i = close;
                continue;
            }
            if (sub[i] != ':') continue;
            fields.Add(sub[start..i]);
            start = i + 1;
        }
        if (fields.Count < 5) return null;
        fields.Add(sub[start..]);
        return fields;
    }

    private static Regex Compile(string pattern)
    {
        var regex = new StringBuilder("^");
        foreach (var piece in SubText.Split(pattern))
        {
            if (piece.Reference is not null) { regex.Append(Regex.Escape(piece.Text)); continue; }
            foreach (var c in piece.Text)
                regex.Append(c switch { '*' => ".*", '?' => "[^*]", _ => Regex.Escape(c.ToString()) });
        }
        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    private static readonly HashSet<string> Partitions = new(StringComparer.Ordinal) { "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc" };

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d+$")]
    private static partial Regex Region();

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex Account();

    [GeneratedRegex(@"^([A-Za-z0-9_-]+[/:])?\*$")]
    private static partial Regex WholeTypeWildcard();
}
