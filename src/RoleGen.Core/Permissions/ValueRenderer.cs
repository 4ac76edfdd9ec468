using System.Collections.Immutable;
using System.Text.RegularExpressions;
using RoleGen.Core.Analysis.Values;
using RoleGen.Core.Templates;

namespace RoleGen.Core.Permissions;

/// <summary>
/// Renders a request value into ARN fragments according to how the request member names its resource
/// (its kind in the mapping table: name, arn, name-or-arn, queue-url, kms-key). Every alternative of a
/// OneOf becomes its own fragment; unknown parts become "*" and are remembered for the finding.
/// </summary>
public sealed partial class ValueRenderer(IResourceKnowledge resources)
{
    private const int MaxAlternatives = 32;

    /// <param name="placeholder">The ARN placeholder being filled: a KMS alias fills <c>${Alias}</c> by name but a key only through a condition.</param>
    public ImmutableArray<ArnFragment> Render(Value value, string kind, string? placeholder = null)
    {
        var fragments = Patterns(value).Take(MaxAlternatives).SelectMany(p => Interpret(p, kind, placeholder == "Alias")).Distinct(FragmentComparer.Instance).ToList();
        // No resource is named "": an empty string is a default that code overwrites (string.Empty before the constructor runs).
        var named = fragments.Where(f => f.Text.Length > 0).ToImmutableArray();
        return named.IsEmpty && fragments.Count > 0 ? [ArnFragment.Unknown(new UnknownValue("the only value code gives it is an empty string: a default (such as string.Empty) that something RoleGen does not see replaces at run time (configuration, or set-up code it cannot reach)", null))] : named;
    }

    /// <summary>A value as text patterns in Sub syntax, with template references kept whole where they stand alone.</summary>
    private IEnumerable<Pattern> Patterns(Value value) => value switch
    {
        LiteralValue literal => [new Pattern(TemplateExpression.EscapeForSub(literal.Text), [], null)],
        TemplateValue template when !template.Expression.Known => [new Pattern("*", [new UnknownValue(template.Expression.Note ?? "the template value is known only at deploy time", null) { KnownAtDeploy = true }], null)],
        TemplateValue template => [new Pattern(template.Expression.Sub, [], template.Expression.Resource) { IsArn = template.Expression.IsArn }],
        OneOfValue oneOf => oneOf.Options.Where(o => o is not NullValue).SelectMany(Patterns),
        ConcatValue concat => ConcatPatterns(concat.Parts),
        UnknownValue unknown => [new Pattern("*", [unknown], null)],
        EnvVarValue env => [new Pattern("*", [new UnknownValue($"environment variable {env.Name} is not set for this function in the template", env.Location)], null)],
        EventFieldValue field => [new Pattern("*", [new UnknownValue($"read from the {field.Source} event ({field.Field})", field.Location)], null)],
        NullValue or NoValue => [],
        _ => [new Pattern("*", [new UnknownValue($"{ValueText.Of(value)} does not name a resource", null)], null)],
    };

    private IEnumerable<Pattern> ConcatPatterns(ImmutableArray<Value> parts)
    {
        IEnumerable<Pattern> results = [new Pattern("", [], null)];
        foreach (var part in parts)
        {
            var options = Patterns(part).Take(MaxAlternatives).ToList();
            // A part with no possible value (a loop over a list filled at run time) is unknown, never dropped.
            if (options.Count == 0) options = [new Pattern("*", [new UnknownValue($"{ValueText.Of(part)} has no value RoleGen can see", null)], null)];
            results = results.SelectMany(r => options.Select(o => new Pattern(JoinStars(r.Text, o.Text), r.Unknowns.AddRange(o.Unknowns), null))).Take(MaxAlternatives).ToList();
        }
        return results;
    }

    private static string JoinStars(string left, string right) =>
        left.EndsWith('*') && right.StartsWith('*') ? left + right[1..] : left + right;

