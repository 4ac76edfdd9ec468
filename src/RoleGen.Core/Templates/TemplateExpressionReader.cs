using System.Collections.Immutable;
using RoleGen.Core.Mappings;

namespace RoleGen.Core.Templates;

/// <summary>
/// Turns a template value into every value it can take, each written in Fn::Sub syntax in the template's own terms
/// (<c>${OrdersTable}</c>, <c>arn:${AWS::Partition}:s3:::${Bucket}/*</c>), so that later stages can write ARNs that
/// CloudFormation resolves at deploy. Values the template cannot know (Fn::ImportValue, dynamic references) come
/// back as <see cref="TemplateExpression.Unknown"/> with a note saying why. A property set to <c>AWS::NoValue</c>
/// has no value: those branches are left out, so the result may be empty.
/// </summary>
public sealed class TemplateExpressionReader(CfnTemplate template, CloudFormationTypes types)
{
    /// <summary>Beyond this many combinations a Join or Sub is widened (its varying parts become <c>*</c>).</summary>
    public const int MaxCombinations = 16;

    private const int MaxDepth = 32;

    public ImmutableArray<TemplateExpression> Read(CfnNode node) =>
        Evaluate(node, 0).OfType<TemplateExpression>().Select(WithResource).Distinct().ToImmutableArray();

    /// <summary>True when some branch makes the value <c>AWS::NoValue</c>: the property may be unset (a name CloudFormation generates).</summary>
    public bool CanBeAbsent(CfnNode node) => Evaluate(node, 0).Any(e => e is null);

    /// <summary>
    /// The names a resource with a name property can have: what the property says and, when it is absent or may be
    /// (<c>!If [C, !Ref AWS::NoValue, ...]</c>), the name CloudFormation generates, <c>stack-logicalid-suffix</c>
    /// (lower case for buckets, truncated when long), matched as <c>*-logicalid-*</c>.
    /// </summary>
    public ImmutableArray<TemplateExpression> Names(CfnResource resource, string nameProperty)
    {
        var node = resource.Properties[nameProperty];
        var given = node is null ? [] : Read(node);
        return node is null || CanBeAbsent(node) ? given.Add(TemplateExpression.Literal(GeneratedNamePattern(resource.LogicalId))) : given;
    }

    public static string GeneratedNamePattern(string logicalId) => $"*-{logicalId.ToLowerInvariant()}-*";

    // A null option is AWS::NoValue: the value is absent (a list element removed, a property unset).
    private ImmutableArray<TemplateExpression?> Evaluate(CfnNode node, int depth)
    {
        if (depth > MaxDepth) return Unknown("the value nests intrinsic functions too deeply to evaluate");
        return node switch
        {
            CfnScalar scalar => [LiteralOf(scalar.Value)],
            CfnMapping mapping when mapping.AsIntrinsic() is { } intrinsic => EvaluateIntrinsic(intrinsic.Function, intrinsic.Argument, depth + 1),
            CfnSequence => Unknown("a list where a single value was expected"),
            _ => Unknown("a mapping where a single value was expected"),
        };
    }

    private ImmutableArray<TemplateExpression?> EvaluateIntrinsic(string function, CfnNode argument, int depth) => function switch
    {
        "Ref" => Ref(argument),
        "Fn::GetAtt" => GetAtt(argument),
        "Fn::Sub" => Sub(argument, depth),
        "Fn::Join" => Join(argument, depth),
        "Fn::If" => If(argument, depth),
        "Fn::FindInMap" => FindInMap(argument, depth),
        "Fn::Select" => Select(argument, depth),
        "Fn::ImportValue" => Unknown("Fn::ImportValue: the value is exported by another stack and is known only at deploy time."),
        _ => Unknown($"{function} is computed by CloudFormation at deploy time; RoleGen cannot evaluate it."),
    };

    private static TemplateExpression LiteralOf(string text) =>
        SubText.DynamicReferenceNote(text) is { } note ? TemplateExpression.Unknown(note) : TemplateExpression.Literal(text);

