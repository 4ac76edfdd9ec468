using System.Collections.Immutable;
using RoleGen.Core.Analysis;
using RoleGen.Core.Analysis.Values;
using RoleGen.Core.Mappings;

namespace RoleGen.Core.Permissions;

/// <summary>
/// An SDK call seen as the request it sends: request-object properties, or positional arguments named by
/// the operation's signatures. Looks up request paths (<c>Key</c>, <c>A.B</c>, <c>A[]</c>, <c>@entity</c>, <c>'literal'</c>).
/// </summary>
public sealed class RequestView
{
    private readonly ObjectValue _request;
    private readonly SdkCall _call;
    private (string Prefix, Value Item)? _item;
    private Func<SdkCall, OperationMapping?> _operationOf = _ => null;

    private RequestView(SdkCall call, ObjectValue request)
    {
        _call = call;
        _request = request;
    }

    /// <summary>False when the request could not be seen (built elsewhere, or no signature fits the arguments).</summary>
    public bool Known { get; private init; } = true;

    public string? WhyUnknown { get; private init; }

    /// <param name="operationOf">The mapping of another call: used for <c>^X</c> paths, read on the call that made the receiver.</param>
    public static RequestView Of(SdkCall call, OperationMapping operation, Func<SdkCall, OperationMapping?>? operationOf = null)
    {
        var view = Build(call, operation);
        if (operationOf is not null) view._operationOf = operationOf;
        return view;
    }

    private static RequestView Build(SdkCall call, OperationMapping operation)
    {
        var positional = call.Arguments.Where(a => a.Name is null).ToList();
        var named = call.Arguments.Where(a => a.Name is not null).ToList();
        // One object argument is the request, unless the operation has no request type and a one-parameter signature
        // names what it is (FromQueryAsync(new QueryOperationConfig { ... }) is its QueryConfig).
        if (positional.Count == 1 && named.Count == 0 && AsRequest(positional[0].Value) is { } request &&
            (operation.Request is not null || !operation.Signatures.Any(s => s.Length == 1)))
            return new RequestView(call, WithConstructorArguments(request, operation));
        if (positional.Count == 1 && named.Count == 0 && positional[0].Value is UnknownValue unknown && operation.Request is not null && !operation.Signatures.Any(s => s.Length == 1))
            return new RequestView(call, Empty) { Known = false, WhyUnknown = unknown.Reason };

        var signature = operation.Signatures
            .Where(s => s.Length >= positional.Count && named.All(n => s.Select(Signature.Parameter).Contains(n.Name!, StringComparer.OrdinalIgnoreCase)))
            .Where(s => TypesFit(s, positional))
            .OrderBy(s => s.Length - positional.Count - named.Count)
            .FirstOrDefault(s => s.Length == positional.Count + named.Count || s.Length + 1 == positional.Count + named.Count);
        if (signature.IsDefault)
        {
            if (call.Arguments.IsEmpty) return new RequestView(call, Empty);
            return new RequestView(call, Empty) { Known = false, WhyUnknown = $"no known overload of {call.Method} takes {call.Arguments.Length} argument(s)" };
        }
        var properties = ImmutableSortedDictionary.CreateBuilder<string, Value>(StringComparer.Ordinal);
        var names = signature.Select(Signature.Parameter).ToList();
        for (var i = 0; i < positional.Count && i < names.Count; i++) properties[names[i]] = positional[i].Value;
        foreach (var argument in named)
            properties[names.First(s => string.Equals(s, argument.Name, StringComparison.OrdinalIgnoreCase))] = argument.Value;
        return new RequestView(call, new ObjectValue(operation.Request ?? call.Method, properties.ToImmutable()));
    }

    /// <summary>
    /// A typed signature parameter (<c>Config:*Config</c>) takes only an object built in code of a matching type, or a
    /// target-typed <c>new() { .. }</c> whose type nothing names (the call it is passed to does not bind).
    /// </summary>
    private static bool TypesFit(ImmutableArray<string> signature, List<SdkArgument> positional)
    {
        for (var i = 0; i < positional.Count && i < signature.Length; i++)
        {
            if (Signature.TypePattern(signature[i]) is not { } pattern) continue;
            if (AsRequest(positional[i].Value) is not { } obj || obj.TypeName.Length > 0 && !Signature.TypeMatches(pattern, obj.TypeName)) return false;
        }
        return true;
    }