    private IEnumerable<ArnFragment> Interpret(Pattern pattern, string kind, bool fillsAlias)
    {
        if (pattern.Resource is { } resource && Interpret(resource, pattern, kind, fillsAlias) is { } fromTemplate)
            return [fromTemplate];
        var text = pattern.Text;
        // A parameter that holds an ARN, where the request takes a name or an ARN: the ARN, never a name made of it.
        if (pattern.IsArn && kind is not ("name" or "queue-url") && !(kind == "kms-key" && fillsAlias))
            return [new ArnFragment(text, true, pattern.Unknowns)];
        return kind switch
        {
            "queue-url" => [QueueUrl(pattern)],
            "kms-key" when fillsAlias => [AliasName(pattern)],
            "kms-key" when text.StartsWith("alias/", StringComparison.Ordinal) && resources.AliasTarget(text) is { } aliasKey => [new ArnFragment(aliasKey, true, pattern.Unknowns)],
            "kms-key" => [KmsKey(pattern)],
            "sns-subscription-arn" => [SubscriptionTopic(pattern)],
            "secret-id" => [SecretId(pattern)],
            "ssm-parameter-name" => ParameterName(pattern),
            "ssm-parameter-path" => ParameterPath(pattern),
            "email-identity" => EmailIdentity(pattern),
            "execute-api-endpoint-api" => [ApiEndpointPart(pattern, "api")],
            "execute-api-endpoint-stage" => [ApiEndpointPart(pattern, "stage")],
            "arn" or "name-or-arn" when text.StartsWith("arn:", StringComparison.Ordinal) => [new ArnFragment(text, true, pattern.Unknowns)],
            // An ARN whose start is not known (an edit of one, a prefix read at run time): what follows cannot be placed in it.
            "arn" when text.StartsWith('*') => [new ArnFragment("*", false, pattern.Unknowns)],
            _ => [new ArnFragment(text, false, pattern.Unknowns)],
        };
    }

    /// <summary>A value that is exactly one Ref/GetAtt of a template resource: use the resource's own name or ARN.</summary>
    private ArnFragment? Interpret(TemplateResourceRef resource, Pattern pattern, string kind, bool fillsAlias)
    {
        var evaluatesTo = resources.ValueKind(resource);
        if (kind == "kms-key" && resource.ResourceType == "AWS::KMS::Alias" && resource.Attribute is null)
        {
            if (fillsAlias) return null;
            // Ref of an alias is "alias/name": its key, when the template says which, else the alias as a condition.
            return resources.AliasTarget(resource.LogicalId) is { } key ? new ArnFragment(key, true, []) : AliasCondition(pattern.Text);
        }
        switch (evaluatesTo)
        {
            case "name" or "id" when kind is "ssm-parameter-name" or "ssm-parameter-path":
                // A parameter's name may start with "/", which its ARN leaves out: the name the template writes says which;
                // else both spellings (null).
                if (resource.Attribute is not null || resources.LiteralName(resource) is not { } literal) return null;
                var named = new Pattern(TemplateExpression.EscapeForSub(literal), [], null);
                return (kind == "ssm-parameter-path" ? ParameterPath(named) : ParameterName(named)).First();
            case "name" or "id":
                return new ArnFragment(pattern.Text, false, []);
            case "arn":
                return new ArnFragment(pattern.Text, true, []);
            default:
                if (resources.Expression(resource, "arn") is { } arn) return new ArnFragment(arn, true, []);
                if (resources.Expression(resource, "name") is { } name) return new ArnFragment(name, false, []);
                return null;
        }
    }

    [GeneratedRegex(@"^https?://(?<host>[^/]+)/(?<account>[^/]+)/(?<name>[^/]+)/?$")]
    private static partial Regex QueueUrlPattern();

    [GeneratedRegex(@"^(?:sqs\.)?(?<region>[a-z0-9-]+|\*|\$\{[^}]+\})\.(?:queue\.)?amazonaws\.com(?:\.cn)?$|^sqs\.(?<region>[a-z0-9-]+|\*|\$\{[^}]+\})\.")]
    private static partial Regex QueueHostPattern();

    /// <summary>https://sqs.&lt;region&gt;.amazonaws.com/&lt;account&gt;/&lt;name&gt; -> the queue's ARN; anything else is taken as the name.</summary>
    private static ArnFragment QueueUrl(Pattern pattern)
    {
        var match = QueueUrlPattern().Match(pattern.Text);
        if (!match.Success)
            return pattern.Text.StartsWith("arn:", StringComparison.Ordinal) ? new ArnFragment(pattern.Text, true, pattern.Unknowns) : new ArnFragment(LastSegment(pattern.Text), false, pattern.Unknowns);
        var host = QueueHostPattern().Match(match.Groups["host"].Value);
        var region = host.Success ? host.Groups["region"].Value : "${AWS::Region}";
        var account = match.Groups["account"].Value;
        return new ArnFragment($"arn:${{AWS::Partition}}:sqs:{region}:{account}:{match.Groups["name"].Value}", true, pattern.Unknowns);
    }