    private ImmutableArray<TemplateExpression?> Ref(CfnNode argument)
    {
        if (argument is not CfnScalar { Value: var name }) return Unknown("Ref of a name computed at deploy time");
        if (name == PseudoParameters.NoValue) return [null];
        if (name == PseudoParameters.NotificationArns) return Unknown("AWS::NotificationARNs is a list of ARNs, not one value");
        if (PseudoParameters.IsPseudoParameter(name)) return [new TemplateExpression($"${{{name}}}")];
        return [Reference(name, null)];
    }

    private ImmutableArray<TemplateExpression?> GetAtt(CfnNode argument)
    {
        var (logicalId, attribute) = argument switch
        {
            CfnSequence { Items: [CfnScalar resource, CfnScalar name] } => (resource.Value, name.Value),
            CfnScalar dotted when dotted.Value.IndexOf('.') is > 0 and var dot => (dotted.Value[..dot], dotted.Value[(dot + 1)..]),
            _ => (null, null),
        };
        return logicalId is null || attribute is null
            ? Unknown("Fn::GetAtt with an attribute computed at deploy time")
            : [Reference(logicalId, attribute)];
    }

    private TemplateExpression Reference(string logicalId, string? attribute)
    {
        var sub = attribute is null ? $"${{{logicalId}}}" : $"${{{logicalId}.{attribute}}}";
        if (attribute is null && template.Parameters.TryGetValue(logicalId, out var parameter))
            return new TemplateExpression(sub) { IsArn = HoldsArn(logicalId, parameter) };
        if (template.Resources.ContainsKey(logicalId))
            return WithResource(new TemplateExpression(sub));
        // SAM generates resources the template does not declare (MyFunctionRole, ServerlessRestApi).
        return new TemplateExpression(sub, Note: $"{logicalId} is not declared in the template (a resource SAM generates?).");
    }

    private static bool HoldsArn(string name, CfnMapping parameter) =>
        name.EndsWith("Arn", StringComparison.OrdinalIgnoreCase) ||
        parameter["Default"] is CfnScalar { Value: var value } && value.StartsWith("arn:", StringComparison.Ordinal) ||
        parameter["AllowedPattern"] is CfnScalar { Value: var pattern } && pattern.TrimStart('^').StartsWith("arn:", StringComparison.Ordinal);

    private ImmutableArray<TemplateExpression?> Sub(CfnNode argument, int depth)
    {
        var (text, variables) = argument switch
        {
            CfnScalar s => (s, null),
            CfnSequence { Items: [CfnScalar s] } => (s, null),
            CfnSequence { Items: [CfnScalar s, CfnMapping v] } => (s, v),
            _ => ((CfnScalar?)null, (CfnMapping?)null),
        };
        if (text is null) return Unknown("Fn::Sub whose string is computed at deploy time");
        if (SubText.DynamicReferenceNote(text.Value) is { } note) return [TemplateExpression.Unknown(note)];

        var parts = SubText.Split(text.Value).Select(piece =>
            piece.Reference is not null && variables?[piece.Reference] is { } variable
                ? Evaluate(variable, depth)
                : [new TemplateExpression(piece.Text)]);
        return Combine(parts.ToList(), "", "Fn::Sub");
    }

    private ImmutableArray<TemplateExpression?> Join(CfnNode argument, int depth)
    {
        if (argument is not CfnSequence { Items: [CfnScalar delimiter, var list] })
            return Unknown("Fn::Join needs a delimiter and a list");
        var items = ListItems(list, depth);
        if (items is null) return Unknown("Fn::Join over a list computed at deploy time");
        var parts = items.Value.Select(item => Evaluate(item, depth)).ToList();
        return Combine(parts, TemplateExpression.EscapeForSub(delimiter.Value), "Fn::Join");
    }

    private ImmutableArray<TemplateExpression?> If(CfnNode argument, int depth) =>
        argument is CfnSequence { Items: [_, var whenTrue, var whenFalse] }
            ? Evaluate(whenTrue, depth).AddRange(Evaluate(whenFalse, depth)).Distinct().ToImmutableArray()
            : Unknown("Fn::If needs a condition and two values");

