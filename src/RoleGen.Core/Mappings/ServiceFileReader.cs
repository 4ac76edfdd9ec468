using Microsoft.CodeAnalysis.CSharp;
using System.Collections.Immutable;
using RoleGen.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace RoleGen.Core.Mappings;

/// <summary>
/// Turns one parsed mappings/&lt;service&gt;.yaml into a <see cref="ServiceMapping"/>, rejecting unknown keys
/// (a typo such as "unles" would otherwise widen a role without a word) and checking it against the catalogue.
/// </summary>
internal sealed class ServiceFileReader(string file, IamCatalog catalog)
{
    public static readonly ImmutableHashSet<string> Kinds =
        ImmutableHashSet.Create(StringComparer.Ordinal, "name", "arn", "name-or-arn", "queue-url", "kms-key", "sns-subscription-arn", "secret-id", "ssm-parameter-name", "ssm-parameter-path", "email-identity", "execute-api-endpoint-api", "execute-api-endpoint-stage");

    private static readonly string[] FileKeys = ["service", "bind", "kinds", "constructors", "clients"];
    private static readonly string[] ClientKeys = ["namespace", "types", "operations", "like", "methods"];
    private static readonly string[] OperationKeys = ["request", "signatures", "grants", "note", "returns", "carries", "results", "adders", "injects", "onlyWith", "stored"];

    public ServiceMapping Read(YamlMappingNode root)
    {
        var keys = Entries(root, "file", FileKeys);
        var serviceNode = Required(keys, "service", root, "file");
        var service = Scalar(serviceNode, "service");
        if (!catalog.Services.ContainsKey(service))
            throw Fail(serviceNode, "service", $"no IAM catalogue for '{service}' (mappings/catalog/{service}.json)");

        var bind = keys.TryGetValue("bind", out var bindNode) ? ReadBind(bindNode, "bind") : ImmutableDictionary<string, string>.Empty;
        var kinds = keys.TryGetValue("kinds", out var kindsNode) ? ReadKinds(kindsNode) : ImmutableDictionary<string, string>.Empty;
        var constructors = keys.TryGetValue("constructors", out var constructorsNode) ? ReadConstructors(constructorsNode) : ImmutableDictionary<string, ImmutableArray<string>>.Empty;
        var clientsNode = Required(keys, "clients", root, "file");
        if (clientsNode is not YamlSequenceNode clientList)
            throw Fail(clientsNode, "clients", "must be a list of client groups");
        var clients = clientList.Children.Select(c => ReadClient(c, bind)).ToList();
        // "like" groups (paginator factories) take their operations from another group of this file, by name.
        var resolved = clients.Select((c, i) => c.Like is null ? c.Mapping : Like(c, clients, (YamlMappingNode)clientList.Children[i])).ToImmutableArray();
        return new ServiceMapping(service, file, bind, kinds, resolved) { Constructors = constructors };
    }

