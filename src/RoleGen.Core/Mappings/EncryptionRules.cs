using System.Collections.Immutable;
using System.Text.RegularExpressions;
using RoleGen.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RoleGen.Core.Mappings;

/// <summary>
/// One resource type of mappings/encryption.yaml: the service that calls KMS (<see cref="Via"/>), the property path of the
/// customer managed key (<see cref="KeyPath"/>), the KMS actions each IAM action on the resource needs, and the KMS
/// actions some SDK operations need beyond those of their IAM actions (<see cref="Operations"/>, by operation name as in
/// the mapping table: S3's multipart operations are authorized as s3:PutObject but also need kms:Decrypt).
/// </summary>
public sealed record EncryptionRule(string ResourceType, string Via, string KeyPath, ImmutableDictionary<string, ImmutableArray<string>> Actions, int Line)
{
    public ImmutableDictionary<string, ImmutableArray<string>> Operations { get; init; } = ImmutableDictionary<string, ImmutableArray<string>>.Empty;
}

/// <summary>mappings/encryption.yaml: which resource actions need which KMS actions when the resource uses a customer managed key.</summary>
public sealed record EncryptionRules(ImmutableDictionary<string, EncryptionRule> Resources, ImmutableArray<string> ManagedKeyPatterns)
{
    public const string FileName = "encryption.yaml";

    private static readonly string[] FileKeys = ["managed", "resources"];
    private static readonly string[] RuleKeys = ["via", "key", "actions", "operations"];
    private static readonly Regex KeyPathSyntax = new(@"^[A-Za-z_][A-Za-z0-9_]*(?:\[\])?(?:\.[A-Za-z_][A-Za-z0-9_]*(?:\[\])?)*$", RegexOptions.CultureInvariant);

    public static EncryptionRules Empty { get; } = new(ImmutableDictionary<string, EncryptionRule>.Empty, []);

    /// <summary>True for a key the service itself authorizes (an AWS managed key such as alias/aws/sqs).</summary>
    public bool IsManaged(string key) => ManagedKeyPatterns.Any(p => Signature.TypeMatches(p, key) || Signature.TypeMatches("arn:*:" + p, key));

    /// <summary>Loads and checks the file: every action exists in the catalogue, KMS actions are kms: actions.</summary>
    public static EncryptionRules Load(string path, IamCatalog catalog)
    {
        var display = "mappings/" + Path.GetFileName(path);
        var root = MappingFile.ReadRoot(path, "managed, resources");
        var keys = Entries(display, root, "file", FileKeys);
        var managed = keys.TryGetValue("managed", out var m) ? Strings(display, m, "managed") : [];
        if (!keys.TryGetValue("resources", out var resourcesNode) || resourcesNode is not YamlMappingNode resources)
            throw Fail(display, Line(root), "file", "'resources' must map resource types to rules");

        var rules = ImmutableDictionary.CreateBuilder<string, EncryptionRule>(StringComparer.Ordinal);
        foreach (var (typeNode, ruleNode) in resources.Children)
        {
            var type = Scalar(display, typeNode, "resources");
            if (ruleNode is not YamlMappingNode rule) throw Fail(display, Line(ruleNode), type, "must be a mapping (via, key, actions)");
            var ruleKeys = Entries(display, rule, type, RuleKeys);
            string Required(string key) => ruleKeys.TryGetValue(key, out var node) ? Scalar(display, node, type) : throw Fail(display, Line(rule), type, $"'{key}' is missing");
            var via = Required("via");
            if (!catalog.Services.ContainsKey(via)) throw Fail(display, Line(ruleKeys["via"]), type, $"via: no IAM catalogue for '{via}'");
            var keyPath = Required("key");
            if (!KeyPathSyntax.IsMatch(keyPath)) throw Fail(display, Line(ruleKeys["key"]), type, $"key: '{keyPath}' is not a property path (A.B, A[].B)");
            if (!ruleKeys.TryGetValue("actions", out var actionsNode) || actionsNode is not YamlMappingNode actionsMap)
                throw Fail(display, Line(rule), type, "'actions' must map IAM actions to lists of KMS actions");
            var actions = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
            foreach (var (actionNode, kmsNode) in actionsMap.Children)
            {
                var action = Scalar(display, actionNode, type);
                if (catalog.FindAction(action) is null) throw Fail(display, Line(actionNode), type, $"unknown action '{action}' (not in mappings/catalog)");
                var kms = Strings(display, kmsNode, action);
                foreach (var k in kms)
                    if (!k.StartsWith("kms:", StringComparison.Ordinal) || catalog.FindAction(k) is null)
                        throw Fail(display, Line(kmsNode), type, $"{action}: '{k}' is not a kms: action of the catalogue");
                if (!actions.TryAdd(action, kms)) throw Fail(display, Line(actionNode), type, $"duplicate action '{action}'");
            }
            var operations = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
            if (ruleKeys.TryGetValue("operations", out var operationsNode))
            {
                if (operationsNode is not YamlMappingNode operationsMap)
                    throw Fail(display, Line(operationsNode), type, "'operations' must map SDK operation names to lists of KMS actions");
                foreach (var (operationNode, kmsNode) in operationsMap.Children)
                {
                    var operation = Scalar(display, operationNode, type);
                    if (operation.EndsWith("Async", StringComparison.Ordinal))
                        throw Fail(display, Line(operationNode), type, $"operation '{operation}': name it without Async, as in the mapping table");
                    var kms = Strings(display, kmsNode, operation);
                    foreach (var k in kms)
                        if (!k.StartsWith("kms:", StringComparison.Ordinal) || catalog.FindAction(k) is null)
                            throw Fail(display, Line(kmsNode), type, $"{operation}: '{k}' is not a kms: action of the catalogue");
                    if (!operations.TryAdd(operation, kms)) throw Fail(display, Line(operationNode), type, $"duplicate operation '{operation}'");
                }
            }
            rules[type] = new EncryptionRule(type, via, keyPath, actions.ToImmutable(), Line(typeNode)) { Operations = operations.ToImmutable() };
        }
        return new EncryptionRules(rules.ToImmutable(), managed);
    }

    private static Dictionary<string, YamlNode> Entries(string file, YamlMappingNode map, string context, string[] allowed)
    {
        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            var key = Scalar(file, k, context);
            if (!allowed.Contains(key)) throw Fail(file, Line(k), context, $"unknown key '{key}' (allowed: {string.Join(", ", allowed)})");
            if (!result.TryAdd(key, v)) throw Fail(file, Line(k), context, $"duplicate key '{key}'");
        }
        return result;
    }

    private static string Scalar(string file, YamlNode node, string context) =>
        node is YamlScalarNode { Value: { } s } ? s : throw Fail(file, Line(node), context, "expected a single value");

    private static ImmutableArray<string> Strings(string file, YamlNode node, string context) =>
        node is YamlSequenceNode seq ? seq.Children.Select(c => Scalar(file, c, context)).ToImmutableArray() : throw Fail(file, Line(node), context, "expected a list");

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static RoleGenInputException Fail(string file, int line, string context, string problem) =>
        MappingTableLoader.Error(file, line, context, problem);
}