    /// <summary>
    /// A key that is not a literal (a parameter, a pseudo parameter) can be any key of the map, so every value it
    /// could select is possible; a parameter's AllowedValues narrow that down.
    /// </summary>
    private ImmutableArray<TemplateExpression?> FindInMap(CfnNode argument, int depth)
    {
        if (argument is not CfnSequence { Items.Length: >= 3 } arguments)
            return Unknown("Fn::FindInMap needs a map name and two keys");
        if (template.Root["Mappings"] is not CfnMapping mappings)
            return Unknown("Fn::FindInMap but the template has no Mappings section");

        // Mappings (or one map) that a Fn::Transform fills, AWS::Include of a file in S3: its entries exist only at deploy time.
        if (IsTransform(mappings) || mappings.Entries.Any(e => IsTransform(e.Value)) && KeysFor(arguments.Items[0], mappings, depth).Keys.Select(n => mappings[n]).Any(IsTransform))
            return Unknown("Fn::FindInMap reads a map that Fn::Transform (AWS::Include) fills at deploy time");

        var results = ImmutableArray.CreateBuilder<TemplateExpression?>();
        var (mapNames, mapExact) = KeysFor(arguments.Items[0], mappings, depth);
        var allExact = mapExact;
        foreach (var map in mapNames.Select(n => mappings[n]).OfType<CfnMapping>())
        {
            var (topKeys, topExact) = KeysFor(arguments.Items[1], map, depth);
            allExact &= topExact;
            foreach (var top in topKeys.Select(k => map[k]).OfType<CfnMapping>())
            {
                var (secondKeys, secondExact) = KeysFor(arguments.Items[2], top, depth);
                allExact &= secondExact;
                foreach (var value in secondKeys.Select(k => top[k]).OfType<CfnNode>())
                    results.AddRange(Evaluate(value, depth));
            }
        }

        // AWS::LanguageExtensions: [Map, Top, Second, {DefaultValue: x}] when no entry matches.
        var fallback = arguments.Items.Length > 3 ? (arguments.Items[3] as CfnMapping)?["DefaultValue"] : null;
        if (fallback is not null && (results.Count == 0 || !allExact)) results.AddRange(Evaluate(fallback, depth));
        return results.Count > 0
            ? results.Distinct().ToImmutableArray()
            : Unknown("Fn::FindInMap: no entry of the map matches these keys");
    }

    private static bool IsTransform(CfnNode? node) =>
        node is CfnMapping mapping && (mapping.AsIntrinsic() is ("Fn::Transform", _) || mapping.Entries.Any(e => e.Key == "Fn::Transform"));

    private (IEnumerable<string> Keys, bool Exact) KeysFor(CfnNode key, CfnMapping available, int depth)
    {
        var options = Evaluate(key, depth);
        if (options.All(o => o is { Known: true, Resource: null } && !SubText.HasReferences(o.Sub)))
            return (options.Select(o => SubText.Unescape(o!.Sub)).Where(k => available[k] is not null).ToList(), true);

        if (key is CfnMapping ref_ && ref_.AsIntrinsic() is ("Ref", CfnScalar parameter)
            && template.Parameters.GetValueOrDefault(parameter.Value)?["AllowedValues"] is CfnSequence allowed
            && allowed.Items.All(i => i is CfnScalar))
        {
            return (allowed.Items.Cast<CfnScalar>().Select(s => s.Value).Where(k => available[k] is not null).ToList(), false);
        }
        return (available.Entries.Select(e => e.Key).ToList(), false);
    }

