using System.Collections.Immutable;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace RoleGen.Core.Mappings;

/// <summary>
/// Reads one entry of an operation's <c>grants</c> and checks it against the catalogue: the action exists,
/// <c>on</c> is one of its resource types, every placeholder of that ARN is bound, expressions parse and
/// condition keys belong to the action.
/// </summary>
internal sealed class GrantReader(ServiceFileReader reader, string operation, ImmutableDictionary<string, string> fileBind)
{
    private static readonly string[] GrantKeys = ["action", "on", "bind", "if", "unless", "condition", "note", "narrow"];

    /// <summary>Placeholders that always come from the stack, never from the request.</summary>
    public static readonly ImmutableHashSet<string> StackPlaceholders =
        ImmutableHashSet.Create(StringComparer.Ordinal, "Partition", "Region", "Account");

    private static readonly ImmutableHashSet<string> ConditionOperators = ImmutableHashSet.Create(StringComparer.Ordinal,
        "StringEquals", "StringNotEquals", "StringLike", "StringNotLike", "ArnEquals", "ArnLike", "ArnNotEquals",
        "ArnNotLike", "Bool", "NumericEquals", "ForAnyValue:StringEquals", "ForAnyValue:StringLike",
        "ForAllValues:StringEquals", "ForAllValues:StringLike");

    private static readonly Regex Placeholder = new(@"\$\{([A-Za-z0-9_]+)\}", RegexOptions.CultureInvariant);
    private static readonly Regex ConditionRef = new(@"\$\{([^}]*)\}", RegexOptions.CultureInvariant);

    public GrantRule Read(YamlNode node)
    {
        if (node is not YamlMappingNode map) throw reader.Fail(node, operation, "each grant must be a mapping");
        var keys = reader.Entries(map, operation, GrantKeys);

        var actionNode = reader.Required(keys, "action", map, operation);
        var actionName = reader.Scalar(actionNode, operation);
        var action = reader.Catalog.FindAction(actionName)
                     ?? throw reader.Fail(actionNode, operation, $"unknown action '{actionName}' (not in mappings/catalog)");

        var onNode = reader.Required(keys, "on", map, operation);
        var on = reader.Scalar(onNode, operation);
        var note = keys.TryGetValue("note", out var n) ? reader.Scalar(n, operation) : null;
        var arn = ResolveOn(action, on, onNode, note);

        var bind = keys.TryGetValue("bind", out var bindNode)
            ? reader.ReadBind(bindNode, operation)
            : ImmutableDictionary<string, string>.Empty;
        CheckPlaceholders(arn, on, bind, bindNode ?? map);

        var ifText = Expression(keys, "if");
        var unlessText = Expression(keys, "unless");
        var condition = keys.TryGetValue("condition", out var c) ? ReadCondition(action, c) : null;
        var narrow = keys.TryGetValue("narrow", out var narrowNode) ? reader.Scalar(narrowNode, operation) : null;
        if (narrow is not null && !bind.ContainsValue(RequestPath.Wildcard))
            throw reader.Fail(narrowNode!, operation, "narrow advises on a grant that binds a placeholder to \"*\" (the request does not name the resource)");
        return new GrantRule(action.FullName, on, bind, ifText, unlessText, condition)
        {
            Note = note,
            Narrow = narrow,
            Line = ServiceFileReader.Line(map),
        };
    }