    private static string LastSegment(string text)
    {
        var slash = text.LastIndexOf('/');
        return slash < 0 ? text : text[(slash + 1)..];
    }

    /// <summary>A key id, key ARN, alias name or alias ARN. Permissions on an alias apply to the key it names, so an alias becomes a condition.</summary>
    private static ArnFragment KmsKey(Pattern pattern)
    {
        var text = pattern.Text;
        if (text.StartsWith("alias/", StringComparison.Ordinal)) return AliasCondition(text) with { Unknowns = pattern.Unknowns };
        if (text.StartsWith("arn:", StringComparison.Ordinal) && text.Contains(":alias/", StringComparison.Ordinal))
            return AliasCondition(text[(text.IndexOf(":alias/", StringComparison.Ordinal) + 1)..]) with { Unknowns = pattern.Unknowns };
        return text.StartsWith("arn:", StringComparison.Ordinal) ? new ArnFragment(text, true, pattern.Unknowns) : new ArnFragment(text, false, pattern.Unknowns);
    }

    /// <summary>For the alias resource itself (CreateAlias, DeleteAlias): alias/x fills ${Alias} with x.</summary>
    private static ArnFragment AliasName(Pattern pattern)
    {
        var text = pattern.Text;
        if (text.StartsWith("arn:", StringComparison.Ordinal)) return new ArnFragment(text, true, pattern.Unknowns);
        return new ArnFragment(text.StartsWith("alias/", StringComparison.Ordinal) ? text[6..] : text, false, pattern.Unknowns);
    }

    /// <summary>
    /// A secret's ARN, or its name: Secrets Manager ends a secret's ARN with "-" and six random characters, so a name
    /// matches as <c>name-??????</c>.
    /// </summary>
    private static ArnFragment SecretId(Pattern pattern)
    {
        var text = pattern.Text;
        if (text.StartsWith("arn:", StringComparison.Ordinal)) return new ArnFragment(text, true, pattern.Unknowns);
        return new ArnFragment(text.EndsWith('*') ? text : text + "-??????", false, pattern.Unknowns);
    }

    /// <summary>
    /// A parameter's ARN, or its name: the ARN holds the name without its leading "/" (parameter/app/db for /app/db).
    /// A name that starts with a template value (a parameter's Ref, an SSM parameter resource) may or may not start
    /// with "/", which is known only at deploy time: both ARNs are granted, <c>parameter/${Name}</c> and
    /// <c>parameter${Name}</c>; exactly one of them names the parameter, the other names nothing.
    /// </summary>
    private static IEnumerable<ArnFragment> ParameterName(Pattern pattern)
    {
        var text = pattern.Text;
        if (text.StartsWith("arn:", StringComparison.Ordinal)) return [new ArnFragment(text, true, pattern.Unknowns)];
        var name = new ArnFragment(text.TrimStart('/'), false, pattern.Unknowns);
        if (!text.StartsWith("${", StringComparison.Ordinal) || text.StartsWith("${AWS::", StringComparison.Ordinal)) return [name];
        return [name, new ArnFragment($"arn:${{AWS::Partition}}:ssm:${{AWS::Region}}:${{AWS::AccountId}}:parameter{text}", true, pattern.Unknowns)];
    }

    /// <summary>A path of parameters (GetParametersByPath): the parameters whose names start with it, <c>parameter/app*</c> for /app.</summary>
    private static IEnumerable<ArnFragment> ParameterPath(Pattern pattern) =>
        pattern.Text.StartsWith("arn:", StringComparison.Ordinal)
            ? ParameterName(pattern)
            : ParameterName(pattern).Select(name => name.Text.EndsWith('*') ? name : name with { Text = name.Text + "*" });