    /// <summary>
    /// A request built with a positional constructor (<c>new GetItemRequest(table, key)</c>): the SDK generates those
    /// constructors and the method overloads from the same parameter lists (a constructor may stop earlier, as
    /// <c>new ScanRequest(table)</c> does), so the operation's signatures, cut to the number of arguments, say which
    /// properties the arguments set when they agree. Properties the initializer sets win.
    /// </summary>
    private static ObjectValue WithConstructorArguments(ObjectValue request, OperationMapping operation)
    {
        var count = request.Arguments.Length;
        if (count == 0 || (operation.Request is not null && request.TypeName != operation.Request)) return request;
        var prefixes = operation.Signatures
            .Where(s => s.Length >= count && s.All(p => Signature.TypePattern(p) is null))
            .Select(s => s.Take(count).Select(Signature.Parameter).ToList())
            .ToList();
        if (prefixes.Count == 0 || prefixes.Any(p => !p.SequenceEqual(prefixes[0]))) return request;
        var properties = request.Properties;
        for (var i = 0; i < count; i++)
            if (!properties.ContainsKey(prefixes[0][i])) properties = properties.SetItem(prefixes[0][i], request.Arguments[i]);
        return request with { Properties = properties };
    }

    private static readonly ObjectValue Empty = new("", ImmutableSortedDictionary<string, Value>.Empty);

    private static ObjectValue? AsRequest(Value value) => value switch
    {
        ObjectValue obj => obj,
        OneOfValue oneOf when oneOf.Options.All(o => o is ObjectValue) => Merge(oneOf.Options.Cast<ObjectValue>()),
        _ => null,
    };

    private static ObjectValue Merge(IEnumerable<ObjectValue> objects)
    {
        var list = objects.ToList();
        var keys = list.SelectMany(o => o.Properties.Keys).Distinct();
        return new ObjectValue(list[0].TypeName, keys.ToImmutableSortedDictionary(k => k,
            k => Value.OneOf(list.Select(o => o.Properties.TryGetValue(k, out var v) ? v : new NullValue())), StringComparer.Ordinal));
    }

    /// <summary>
    /// The items of the collection at <paramref name="prefix"/> (a path ending in <c>[]</c>), each as it was
    /// written; null when the collection is not a literal collection in code (then paths through it give every item at once).
    /// </summary>
    public IReadOnlyList<Value>? Items(string prefix)
    {
        var collection = Lookup(prefix[..^2]);
        // An empty collection is one filled where RoleGen does not see it (a request cannot send none): read as unknown items.
        return collection is CollectionValue { Items.IsEmpty: false } c ? c.Items.Select(i => i is EntryValue e ? e.Key : i).ToList() : null;
    }

    /// <summary>The same request, with paths under <paramref name="prefix"/> (<c>TransactItems[]</c>) read from one item.</summary>
    public RequestView ForItem(string prefix, Value item) =>
        new(_call, _request) { Known = Known, WhyUnknown = WhyUnknown, _item = (prefix, item), _operationOf = _operationOf };

    /// <summary>The value at a request path; null when the request does not set it.</summary>
    public Value? Lookup(string path)
    {
        if (RequestPath.IsCompound(path)) return Compound(path);
        var at = path.IndexOf('@', 1);
        if (at > 0 && path[0] != '\'') return PartiQL.Transform(Lookup(path[..at]), path[(at + 1)..]);
        if (path.Length >= 2 && path[0] == '\'' && path[^1] == '\'') return new LiteralValue(path[1..^1]);
        if (path == "@entity") return EntityTable();
        if (path[0] == '^') return Carried(path);
        if (RequestPath.IsSetting(path)) return _call.Settings.GetValueOrDefault(path[1..]);
        if (!Known) return new UnknownValue(WhyUnknown ?? "the request is built where RoleGen cannot see it", _call.Location);
        Value? current = _request;
        if (_item is { } item && (path == item.Prefix || path.StartsWith(item.Prefix + ".", StringComparison.Ordinal)))
        {
            if (path == item.Prefix) return item.Item;
            current = item.Item;
            path = path[(item.Prefix.Length + 1)..];
        }
        foreach (var segment in path.Split('.'))
        {
            var each = segment.EndsWith("[]", StringComparison.Ordinal);
            var name = each ? segment[..^2] : segment;
            current = Property(current, name);
            if (current is null) return null;
            if (each) current = Items(current);
        }
        return current;
    }