    private ImmutableArray<TemplateExpression?> Select(CfnNode argument, int depth)
    {
        if (argument is not CfnSequence { Items: [var indexNode, var listNode] })
            return Unknown("Fn::Select needs an index and a list");
        var items = ListItems(listNode, depth);
        if (items is null) return Unknown("Fn::Select over a list computed at deploy time");

        var indexes = Evaluate(indexNode, depth);
        var literalIndexes = indexes.All(o => o is { Known: true } && int.TryParse(o.Sub, out _))
            ? indexes.Select(o => int.Parse(o!.Sub)).ToList()
            : Enumerable.Range(0, items.Value.Length).ToList(); // any index is possible

        var results = literalIndexes
            .Select(i => i >= 0 && i < items.Value.Length ? Evaluate(items.Value[i], depth) : Unknown($"Fn::Select index {i} is out of range"))
            .SelectMany(o => o)
            .Distinct()
            .ToImmutableArray();
        return results.IsEmpty ? Unknown("Fn::Select over an empty list") : results;
    }

    /// <summary>The items of a literal list, or of Fn::Split over a literal string; null when the list is only known at deploy.</summary>
    private ImmutableArray<CfnNode>? ListItems(CfnNode list, int depth)
    {
        if (list is CfnSequence sequence) return sequence.Items;
        if (list is CfnMapping mapping && mapping.AsIntrinsic() is ("Fn::Split", CfnSequence { Items: [CfnScalar delimiter, var source] })
            && delimiter.Value.Length > 0
            && Evaluate(source, depth) is [{ Known: true, Resource: null } text] && !SubText.HasReferences(text.Sub))
        {
            return SubText.Unescape(text.Sub).Split(delimiter.Value)
                .Select(part => (CfnNode)new CfnScalar(part, source.Span))
                .ToImmutableArray();
        }
        return null;
    }

    /// <summary>
    /// Every combination of the parts' options, joined with the delimiter (already in Sub syntax). Absent parts drop
    /// out, as CloudFormation drops AWS::NoValue list items. An unknown part becomes <c>*</c> and makes the whole
    /// unknown. Past <see cref="MaxCombinations"/>, parts with several options become <c>*</c> instead.
    /// </summary>
    private static ImmutableArray<TemplateExpression?> Combine(List<ImmutableArray<TemplateExpression?>> parts, string delimiter, string function)
    {
        var combinations = parts.Aggregate(1L, (count, part) => Math.Min(count * Math.Max(part.Length, 1), MaxCombinations + 1L));
        if (combinations > MaxCombinations)
        {
            var note = $"{function} has more than {MaxCombinations} possible values; the parts that vary were widened to *.";
            parts = parts.Select(p => p.Length > 1 ? [new TemplateExpression("*", Note: note)] : p).ToList();
        }

        IEnumerable<ImmutableList<TemplateExpression>> product = [ImmutableList<TemplateExpression>.Empty];
        foreach (var part in parts)
        {
            var options = part.IsEmpty ? [null] : part;
            product = product.SelectMany(prefix => options.Select(option => option is null ? prefix : prefix.Add(option))).ToList();
        }

        return product.Select(chosen => (TemplateExpression?)new TemplateExpression(
                string.Join(delimiter, chosen.Select(p => p.Sub)),
                Known: chosen.All(p => p.Known),
                Note: chosen.Select(p => p.Note).FirstOrDefault(n => n is not null)))
            .Distinct()
            .ToImmutableArray();
    }

    /// <summary>A value that is exactly one Ref/GetAtt of a template resource denotes that resource.</summary>
    private TemplateExpression WithResource(TemplateExpression expression)
    {
        if (expression.Resource is not null || !expression.Known) return expression;
        if (SubText.AsSingleReference(expression.Sub) is not { } reference) return expression;
        var (logicalId, attribute) = reference;
        if (!template.Resources.TryGetValue(logicalId, out var resource)) return expression;

        var note = expression.Note;
        if (attribute is not null && types.Find(resource.Type) is { } known && known.AttributeKind(attribute) is null)
            note ??= $"{attribute} is not an attribute RoleGen knows for {resource.Type}.";
        return expression with { Resource = new TemplateResourceRef(logicalId, resource.Type, attribute), Note = note };
    }

    private static ImmutableArray<TemplateExpression?> Unknown(string note) => [TemplateExpression.Unknown(note)];
}
