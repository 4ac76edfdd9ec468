using System.Collections.Immutable;
using System.Text.RegularExpressions;
using RoleGen.Core.Analysis;
using RoleGen.Core.Analysis.Values;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Mappings;

namespace RoleGen.Core.Permissions;

/// <summary>
/// Turns SDK calls into permissions through the mapping table: which grants apply to the request, and on
/// which ARNs, filled from the request's values bound to the function's environment.
/// </summary>
public sealed partial class CallPermissions(MappingTable table, ValueRenderer renderer)
{
    /// <summary>Methods every .NET object has: calling them on a client needs no permission.</summary>
    private static readonly HashSet<string> ObjectMethods = ["Dispose", "DisposeAsync", "ToString", "GetHashCode", "Equals", "GetType"];

    public PermissionSet For(IEnumerable<SdkCall> calls, FunctionEnvironment environment)
    {
        var permissions = ImmutableArray.CreateBuilder<Permission>();
        var findings = new List<Finding>();
        var unboundReported = new HashSet<string>(StringComparer.Ordinal);
        var packagesReported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var unmapped = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        // The calls that made a receiver ran too (new AmazonS3EncryptionClientV2(config, materials) for its GetObject): a
        // maker seen only that way, not as a call of its own, brings its grants.
        var reached = calls.SelectMany(WithMakers).DistinctBy(c => (c.Location, c.ClientType, c.Method)).ToList();
        // By every type of the call's client group, so that onlyWith's IMessagePublisher.Publish also matches a call on MessageRoutingPublisher.
        var reachedNames = reached
            .SelectMany(c => (table.ClientsByType.TryGetValue(c.ClientType, out var group) ? group.Types : [c.ClientType]).Select(type => type + "." + c.Method))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var original in reached)
        {
            if (ObjectMethods.Contains(original.Method)) continue;
            if (!table.ClientsByType.TryGetValue(original.ClientType, out var client))
            {
                if (original.ClientType == SdkClientNaming.PackageClient)
                {
                    unmapped.Add(SdkClientNaming.AnyService);
                    if (packagesReported.Add(original.Method))
                        findings.Add(Finding.At(FindingCodes.AwsDependentPackage, Severity.Warning,
                            $"{original.Display} is in package {original.Method}, which depends on the AWS SDK: the AWS calls it makes with the function's role are not visible, and none was granted for them. Grant what it needs by hand (an AWS::IAM::Policy attached to the function's role), or reference the package's source as a ProjectReference so that RoleGen follows it; a package that calls no AWS with the function's role can be listed in mappings/sdk-clients.yaml knownPackages.", original.Location));
                }
                else if (original.ClientType == SdkClientNaming.LibraryClient)
                {
                    unmapped.Add(SdkClientNaming.AnyService);
                    findings.Add(Finding.At(FindingCodes.UnknownSdkCall, Severity.Error,
                        table.OtherClients.Endpoints.TryGetValue(original.Method, out var endpoint)
                            ? $"{original.Display} calls {endpoint}, over HTTP: no permission was granted for what it reads; grant it by hand."
                            : $"{original.Display} makes AWS calls inside a library the mapping table does not cover ({table.OtherClients.Libraries.GetValueOrDefault(original.Method)}): no permission was granted for them; grant them by hand.", original.Location));
                }
                else if (table.OtherClients.Matches(original.ClientType, null))
                {
                    unmapped.Add(table.OtherClients.IamPrefixOf(original.ClientType) ?? SdkClientNaming.AnyService);
                    findings.Add(Finding.At(FindingCodes.UnknownSdkCall, Severity.Error,
                        $"{original.Display} is a call on {original.ClientType}, the client of an AWS service the mapping table does not cover ({string.Join(", ", table.Services.Select(s => s.Service).Distinct())}): no permission was granted for it; add a mappings/<service>.yaml for it.", original.Location));
                }
                continue;
            }
            var service = table.ServiceOf(client)!;
            if (!client.Operations.TryGetValue(original.Method, out var operation))
            {
                unmapped.Add(service.Service);
                findings.Add(Finding.At(FindingCodes.UnknownSdkCall, Severity.Error,
                    $"{original.Display} is not in the mapping table (mappings/{service.Service}.yaml): no permission was granted for it; add it to the table.", original.Location));
                continue;
            }
            if (!operation.OnlyWith.IsEmpty && !operation.OnlyWith.Any(reachedNames.Contains)) continue;
            foreach (var env in WithMakers(original).SelectMany(ValuesOf).SelectMany(environment.Unbound))
                if (unboundReported.Add(env.Name))
                    findings.Add(Finding.At(FindingCodes.UnboundEnvironmentVariable, Severity.Warning,
                        $"Environment variable {env.Name} is read here but the template does not set it for this function.", env.Location ?? original.Location));

            var call = Bind(original, environment);
            var request = RequestView.Of(call, operation, c => table.Operation(c.ClientType, c.Method));
            var reason = new Reason(call.Location.File, call.Location.Line, call.Location.Column, call.Display);
            var unresolved = new List<(string Action, BuiltArn Arn)>();
            var granted = new List<Permission>();
            foreach (var grant in operation.Grants)
            foreach (var view in PerItem(grant, service, request).Where(v => GrantPredicate.Keep(grant.If, grant.Unless, v)))
            foreach (var built in Resources(grant, service, view, call))
            {
                var condition = Merge(built.Condition, Condition(grant, service, request));
                granted.Add(new Permission(grant.Action, built.Arn, condition, reason));
                if (!built.Unknowns.IsEmpty) unresolved.Add((grant.Action, built));
            }
            if (original.Credentials is { } credentials)
            {
                // AWS authorizes the call with the client's own credentials: the function's role needs nothing for it.
                var needs = granted.Count == 0 ? "no permission" : string.Join("; ", granted.GroupBy(p => p.Resource).Select(g => $"{string.Join(", ", g.Select(p => p.Action).Distinct())} on {g.Key}"));
                findings.Add(Finding.At(FindingCodes.OwnCredentials, credentials.Kind == CredentialsKind.AssumedRole ? Severity.Info : Severity.Warning,
                    $"{original.Display} runs with {credentials.Description}, not the function's role: AWS authorizes it with them, so nothing was granted for it on the function's role. Those credentials need {needs}." +
                    (credentials.Kind == CredentialsKind.AccessKeys ? " Long-term keys in a function are a risk: grant the function's own role instead, and remove the keys." : ""),
                    original.Location));
                continue;
            }
            permissions.AddRange(granted);
            // One finding per resource pattern, naming every action granted on it.
            foreach (var group in unresolved.GroupBy(u => u.Arn.Arn))
                findings.Add(Unresolved(call, group.Select(u => u.Action).Distinct().ToList(), group.First().Arn with { Unknowns = group.SelectMany(u => u.Arn.Unknowns).Distinct().ToImmutableArray(), IdentityUnknown = group.Any(u => u.Arn.IdentityUnknown) }));
        }
        return new PermissionSet(permissions.ToImmutable(), findings.Distinct().ToImmutableArray()) { UnmappedServices = unmapped.ToImmutable() };
    }

    /// <summary>The values a call reads: its arguments' and the tables code maps its entity types to.</summary>
    private static IEnumerable<Value> ValuesOf(SdkCall call) =>
        call.Arguments.Select(a => a.Value).Concat(call.TypeArguments.Select(t => t.MappedTable).OfType<Value>()).Concat(call.Region is { } region ? [region] : []).Concat(call.Settings.Values);

    /// <summary>The call and the calls that made its receiver (Table.LoadTable for table.PutItemAsync).</summary>
    private static IEnumerable<SdkCall> WithMakers(SdkCall call)
    {
        for (var current = call; current is not null; current = current.Receiver) yield return current;
    }

    /// <summary>The call with its arguments, and those of the calls that made its receiver, bound to the environment.</summary>
    private static SdkCall Bind(SdkCall call, FunctionEnvironment environment) => call with
    {
        Arguments = call.Arguments.Select(a => a with { Value = WithoutFeedback(environment.Bind(a.Value), call.Location) }).ToImmutableArray(),
        TypeArguments = call.TypeArguments.Select(t => t.MappedTable is { } mapped ? t with { MappedTable = environment.Bind(mapped) } : t).ToImmutableArray(),
        Receiver = call.Receiver is null ? null : Bind(call.Receiver, environment),
        Region = call.Region is null ? null : environment.Bind(call.Region),
        Settings = call.Settings.ToImmutableDictionary(s => s.Key, s => environment.Bind(s.Value), StringComparer.Ordinal),
    };

    /// <summary>
    /// The region the call's client pinned, as ARN text: a name, a template value (<c>${DataRegion}</c>), or <c>*</c> with
    /// why when the code does not say which one (several, or read at run time). Null: the stack's region.
    /// </summary>
    private (string? Region, ImmutableArray<UnknownValue> Unknowns) RegionOf(SdkCall call)
    {
        if (call.Region is null) return (null, []);
        var rendered = renderer.Render(call.Region, "name");
        if (rendered is [{ Unknowns.IsEmpty: true, WholeArn: false } only] && !only.Text.Contains('*')) return (only.Text, []);
        var why = rendered.SelectMany(f => f.Unknowns).ToImmutableArray();
        return ("*", why.IsEmpty ? [new UnknownValue($"the client's region is one of {string.Join(", ", rendered.Select(f => f.Text))}", call.Location)] : why);
    }

    /// <summary>
    /// A grant whose paths go through a collection (<c>TransactItems[].Put.TableName</c>) is evaluated once per item,
    /// so that each item's own if/unless decides (mappings/README "Collections").
    /// </summary>
    private IEnumerable<RequestView> PerItem(GrantRule grant, ServiceMapping service, RequestView request)
    {
        var paths = BoundPaths(grant, service).Concat(new[] { grant.If, grant.Unless }.OfType<string>().Select(e => GrantExpression.Parse(e).Path));
        var prefix = paths.Select(p => p.IndexOf("[]", StringComparison.Ordinal) is var i and >= 0 ? p[..(i + 2)] : null).FirstOrDefault(p => p is not null);
        if (prefix is null || request.Items(prefix) is not { } items) return [request];
        return items.Select(item => request.ForItem(prefix, item));
    }

    private IEnumerable<string> BoundPaths(GrantRule grant, ServiceMapping service)
    {
        if (grant.On == "*") return [];
        var format = Format(grant, service);
        return ArnBuilder.Placeholders(format).Select(p => grant.Bind.GetValueOrDefault(p) ?? service.Bind.GetValueOrDefault(p)).OfType<string>();
    }

    private string Format(GrantRule grant, ServiceMapping service)
    {
        var (prefix, type) = grant.On.Contains(':') ? (grant.On[..grant.On.IndexOf(':')], grant.On[(grant.On.IndexOf(':') + 1)..]) : (service.Service, grant.On);
        return table.Catalog.Services[prefix].ResourceArns[type];
    }

    private IEnumerable<BuiltArn> Resources(GrantRule grant, ServiceMapping service, RequestView request, SdkCall call)
    {
        if (grant.On == "*") return [new BuiltArn("*", null, [])];
        var format = Format(grant, service);
        var fragments = new Dictionary<string, ImmutableArray<ArnFragment>>(StringComparer.Ordinal);
        foreach (var placeholder in ArnBuilder.Placeholders(format))
        {
            var path = grant.Bind.GetValueOrDefault(placeholder) ?? service.Bind.GetValueOrDefault(placeholder);
            if (path is null)
            {
                fragments[placeholder] = [ArnFragment.Unknown(new UnknownValue($"the mapping table does not say which request member gives {placeholder}", call.Location))];
                continue;
            }
            if (path == RequestPath.Wildcard && placeholder == ArnBuilder.Placeholders(format)[0])
            {
                // The request does not say which resource (a KMS Decrypt without KeyId): every one of that type.
                fragments[placeholder] = [ArnFragment.Unknown(new UnknownValue($"the request does not name the {placeholder}", call.Location) { Advice = grant.Narrow })];
                continue;
            }
            var value = request.Lookup(path);
            var rendered = value is null ? [] : renderer.Render(value, KindOf(service, path), placeholder);
            fragments[placeholder] = rendered.IsEmpty
                ? [ArnFragment.Unknown(new UnknownValue($"{path} is not set in the request", call.Location))]
                : rendered;
        }
        var (region, regionUnknowns) = RegionOf(call);
        var built = ArnBuilder.Build(format, fragments, region);
        return regionUnknowns.IsEmpty ? built : built.Select(b => b with { Unknowns = b.Unknowns.AddRange(regionUnknowns) });
    }

    private static string KindOf(ServiceMapping service, string path)
    {
        if (service.Kinds.TryGetValue(path, out var kind)) return kind;
        var last = path.Split('.')[^1].Replace("[]", "", StringComparison.Ordinal);
        return service.Kinds.GetValueOrDefault(last) ?? "name";
    }

    [GeneratedRegex(@"\$\{([A-Za-z0-9_.\[\]@']+)\}")]
    private static partial Regex PathReference();

    /// <summary>The grant's condition with request values filled in; dropped when any value is unknown or unset (the grant then stays unconditional).</summary>
    private PolicyCondition? Condition(GrantRule grant, ServiceMapping service, RequestView request)
    {
        if (grant.Condition is null) return null;
        var operators = ImmutableSortedDictionary.CreateBuilder<string, ImmutableSortedDictionary<string, ImmutableArray<string>>>(StringComparer.Ordinal);
        foreach (var (op, keys) in grant.Condition)
        {
            var rendered = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
            foreach (var (key, template) in keys)
            {
                IEnumerable<string> texts = [""];
                var position = 0;
                foreach (Match reference in PathReference().Matches(template))
                {
                    var literal = template[position..reference.Index];
                    var value = request.Lookup(reference.Groups[1].Value);
                    var fragments = value is null ? [] : renderer.Render(value, "name");
                    // StringLike takes wildcards, so a partly known value still narrows (raw/*); other operators need it whole.
                    var usable = op == "StringLike"
                        ? fragments.All(f => f.Text != "*" && !f.WholeArn)
                        : fragments.All(f => f.Unknowns.IsEmpty && !f.Text.Contains('*'));
                    if (fragments.IsEmpty || !usable) return null;
                    texts = texts.SelectMany(t => fragments.Select(f => t + literal + f.Text)).ToList();
                    position = reference.Index + reference.Length;
                }
                rendered[key] = texts.Select(t => CollapseStars(t + template[position..])).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
            }
            operators[op] = rendered.ToImmutable();
        }
        return new PolicyCondition(operators.ToImmutable());
    }

    private static string CollapseStars(string text)
    {
        while (text.Contains("**", StringComparison.Ordinal)) text = text.Replace("**", "*", StringComparison.Ordinal);
        return text;
    }

    private static PolicyCondition? Merge(PolicyCondition? a, PolicyCondition? b)
    {
        if (a is null) return b;
        if (b is null) return a;
        var merged = a.Operators.ToBuilder();
        foreach (var (op, keys) in b.Operators)
            merged[op] = merged.TryGetValue(op, out var existing) ? existing.SetItems(keys) : keys;
        return new PolicyCondition(merged.ToImmutable());
    }

    /// <summary>
    /// Drops values this very call feeds back into itself (a retry loop sending a response's UnprocessedItems again):
    /// they are a subset of what the call was first given, so they name no new resource.
    /// </summary>
    private static Value WithoutFeedback(Value value, SourceLocation call) => value switch
    {
        UnknownValue { ResultOf: { } origin } when origin == call => new NoValue(),
        OneOfValue oneOf => Value.OneOf(oneOf.Options.Select(o => WithoutFeedback(o, call))),
        ObjectValue obj => obj.Map(v => WithoutFeedback(v, call)),
        CollectionValue collection => new CollectionValue(collection.Items.Select(i => WithoutFeedback(i, call)).ToImmutableArray()),
        EntryValue entry => new EntryValue(WithoutFeedback(entry.Key, call), WithoutFeedback(entry.Item, call)),
        _ => value,
    };

    private static string Advice(BuiltArn built) =>
        built.Unknowns.Select(u => u.Advice).Distinct().ToList() is [{ } advice] ? advice
        : built.Unknowns.All(u => u.KnownAtDeploy)
        ? "To narrow it, set that value in the template to something RoleGen can read: the resource's !Ref or !GetAtt, a parameter, or a literal name."
        : "Pass a name the template sets (an environment variable) to narrow it; a name the code learns only at run time (from a request or an event) cannot be narrowed further.";

    private static Finding Unresolved(SdkCall call, IReadOnlyList<string> actions, BuiltArn built)
    {
        var action = string.Join(", ", actions);
        var reasons = string.Join("; ", built.Unknowns.Select(u => u.Location is { } at && at != call.Location ? $"{u.Reason} ({at})" : u.Reason).Distinct());
        // An unknown object key under a known bucket is the normal case and the narrowest grant possible: info.
        // An unknown bucket, table or queue means the grant spans every such resource: a warning to act on.
        return built.IdentityUnknown
            ? Finding.At(FindingCodes.UnresolvedResource, Severity.Warning,
                $"{call.Display}: the resource could not be resolved ({reasons}); {action} is granted on {built.Arn}, every such resource in the account. {Advice(built)}", call.Location)
            : Finding.At(FindingCodes.PartiallyResolvedResource, Severity.Info,
                $"{call.Display}: part of the resource is known only at run time ({reasons}); {action} is granted on {built.Arn}.", call.Location);
    }
}