    /// <summary>
    /// The SES identities a sender address is authorized by: the address's own identity and its domain's (SES checks the
    /// address when it is verified itself, else its domain). A display name (<c>Orders &lt;orders@example.com&gt;</c>) is
    /// left out; a domain or identity ARN is itself. When the domain is not in the text (a template value that may hold a
    /// whole address, a part known only at run time), every identity, with a finding: a template value cannot be split.
    /// </summary>
    private static IEnumerable<ArnFragment> EmailIdentity(Pattern pattern)
    {
        var text = pattern.Text.Trim();
        if (text.StartsWith("arn:", StringComparison.Ordinal)) return [new ArnFragment(text, true, pattern.Unknowns)];
        if (text.LastIndexOf('<') is var open and >= 0 && text.EndsWith('>')) text = text[(open + 1)..^1].Trim();
        var at = text.LastIndexOf('@');
        var domain = at < 0 ? text : text[(at + 1)..];
        // "noreply@${Domain}" names its domain; "${Sender}" alone may hold a whole address, whose domain only deployment knows.
        if (domain.Length == 0 || domain.Contains('*') || (at < 0 && text.Contains("${", StringComparison.Ordinal)))
        {
            var why = new UnknownValue($"SES authorizes a sender by its address's identity or its domain's, and the domain of '{pattern.Text}' is not known before deployment", null);
            return [new ArnFragment("*", false, pattern.Unknowns.Add(why))];
        }
        return at < 0 ? [new ArnFragment(text, false, pattern.Unknowns)] : [new ArnFragment(text, false, pattern.Unknowns), new ArnFragment(domain, false, pattern.Unknowns)];
    }

    /// <summary>
    /// The API id or the stage of an API Gateway endpoint URL, <c>https://{api-id}.execute-api.{region}.amazonaws.com/{stage}</c>
    /// (also <c>${Api.ApiEndpoint}/{stage}</c>, the endpoint an AWS::ApiGatewayV2::Api gives, whose id is its Ref); a URL
    /// that is not of that form (a custom domain, one known only at run time) gives *, with a finding.
    /// </summary>
    private static ArnFragment ApiEndpointPart(Pattern pattern, string part)
    {
        var match = ApiEndpointPattern().Match(pattern.Text.Trim());
        if (match.Groups[part] is { Success: true, Value: var value } && !value.Contains('*'))
            return new ArnFragment(match.Groups["getatt"].Success && part == "api" ? "${" + value + "}" : value, false, pattern.Unknowns);
        var what = part == "api" ? "API id" : "stage";
        return new ArnFragment("*", false, pattern.Unknowns.Add(new UnknownValue($"the {what} of the endpoint '{pattern.Text}' is not known before deployment (a URL https://<api-id>.execute-api.<region>.amazonaws.com/<stage> names it)", null)));
    }

    [GeneratedRegex(@"^(?:[a-z]+://)?(?:(?<api>[^./:]+)\.execute-api\.[^/]+|\$\{(?<getatt>(?<api>[A-Za-z0-9]+))\.ApiEndpoint\})(?:/(?<stage>[^/?#]+))?/?")]
    private static partial Regex ApiEndpointPattern();

    /// <summary>A subscription ARN is its topic's ARN plus ":id"; subscription calls are authorized on the topic.</summary>
    private static ArnFragment SubscriptionTopic(Pattern pattern)
    {
        var text = pattern.Text;
        var colon = text.LastIndexOf(':');
        return text.StartsWith("arn:", StringComparison.Ordinal) && colon > 0 && text.Count(c => c == ':') >= 6
            ? new ArnFragment(text[..colon], true, pattern.Unknowns)
            : new ArnFragment("*", false, pattern.Unknowns.Add(new UnknownValue($"'{text}' is not a subscription ARN", null)));
    }

    private static ArnFragment AliasCondition(string alias) =>
        new("*", false, [], PolicyCondition.Single("StringEquals", "kms:RequestAlias", [alias]));

    private sealed record Pattern(string Text, ImmutableArray<UnknownValue> Unknowns, TemplateResourceRef? Resource)
    {
        /// <summary>The whole text is a template parameter that holds an ARN (<see cref="TemplateExpression.IsArn"/>).</summary>
        public bool IsArn { get; init; }
    }

    private sealed class FragmentComparer : IEqualityComparer<ArnFragment>
    {
        public static readonly FragmentComparer Instance = new();
        public bool Equals(ArnFragment? x, ArnFragment? y) => x!.Text == y!.Text && x.WholeArn == y.WholeArn && Equals(x.Condition, y.Condition);
        public int GetHashCode(ArnFragment obj) => HashCode.Combine(obj.Text, obj.WholeArn);
    }
}