    /// <summary><c>constructors: { TableConfig: [TableName] }</c>: the properties a helper type's positional constructor arguments set, in order.</summary>
    private ImmutableDictionary<string, ImmutableArray<string>> ReadConstructors(YamlNode node)
    {
        if (node is not YamlMappingNode map) throw Fail(node, "constructors", "constructors must map a type name to the properties its constructor's arguments set");
        var result = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            var type = Scalar(k, "constructors");
            var properties = StringList(v, "constructors: " + type);
            if (properties.IsEmpty || properties.Any(p => !SyntaxFacts.IsValidIdentifier(p)))
                throw Fail(v, "constructors", $"{type}: list the property names its constructor's arguments set, in order");
            result[type] = properties;
        }
        return result.ToImmutable();
    }

    private sealed record ReadGroup(ClientMapping Mapping, string? Like, ImmutableArray<string> Methods);

    private ClientMapping Like(ReadGroup group, List<ReadGroup> all, YamlMappingNode node)
    {
        var context = group.Mapping.Namespace;
        var source = all.FirstOrDefault(c => c.Like is null && c.Mapping.Types.Contains(group.Like!))
                     ?? throw Fail(node, context, $"like: no client group of this file has type {group.Like}");
        var operations = ImmutableDictionary.CreateBuilder<string, OperationMapping>(StringComparer.Ordinal);
        var methods = group.Methods is [AllMethods] ? source.Mapping.Operations.Keys.Where(m => m != "new" && !group.Mapping.Operations.ContainsKey(m)).Order(StringComparer.Ordinal) : group.Methods.AsEnumerable();
        foreach (var method in methods)
        {
            if (!source.Mapping.Operations.TryGetValue(method, out var op))
                throw Fail(node, context, $"methods: {method} is not an operation of {group.Like}");
            if (!operations.TryAdd(method, op)) throw Fail(node, context, $"methods: {method} is listed twice");
        }
        foreach (var (name, own) in group.Mapping.Operations)
            if (!operations.TryAdd(name, own)) throw Fail(node, context, $"operations: {name} is also one of its like methods");
        return group.Mapping with { Operations = operations.ToImmutable() };
    }

    private ReadGroup ReadClient(YamlNode node, ImmutableDictionary<string, string> fileBind)
    {
        if (node is not YamlMappingNode map) throw Fail(node, "clients", "each client group must be a mapping");
        var keys = Entries(map, "clients", ClientKeys);
        var ns = Scalar(Required(keys, "namespace", map, "clients"), "namespace");
        var typesNode = Required(keys, "types", map, ns);
        var types = StringList(typesNode, ns + ": types");
        if (types.IsEmpty) throw Fail(typesNode, ns, "types must name at least one .NET type");
        if (keys.TryGetValue("like", out var likeNode))
        {
            // Same operations as another client type (a paginator factory maps each method like the operation it pages;
            // a client that wraps another, every method: methods: "*"), plus operations of its own (its constructor).
            var methodsNode = Required(keys, "methods", map, ns);
            var methods = methodsNode is YamlScalarNode { Value: "*" } ? [AllMethods] : StringList(methodsNode, ns + ": methods");
            var own = keys.TryGetValue("operations", out var ownNode) ? ReadOperations(ownNode, ns, fileBind) : ImmutableDictionary<string, OperationMapping>.Empty;
            return new ReadGroup(new ClientMapping(ns, types, own), Scalar(likeNode, ns), methods);
        }
        if (keys.TryGetValue("methods", out var stray)) throw Fail(stray, ns, "methods is only for a group with like");
        return new ReadGroup(new ClientMapping(ns, types, ReadOperations(Required(keys, "operations", map, ns), ns, fileBind)), null, []);
    }

    /// <summary><c>methods: "*"</c> of a group with like: every operation of the type it is like.</summary>
    private const string AllMethods = "*";

    private ImmutableDictionary<string, OperationMapping> ReadOperations(YamlNode opsNode, string ns, ImmutableDictionary<string, string> fileBind)
    {
        if (opsNode is not YamlMappingNode ops) throw Fail(opsNode, ns, "operations must be a mapping");
        var operations = ImmutableDictionary.CreateBuilder<string, OperationMapping>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in ops.Children)
        {
            var name = Scalar(keyNode, ns);
            if (operations.ContainsKey(name)) throw Fail(keyNode, name, "duplicate operation");
            operations[name] = ReadOperation(name, (YamlScalarNode)keyNode, value, fileBind);
        }
        return operations.ToImmutable();
    }

    private OperationMapping ReadOperation(string name, YamlScalarNode keyNode, YamlNode node, ImmutableDictionary<string, string> fileBind)
    {
        if (name.EndsWith("Async", StringComparison.Ordinal))
            throw Fail(keyNode, name, "operation names are written without the Async suffix");
        if (node is not YamlMappingNode map) throw Fail(node, name, "must be a mapping (request, signatures, grants, note)");
        var keys = Entries(map, name, OperationKeys);
        var request = keys.TryGetValue("request", out var r) ? Scalar(r, name) : null;
        var note = keys.TryGetValue("note", out var n) ? Scalar(n, name) : null;

        var signatures = ImmutableArray<ImmutableArray<string>>.Empty;
        if (keys.TryGetValue("signatures", out var sigNode))
        {
            if (sigNode is not YamlSequenceNode sigs) throw Fail(sigNode, name, "signatures must be a list of lists");
            signatures = sigs.Children.Select(s =>
            {
                var list = StringList(s, name);
                foreach (var p in list.Select(Signature.Parameter))
                    if (!RequestPath.IsValid(p) || RequestPath.IsLiteral(p) || RequestPath.IsCarried(p))
                        throw Fail(s, name, $"signature parameter '{p}' is not a request property path");
                return list;
            }).ToImmutableArray();
        }

        var grantsNode = Required(keys, "grants", map, name);
        if (grantsNode is not YamlSequenceNode grantList) throw Fail(grantsNode, name, "grants must be a list");
        if (grantList.Children.Count == 0 && string.IsNullOrWhiteSpace(note))
            throw Fail(grantsNode, name, "grants: [] (no permission needed) must say why in note");
        var grants = grantList.Children.Select(g => new GrantReader(this, name, fileBind).Read(g)).ToImmutableArray();
        var returns = keys.TryGetValue("returns", out var ret) ? Scalar(ret, name) : null;
        var carries = keys.TryGetValue("carries", out var carriesNode) ? ReadBind(carriesNode, name + ": carries") : ImmutableDictionary<string, string>.Empty;
        if (!carries.IsEmpty && returns is null) throw Fail(carriesNode!, name, "carries needs returns (the object that carries the values)");
        var results = keys.TryGetValue("results", out var resultsNode) ? ReadBind(resultsNode, name + ": results") : ImmutableDictionary<string, string>.Empty;
        var adders = keys.TryGetValue("adders", out var addersNode) ? ReadAdders(addersNode, name, request) : ImmutableDictionary<string, ImmutableArray<string>>.Empty;
        var injects = keys.TryGetValue("injects", out var injectsNode) ? StringList(injectsNode, name + ": injects") : [];
        if (!injects.IsEmpty && (name != "new" || !signatures.Any(s => s.Length == injects.Length)))
            throw Fail(injectsNode!, name, "injects belongs to the constructor (new) and must have as many types as one of its signatures");
        var onlyWith = keys.TryGetValue("onlyWith", out var onlyWithNode) ? StringList(onlyWithNode, name + ": onlyWith") : [];
        if (onlyWith.Any(call => call.Split('.') is not [{ Length: > 0 }, { Length: > 0 }]))
            throw Fail(onlyWithNode!, name, "onlyWith lists calls as Type.Method (a mapped operation, without Async)");
        var stored = keys.TryGetValue("stored", out var storedNode) ? ReadBind(storedNode, name + ": stored") : ImmutableDictionary<string, string>.Empty;
        return new OperationMapping(name, request, signatures, grants, note, Line(keyNode)) { Returns = returns, Carries = carries, Results = results, Adders = adders, Injects = injects, OnlyWith = onlyWith, Stored = stored };
    }

    /// <summary><c>adders: { AddKey: [Objects[].Key, Objects[].VersionId] }</c>: every argument sets a property of the added item of one collection.</summary>
    private ImmutableDictionary<string, ImmutableArray<string>> ReadAdders(YamlNode node, string operation, string? request)
    {
        if (request is null) throw Fail(node, operation, "adders are methods of the request type: the operation needs request");
        if (node is not YamlMappingNode map) throw Fail(node, operation, "adders must map a request method to the item paths its arguments set");
        var adders = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var method = Scalar(keyNode, operation);
            var paths = StringList(value, operation + ": adders: " + method);
            string? Collection(string path) => RequestPath.IsValid(path) && path.IndexOf("[].", StringComparison.Ordinal) is > 0 and var at && !path[(at + 3)..].Contains("[]", StringComparison.Ordinal) ? path[..at] : null;
            var collections = paths.Select(Collection).Distinct().ToList();
            if (paths.IsEmpty || collections.Count != 1 || collections[0] is null)
                throw Fail(value, operation, $"adders: {method} must list item paths of one collection (A[].Property), one per argument");
            adders[method] = paths;
        }
        return adders.ToImmutable();
    }

    internal ImmutableDictionary<string, string> ReadBind(YamlNode node, string context)
    {
        if (node is not YamlMappingNode map) throw Fail(node, context, "bind must be a mapping placeholder -> request path");
        var result = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            var placeholder = Scalar(k, context);
            var path = Scalar(v, context);
            // A bare * reads naturally in YAML ('*' is a quoted *): store the documented literal form.
            if (path == "*") path = RequestPath.Wildcard;
            if (!RequestPath.IsValidCompound(path)) throw Fail(v, context, $"bind {placeholder}: '{path}' is not a request path");
            result[placeholder] = path;
        }
        return result.ToImmutable();
    }

    private ImmutableDictionary<string, string> ReadKinds(YamlNode node)
    {
        if (node is not YamlMappingNode map) throw Fail(node, "kinds", "kinds must be a mapping request path -> kind");
        var result = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            var path = Scalar(k, "kinds");
            var kind = Scalar(v, "kinds");
            if (!RequestPath.IsValid(path) || RequestPath.IsLiteral(path))
                throw Fail(k, "kinds", $"'{path}' is not a request path");
            if (!Kinds.Contains(kind))
                throw Fail(v, "kinds", $"{path}: unknown kind '{kind}' (known: {string.Join(", ", Kinds.Order(StringComparer.Ordinal))})");
            result[path] = kind;
        }
        return result.ToImmutable();
    }

    // ---- small YAML helpers, shared with GrantReader ----

    internal IamCatalog Catalog => catalog;

    internal Dictionary<string, YamlNode> Entries(YamlMappingNode map, string context, IReadOnlyCollection<string> allowed)
    {
        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            var key = Scalar(k, context);
            if (!allowed.Contains(key))
                throw Fail(k, context, $"unknown key '{key}' (allowed: {string.Join(", ", allowed)})");
            if (!result.TryAdd(key, v)) throw Fail(k, context, $"duplicate key '{key}'");
        }
        return result;
    }

    internal YamlNode Required(Dictionary<string, YamlNode> keys, string key, YamlNode owner, string context) =>
        keys.TryGetValue(key, out var node) ? node : throw Fail(owner, context, $"'{key}' is missing");

    internal string Scalar(YamlNode node, string context) =>
        node is YamlScalarNode { Value: { } s } ? s : throw Fail(node, context, "expected a single value");

    internal ImmutableArray<string> StringList(YamlNode node, string context) =>
        node is YamlSequenceNode seq
            ? seq.Children.Select(c => Scalar(c, context)).ToImmutableArray()
            : throw Fail(node, context, "expected a list");

    internal static int Line(YamlNode node) => (int)node.Start.Line;

    internal RoleGenInputException Fail(YamlNode node, string context, string problem) =>
        MappingTableLoader.Error(file, Line(node), context, problem);
}