    /// <summary>The ARN format <paramref name="on"/> names, or null for "*".</summary>
    private string? ResolveOn(IamAction action, string on, YamlNode node, string? note)
    {
        var types = action.ResourceTypes.Select(r => r.ResourceType).ToList();
        if (on == "*")
        {
            if (types.Count == 0) return null;
            // Allowed only where IAM itself accepts "*" (every resource type optional) and the entry says why.
            if (action.ResourceTypes.All(r => !r.Required) && !string.IsNullOrWhiteSpace(note)) return null;
            throw reader.Fail(node, operation,
                $"{action.FullName} has resource types ({string.Join(", ", types)}): on must name one, not \"*\"");
        }
        if (types.Count == 0)
            throw reader.Fail(node, operation, $"{action.FullName} has no resource types: on must be \"*\", not '{on}'");

        var colon = on.IndexOf(':');
        if (colon >= 0 && on[..colon] != action.Prefix)
        {
            // Another service's resource type (kinesis:StartStreamEncryption on kms:key).
            var prefix = on[..colon];
            if (reader.Catalog.Services.TryGetValue(prefix, out var other)
                && other.ResourceArns.TryGetValue(on[(colon + 1)..], out var otherArn))
                return otherArn;
            throw reader.Fail(node, operation, $"'{on}' is not a resource type in mappings/catalog/{prefix}.json");
        }
        var type = colon >= 0 ? on[(colon + 1)..] : on;
        if (!types.Contains(type))
            throw reader.Fail(node, operation,
                $"'{on}' is not a resource type of {action.FullName} (its types: {string.Join(", ", types)})");
        return reader.Catalog.Services[action.Prefix].ResourceArns[type];
    }

    private void CheckPlaceholders(string? arn, string on, ImmutableDictionary<string, string> bind, YamlNode node)
    {
        var placeholders = arn is null
            ? []
            : Placeholder.Matches(arn).Select(m => m.Groups[1].Value).Where(p => !StackPlaceholders.Contains(p)).ToHashSet();
        foreach (var key in bind.Keys.Order(StringComparer.Ordinal))
            if (!placeholders.Contains(key))
                throw reader.Fail(node, operation,
                    arn is null
                        ? $"bind {key}: on \"*\" has no placeholders"
                        : $"bind {key}: not a placeholder of {on} ({arn})");
        foreach (var p in placeholders.Order(StringComparer.Ordinal))
            if (!bind.ContainsKey(p) && !fileBind.ContainsKey(p))
                throw reader.Fail(node, operation,
                    $"placeholder ${{{p}}} of {on} ({arn}) is not bound: add bind {p}: <request path>, or '*' on purpose");
    }

    private string? Expression(Dictionary<string, YamlNode> keys, string key)
    {
        if (!keys.TryGetValue(key, out var node)) return null;
        var text = reader.Scalar(node, operation);
        try
        {
            GrantExpression.Parse(text);
        }
        catch (FormatException e)
        {
            throw reader.Fail(node, operation, $"{key}: {e.Message}");
        }
        return text;
    }

    private ImmutableDictionary<string, ImmutableDictionary<string, string>> ReadCondition(IamAction action, YamlNode node)
    {
        if (node is not YamlMappingNode map) throw reader.Fail(node, operation, "condition must be {Operator: {key: value}}");
        var result = ImmutableDictionary.CreateBuilder<string, ImmutableDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (opNode, body) in map.Children)
        {
            var op = reader.Scalar(opNode, operation);
            if (!ConditionOperators.Contains(op)) throw reader.Fail(opNode, operation, $"unknown condition operator '{op}'");
            if (body is not YamlMappingNode pairs) throw reader.Fail(body, operation, $"condition {op} must map keys to values");
            var entries = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var (keyNode, valueNode) in pairs.Children)
            {
                var key = reader.Scalar(keyNode, operation);
                if (!key.StartsWith("aws:", StringComparison.Ordinal) && !action.ConditionKeys.Contains(key))
                    throw reader.Fail(keyNode, operation, $"condition key '{key}' is not a condition key of {action.FullName}");
                var value = reader.Scalar(valueNode, operation);
                foreach (Match m in ConditionRef.Matches(value))
                    if (!RequestPath.IsValid(m.Groups[1].Value) || RequestPath.IsLiteral(m.Groups[1].Value))
                        throw reader.Fail(valueNode, operation, $"condition value '{value}': '{m.Groups[1].Value}' is not a request path");
                entries[key] = value;
            }
            result[op] = entries.ToImmutable();
        }
        return result.ToImmutable();
    }
}