    /// <summary>
    /// A compound path: each part is its first alternative that is set (<c>A ?? B</c>), and the parts are concatenated
    /// (<c>P + Q</c>), a part that is not set counting as empty. Null when no part is set.
    /// </summary>
    private Value? Compound(string path)
    {
        var parts = RequestPath.Parts(path).Select(FirstSet).ToList();
        if (parts.Count == 1) return parts[0];
        if (parts.All(p => p is null)) return null;
        var present = parts.Select(p => p is null ? new LiteralValue("") : NotSetAsEmpty(p)).Where(p => p is not LiteralValue { Text.Length: 0 }).ToImmutableArray();
        return present.Length switch { 0 => new LiteralValue(""), 1 => present[0], _ => new ConcatValue(present) };
    }

    private Value? FirstSet(string[] alternatives) =>
        alternatives.Select(Lookup).FirstOrDefault(v => v is not null and not NullValue);

    /// <summary>In a concatenation an option that is not set (a prefix set on one path only) adds nothing.</summary>
    private static Value NotSetAsEmpty(Value value) => value switch
    {
        NullValue => new LiteralValue(""),
        OneOfValue oneOf => Value.OneOf(oneOf.Options.Select(NotSetAsEmpty)),
        _ => value,
    };

    private static Value? Property(Value? owner, string name) => owner switch
    {
        ObjectValue obj => obj.Properties.TryGetValue(name, out var v) ? v : null,
        OneOfValue oneOf => oneOf.Options.Select(o => Property(o, name)).OfType<Value>().ToList() is { Count: > 0 } found ? Value.OneOf(found) : null,
        UnknownValue unknown => unknown,
        _ => null,
    };

    private Value Items(Value collection) => collection switch
    {
        CollectionValue { Items.IsEmpty: true } => new UnknownValue("no item RoleGen can see is ever added to the collection (it is filled where RoleGen does not follow)", _call.Location),
        CollectionValue c => Value.OneOf(c.Items.Select(i => i is EntryValue e ? e.Key : i)),
        OneOfValue oneOf => Value.OneOf(oneOf.Options.Select(Items)),
        _ => collection,
    };

    /// <summary>
    /// A value the receiver carries from the call that made it (<c>^TableName</c> on <c>table.PutItemAsync</c> is the
    /// <c>TableName</c> that <c>Table.LoadTable(client, "Orders")</c> was given), read through that call's <c>carries</c>.
    /// <c>^Name?</c> is optional: not set (null) when the maker is not seen or does not set it.
    /// </summary>
    private Value? Carried(string carried)
    {
        var name = RequestPath.CarriedName(carried);
        var optional = carried.EndsWith('?');
        if (_call.Receiver is null && optional && _call.CarriedSetElsewhere.TryGetValue(name, out var setAt))
            return new UnknownValue($"the {_call.ClientType} object is made where RoleGen cannot follow it, injected or passed in, so its {name} could not be followed to where it is set, and code of the project sets a {name}", setAt);
        if (_call.Receiver is not { } maker)
            return optional ? null : new UnknownValue($"the {_call.ClientType} object is made where RoleGen cannot follow it (passed in, or set in several places)", _call.Location);
        if (_operationOf(maker) is not { } operation || !operation.Carries.TryGetValue(name, out var path))
            return new UnknownValue($"{maker.Display} does not say which {name} its result uses", maker.Location);
        var value = Of(maker, operation, _operationOf).Lookup(path);
        return value is not null || optional ? value : new UnknownValue($"{maker.Display} does not set {path}", maker.Location);
    }

    /// <summary>The DynamoDB table of the entity type: [DynamoDBTable("name")], else the type's name; and any table code maps the type to.</summary>
    private Value EntityTable()
    {
        if (_call.TypeArguments.IsEmpty)
            return new UnknownValue("the entity type of this call is not known", _call.Location);
        return Value.OneOf(_call.TypeArguments.Select(t =>
        {
            var own = t.OwnTable;
            return t.MappedTable is not { } mapped ? own : t.AlwaysMapped ? mapped : Value.OneOf([mapped, own]);
        }));
    }
}
