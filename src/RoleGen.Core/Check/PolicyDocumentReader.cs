using System.Collections.Immutable;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Mappings;
using RoleGen.Core.Permissions;
using RoleGen.Core.Templates;

namespace RoleGen.Core.Check;

/// <summary>
/// Reads IAM policy documents written in the template (<c>{Statement: [...]}</c>, intrinsics allowed anywhere a value
/// is) and policies RoleGen knows as data (managed policies, SAM policy templates) into <see cref="GrantStatement"/>s.
/// Values go through <see cref="TemplateExpressionReader"/>, so <c>!Sub "arn:${AWS::Partition}:s3:::${Uploads}/*"</c>
/// and <c>!GetAtt Queue.Arn</c> come out in the same Fn::Sub syntax as RoleGen's own statements.
/// </summary>
public sealed class PolicyDocumentReader(CfnTemplate template, TemplateExpressionReader expressions)
{
    private string TemplateFile => Path.GetFileName(template.Path);

    public SourceLocation At(TextSpan span) => new(TemplateFile, span.Line, span.Column);

    /// <summary>The statements of a policy document; <paramref name="unreadable"/> collects what cannot be read (an intrinsic document, an unknown value).</summary>
    public ImmutableArray<GrantStatement> Document(CfnNode? document, string description, List<string> unreadable)
    {
        if (document is not CfnMapping mapping || mapping.AsIntrinsic() is not null)
        {
            unreadable.Add($"{description} (its policy document is computed at deploy time)");
            return [];
        }
        var statements = mapping["Statement"] switch
        {
            CfnSequence sequence => sequence.Items,
            CfnMapping single => [single],
            _ => ImmutableArray<CfnNode>.Empty,
        };
        var result = ImmutableArray.CreateBuilder<GrantStatement>();
        for (var i = 0; i < statements.Length; i++)
        foreach (var statement in Alternatives(statements[i]))
            if (Statement(statement, $"{description}, statement {i + 1}", unreadable) is { } read) result.Add(read);
        return result.ToImmutable();
    }

    /// <summary>A statement (or a role's inline policy) written as <c>Fn::If</c> may be either branch; <c>AWS::NoValue</c> is none.</summary>
    public static IEnumerable<CfnMapping> Alternatives(CfnNode node)
    {
        if (node is not CfnMapping mapping) yield break;
        if (mapping.AsIntrinsic() is ("Fn::If", CfnSequence { Items: [_, var whenTrue, var whenFalse] }))
        {
            foreach (var branch in Alternatives(whenTrue).Concat(Alternatives(whenFalse))) yield return branch;
            yield break;
        }
        if (mapping.AsIntrinsic() is null) yield return mapping;
    }

    private GrantStatement? Statement(CfnMapping statement, string description, List<string> unreadable)
    {
        var allow = (statement["Effect"] as CfnScalar)?.Value != "Deny";
        var notAction = statement["NotAction"] is not null;
        var actions = Values(statement[notAction ? "NotAction" : "Action"], out var actionsKnown);
        var notResource = statement["NotResource"] is not null;
        var resources = Values(statement[notResource ? "NotResource" : "Resource"], out var resourcesKnown);
        if (!actionsKnown || !resourcesKnown)
        {
            unreadable.Add($"{description} (an action or resource known only at deploy time)");
            if (allow && (actions.IsEmpty || resources.IsEmpty)) return null;
        }
        if (actions.IsEmpty || resources.IsEmpty) return null;
        var condition = Condition(statement["Condition"]);
        return new GrantStatement(allow, actions, notAction, resources, notResource, condition, new GrantOrigin(description, At(statement.Span)));
    }

    /// <summary>
    /// The statements of a policy RoleGen knows as data. A SAM policy template's ${Parameter} placeholders are bound to
    /// every value the template gives them; a resource whose parameter is missing or unknown is left out (and noted).
    /// </summary>
    public IEnumerable<GrantStatement> FromData(
        ImmutableArray<PolicyDataStatement> statements, ImmutableArray<string> parameterNames, CfnMapping? arguments, GrantOrigin origin, List<string> unreadable)
    {
        var values = new Dictionary<string, ImmutableArray<TemplateExpression>>(StringComparer.Ordinal);
        foreach (var name in parameterNames)
        {
            var read = arguments?[name] is { } value ? expressions.Read(value) : [];
            values[name] = read.Where(o => o.Known).ToImmutableArray();
            if (read.IsEmpty || read.Any(o => !o.Known))
                unreadable.Add($"{origin.Description} ({name} is {(read.IsEmpty ? "not given" : "known only at deploy time")})");
        }
        foreach (var statement in statements)
        {
            var resources = statement.Resources.SelectMany(r => Bind(r, values)).Distinct().ToImmutableArray();
            if (resources.IsEmpty) continue;
            yield return new GrantStatement(statement.Allow, statement.Actions, statement.NotAction, resources, false,
                statement.Condition is null ? null : new PolicyCondition(statement.Condition), origin);
        }
    }

    private static IEnumerable<string> Bind(string resource, Dictionary<string, ImmutableArray<TemplateExpression>> values)
    {
        IEnumerable<string> results = [resource];
        foreach (var (name, options) in values)
        {
            var placeholder = "${" + name + "}";
            if (!resource.Contains(placeholder, StringComparison.Ordinal)) continue;
            results = results.SelectMany(r => options.Select(o => r.Replace(placeholder, o.Sub, StringComparison.Ordinal))).ToList();
        }
        return results;
    }

    /// <summary>Every value a template list or single value can take, in Fn::Sub syntax; <paramref name="known"/> is false when some cannot be known.</summary>
    public ImmutableArray<string> Values(CfnNode? node, out bool known)
    {
        known = true;
        if (node is null) return [];
        var items = node is CfnSequence sequence ? sequence.Items : [node];
        var values = ImmutableArray.CreateBuilder<string>();
        foreach (var item in items)
        foreach (var option in expressions.Read(item))
        {
            if (option.Known) values.Add(option.Sub);
            else known = false;
        }
        return values.Distinct().ToImmutableArray();
    }

    private PolicyCondition? Condition(CfnNode? node)
    {
        if (node is not CfnMapping operators || operators.AsIntrinsic() is not null) return null;
        var result = ImmutableSortedDictionary.Create<string, ImmutableSortedDictionary<string, ImmutableArray<string>>>(StringComparer.Ordinal);
        foreach (var op in operators.Entries)
        {
            if (op.Value is not CfnMapping keys) continue;
            var byKey = ImmutableSortedDictionary.Create<string, ImmutableArray<string>>(StringComparer.Ordinal);
            foreach (var key in keys.Entries)
                byKey = byKey.SetItem(key.Key, Values(key.Value, out _).Order(StringComparer.Ordinal).ToImmutableArray());
            result = result.SetItem(op.Key, byKey);
        }
        return new PolicyCondition(result);
    }
}
