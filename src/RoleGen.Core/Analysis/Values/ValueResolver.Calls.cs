using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RoleGen.Core.Analysis.Values;

public sealed partial class ValueResolver
{
    private static readonly HashSet<string> ConfigurationTypes =
        ["IConfiguration", "IConfigurationRoot", "IConfigurationSection", "ConfigurationManager", "IConfigurationManager", "ConfigurationRoot", "ConfigurationSection"];

    private Value Invocation(InvocationExpressionSyntax invocation, ResolveScope scope)
    {
        var model = project.Model(invocation.SyntaxTree);
        var name = SyntaxIndex.CalledName(invocation.Expression);
        var arguments = invocation.ArgumentList.Arguments;
        var receiver = invocation.Expression is MemberAccessExpressionSyntax access ? access.Expression : null;
        var receiverText = receiver?.ToString();

        switch (name)
        {
            case "GetEnvironmentVariable" when arguments.Count >= 1:
                return EnvironmentVariable(arguments[0].Expression, invocation, scope);
            case "GetBySystemName" when RegionName(invocation, scope) is { } region:
                // A RegionEndpoint, wherever it is kept (new AWSOptions { Region = .. }): its SystemName is the name given.
                return new ObjectValue("RegionEndpoint", ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("SystemName", region)]));
            case "GetAWSOptions" when receiver is not null && arguments.Count <= 1:
                return AwsOptionsFromConfiguration(arguments.FirstOrDefault()?.Expression, invocation, scope);
            case "Format" when receiverText is "string" or "String" or "System.String" && arguments.Count >= 1:
                return Format(arguments, scope, invocation);
            case "Concat" when receiverText is "string" or "String" or "System.String":
                return Concat(arguments.Select(a => Resolve(a.Expression, scope)));
            case "Join" when receiverText is "string" or "String" or "System.String" && arguments.Count >= 2:
                return Join(arguments, scope, invocation);
            case "Combine" when receiverText is "Path" or "System.IO.Path":
                return Concat(Interleave(arguments.Select(a => Resolve(a.Expression, scope)), new LiteralValue("/")));
            case "ToString" when receiver is not null && arguments.Count == 0:
                return Built(receiver, scope) ?? Resolve(receiver, scope);
            case "UrlDecode" or "UnescapeDataString" or "UrlPathDecode" when arguments.Count == 1:
                // S3 notifications carry URL-encoded keys; decoding keeps a known prefix.
                return Resolve(arguments[0].Expression, scope) switch
                {
                    LiteralValue literal => new LiteralValue(Uri.UnescapeDataString(literal.Text.Replace('+', ' '))),
                    var other => other,
                };
            case "Replace" or "TrimEnd" or "TrimStart" or "Substring" when receiver is not null && IsText(model, receiver) &&
                                                            TextEdit.Of(name, arguments.Select(a => Resolve(a.Expression, scope.Deeper())).ToList()) is { } edit:
                return Edited(Resolve(receiver, scope), edit, invocation);
            case "ToLowerInvariant" or "ToLower" or "ToUpperInvariant" or "ToUpper" or "Trim" when receiver is not null:
                return Resolve(receiver, scope) switch
                {
                    LiteralValue literal => new LiteralValue(Transform(name, literal.Text)),
                    var other => Unknown(invocation, $"'{Short(invocation)}' changes a value known only at run time ({Describe(other)})"),
                };
        }

        if (ConfigurationPath(invocation, scope) is { } path) return WithConfigurationDefault(ConfigurationValue(path, invocation, scope), invocation, scope);
        if (ContainerGetResult(invocation, name, scope) is { } service) return service;
        if (receiver is not null && name is not null && CollectionCall(name, receiver, invocation, scope) is { } element) return element;

        var info = model.GetSymbolInfo(invocation);
        var method = (info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null)) as IMethodSymbol;
        if (method is not null && IsSource(method.ReducedFrom ?? method))
            return HelperResult(method, invocation, scope);
        if (method is { MethodKind: MethodKind.DelegateInvoke } && DelegateResult(model, invocation, scope) is { } delegated)
            return delegated;
        var calledName = invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => (SyntaxNode)member.Name,
            MemberBindingExpressionSyntax binding => binding.Name,
            _ => invocation,
        };
        return Unknown(invocation, $"'{Short(invocation)}' returns a value known only at run time") with { ResultOf = Location(calledName) };
    }

    /// <summary>
    /// <c>provider.GetRequiredService&lt;IDynamoDBContext&gt;()</c> of a container the code builds: what its registrations
    /// give, when that is an SDK object (a factory's <c>new DynamoDBContext(client, config)</c>, one the container builds
    /// with the config it holds). Null otherwise: the project's own services are followed as code, not as values.
    /// </summary>
    private Value? ContainerGetResult(InvocationExpressionSyntax invocation, string? name, ResolveScope scope)
    {
        if (name is null || !GenericCallTypes.IsContainerGetter(name) ||
            invocation.Expression is not MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments: [var service] } } ||
            SyntaxIndex.TypeName(service) is not { } serviceType)
            return null;
        var given = ContainerValueOf(serviceType, scope.Deeper());
        return given is not null && HoldsObject(given) ? given : null;

        static bool HoldsObject(Value value) => value switch
        {
            ObjectValue => true,
            OneOfValue oneOf => oneOf.Options.Any(HoldsObject),
            _ => false,
        };
    }

    /// <summary>
    /// <c>sb.ToString()</c> of a local <c>var sb = new StringBuilder(..)</c>: what its Append calls add, in order. An
    /// Append under a loop or a condition is a part known only at run time; anything else done to it, unknown.
    /// </summary>
    private Value? Built(ExpressionSyntax receiver, ResolveScope scope)
    {
        if (LocalInitializer(receiver) is not ObjectCreationExpressionSyntax { Type: var type } creation || SyntaxIndex.TypeName(type) != "StringBuilder") return null;
        if (EnclosingBody(creation) is not { } body || receiver is not IdentifierNameSyntax { Identifier.ValueText: var name }) return null;
        var parts = new List<Value>();
        if (creation.ArgumentList?.Arguments is [var initial] && project.Model(initial.SyntaxTree).GetTypeInfo(initial.Expression).Type?.SpecialType is SpecialType.System_String or null)
            parts.Add(Resolve(initial.Expression, scope.Deeper()));
        var calls = body.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(call => call.Expression is MemberAccessExpressionSyntax access && Root(access.Expression) is IdentifierNameSyntax { Identifier.ValueText: var root } && root == name)
            .OrderBy(call => call.ArgumentList.SpanStart);
        foreach (var call in calls)
        {
            var method = ((MemberAccessExpressionSyntax)call.Expression).Name.Identifier.ValueText;
            if (method is "ToString") continue;
            if (method is not ("Append" or "AppendLine") || call.ArgumentList.Arguments.Count > 1) return Unknown(call, $"'{name}' is changed by {method}");
            var conditional = call.Ancestors().TakeWhile(a => a != body).Any(a => a is ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax or IfStatementSyntax or SwitchStatementSyntax or ConditionalExpressionSyntax or AnonymousFunctionExpressionSyntax);
            if (conditional) parts.Add(Unknown(call, $"'{Short(call)}' appends under a condition or in a loop"));
            else if (call.ArgumentList.Arguments is [var appended]) parts.Add(Resolve(appended.Expression, scope.Deeper()));
            if (method == "AppendLine") parts.Add(new LiteralValue("\n"));
        }
        return Concat(parts);

        static ExpressionSyntax Root(ExpressionSyntax e) => e is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax inner } ? Root(inner.Expression) : e;
    }

    private Value EnvironmentVariable(ExpressionSyntax nameExpression, SyntaxNode at, ResolveScope scope) =>
        Resolve(nameExpression, scope.Deeper()) switch
        {
            LiteralValue literal => new EnvVarValue(literal.Text, Location(at)),
            OneOfValue names when names.Options.All(o => o is LiteralValue) => Value.OneOf(names.Options.Cast<LiteralValue>().Select(n => new EnvVarValue(n.Text, Location(at)))),
            _ => Unknown(at, $"the environment variable's name '{Short(nameExpression)}' is not a constant"),
        };

    /// <summary>
    /// <c>configuration.GetAWSOptions()</c> (section "AWS", or the one named): its Region is the section's <c>Region</c> key
    /// when the project's settings give one (the template's <c>AWS__Region</c> over it); without one the SDK's default
    /// region, so an AWSOptions without Region.
    /// </summary>
    private Value AwsOptionsFromConfiguration(ExpressionSyntax? sectionName, SyntaxNode at, ResolveScope scope)
    {
        var section = sectionName is null ? new LiteralValue("AWS") : Resolve(sectionName, scope.Deeper());
        var properties = ImmutableSortedDictionary.CreateBuilder<string, Value>(StringComparer.Ordinal);
        if (section is LiteralValue { Text: var name } && project.Settings.ValuesOf(name + ":Region") is { IsEmpty: false })
        {
            var region = ConfigurationKey(name + ":Region", at);
            properties["Region"] = new ObjectValue("RegionEndpoint", ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("SystemName", (Value)region)]));
        }
        return new ObjectValue("AWSOptions", properties.ToImmutable());
    }

    /// <summary>
    /// <c>config.GetValue("A:B", defaultValue)</c>: the default is what the key gives where no provider sets it, as for
    /// <c>GetEnvironmentVariable("X") ?? defaultValue</c>.
    /// </summary>
    private Value WithConfigurationDefault(Value read, InvocationExpressionSyntax invocation, ResolveScope scope)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetValue" } ||
            invocation.ArgumentList.Arguments is not [_, { NameColon: null or { Name.Identifier.ValueText: "defaultValue" } } given]) return read;
        var fallback = Resolve(given.Expression, scope.Deeper());
        return read switch
        {
            EnvVarValue variable => variable with { Fallback = fallback },
            OneOfValue options => Value.OneOf(options.Options.Select(o => o is EnvVarValue variable ? variable with { Fallback = fallback } : o)),
            _ => read,
        };
    }

    /// <summary>A configuration value read by key. With the environment-variables provider, key "A:B" is variable A__B.</summary>
    private Value ConfigurationValue(string path, SyntaxNode at, ResolveScope scope) => ConfigurationKey(path, at);

    /// <summary>
    /// A configuration key: its environment variable (<c>A__B</c> for <c>A:B</c>, after the prefix the project's provider
    /// strips: <c>MYAPP_A__B</c>), over what appsettings*.json give it.
    /// </summary>
    private Value ConfigurationKey(string path, SyntaxNode at)
    {
        var settings = project.Settings.ValuesOf(path);
        var prefixes = EnvironmentPrefixes;
        return Value.OneOf(prefixes.Select(prefix => new EnvVarValue(prefix + path.Replace(":", "__", StringComparison.Ordinal), Location(at))
        {
            Settings = settings.IsEmpty ? null : Value.OneOf(settings.Select(v => (Value)new LiteralValue(v))),
            SettingsAlways = !settings.IsEmpty && project.Settings.AlwaysSets(path),
            ConfigurationKey = prefixes.Length > 1 ? path : null,
        }));
    }

    private ImmutableArray<string>? _environmentPrefixes;

    /// <summary>Hosts whose default configuration reads every environment variable, without a prefix.</summary>
    private static readonly HashSet<string> DefaultHostBuilders = ["CreateDefaultBuilder", "CreateBuilder", "CreateApplicationBuilder", "CreateSlimBuilder", "CreateEmptyBuilder"];

    /// <summary>
    /// The prefixes the project's environment-variables configuration providers strip: <c>AddEnvironmentVariables("MYAPP_")</c>
    /// (or <c>prefix: "MYAPP_"</c>) reads key A:B from MYAPP_A__B; "" for a provider without one, a host's default
    /// configuration, or a project that adds none (configuration RoleGen does not see being built).
    /// </summary>
    private ImmutableArray<string> EnvironmentPrefixes => _environmentPrefixes ??= ReadEnvironmentPrefixes();

    private ImmutableArray<string> ReadEnvironmentPrefixes()
    {
        var providers = index.CallsNamed("AddEnvironmentVariables").OfType<InvocationExpressionSyntax>().ToList();
        var prefixes = providers.Select(call => call.ArgumentList.Arguments is [{ NameColon: null or { Name.Identifier.ValueText: "prefix" } } only] &&
                project.Model(call.SyntaxTree).GetConstantValue(only.Expression) is { HasValue: true, Value: string prefix } ? prefix : "")
            .ToHashSet(StringComparer.Ordinal);
        if (providers.Count == 0 || DefaultHostBuilders.Any(builder => index.CallsNamed(builder).Any())) prefixes.Add("");
        return [.. prefixes.Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The configuration key an expression reads, when it is <c>config["A:B"]</c>, <c>config.GetValue&lt;T&gt;("A:B")</c>,
    /// <c>config.GetSection("A")["B"]</c>, <c>config.GetSection("A").Value</c> or <c>config.GetConnectionString("X")</c>.
    /// </summary>
    private string? ConfigurationPath(ExpressionSyntax expression, ResolveScope scope)
    {
        switch (expression)
        {
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation when invocation.ArgumentList.Arguments.Count >= 1:
                var method = access.Name.Identifier.ValueText;
                if (method is not ("GetValue" or "GetSection" or "GetRequiredSection" or "GetConnectionString")) return null;
                var section = SectionPath(access.Expression, scope);
                if (section is null) return null;
                if (Resolve(invocation.ArgumentList.Arguments[0].Expression, scope.Deeper()) is not LiteralValue key) return null;
                var prefix = method == "GetConnectionString" ? "ConnectionStrings:" : "";
                return Join(section, prefix + key.Text);
            case ElementAccessExpressionSyntax element when element.ArgumentList.Arguments.Count == 1:
                var owner = SectionPath(element.Expression, scope);
                if (owner is null) return null;
                return Resolve(element.ArgumentList.Arguments[0].Expression, scope.Deeper()) is LiteralValue k ? Join(owner, k.Text) : null;
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Value" } value:
                return SectionPath(value.Expression, scope) is { Length: > 0 } p ? p : null;
            default:
                return null;
        }

        static string Join(string section, string key) => section.Length == 0 ? key : section + ":" + key;
    }

    /// <summary>The section path of an IConfiguration-typed expression ("" for the root), or null when it is not configuration.</summary>
    private string? SectionPath(ExpressionSyntax expression, ResolveScope scope)
    {
        if (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetSection" or "GetRequiredSection" } } section)
            return ConfigurationPath(section, scope);
        // var section = config.GetSection("Storage"); section["Bucket"]
        if (LocalInitializer(expression) is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetSection" or "GetRequiredSection" } } held)
            return ConfigurationPath(held, scope);
        var model = project.Model(expression.SyntaxTree);
        var type = model.GetTypeInfo(expression).Type;
        if (type is not null && ConfigurationTypes.Contains(type.Name)) return "";
        return type is null or IErrorTypeSymbol && (BuiltAsConfiguration(model.GetSymbolInfo(expression).Symbol) || IsConfigurationDependency(model.GetSymbolInfo(expression).Symbol)) ? "" : null;
    }

    /// <summary>
    /// <c>c</c> in <c>AddOptions&lt;T&gt;().Configure&lt;IConfiguration&gt;((o, c) =&gt; ..)</c>: the dependency the options
    /// builder hands the lambda is the configuration, where its package does not resolve.
    /// </summary>
    private static bool IsConfigurationDependency(ISymbol? symbol) =>
        symbol is IParameterSymbol { Ordinal: > 0 } parameter &&
        parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax().FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>()?.Parent is
            ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Configure" or "PostConfigure" } configure } } } } &&
        configure.TypeArgumentList.Arguments.Count >= parameter.Ordinal &&
        SyntaxIndex.TypeName(configure.TypeArgumentList.Arguments[parameter.Ordinal - 1]) is { } dependency && ConfigurationTypes.Contains(dependency);

    /// <summary>
    /// Without Microsoft.Extensions.Configuration referenced, <c>var config = new ConfigurationBuilder()...Build();</c>
    /// has no type: recognise the variable by how it is built, also in two steps (<c>var builder = new
    /// ConfigurationBuilder()...; var config = builder.Build();</c>).
    /// </summary>
    private bool BuiltAsConfiguration(ISymbol? symbol, int depth = 0) =>
        symbol is ILocalSymbol or IFieldSymbol or IPropertySymbol &&
        symbol.DeclaringSyntaxReferences.Any(r => r.GetSyntax() switch
        {
            VariableDeclaratorSyntax { Initializer.Value: var value } => MakesConfiguration(value, depth),
            PropertyDeclarationSyntax { Initializer.Value: var value } => MakesConfiguration(value, depth),
            _ => false,
        });

    private bool MakesConfiguration(ExpressionSyntax value, int depth) =>
        value.DescendantNodesAndSelf().OfType<ObjectCreationExpressionSyntax>().Any(c => SyntaxIndex.TypeName(c.Type) == "ConfigurationBuilder") ||
        depth < 2 && value is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Build", Expression: IdentifierNameSyntax builder } } &&
        BuiltAsConfiguration(project.Model(builder.SyntaxTree).GetSymbolInfo(builder).Symbol, depth + 1);

    private Value ElementAccess(ElementAccessExpressionSyntax element, ResolveScope scope)
    {
        if (ConfigurationPath(element, scope) is { } path) return ConfigurationValue(path, element, scope);
        if (element.ArgumentList.Arguments.Count == 1 &&
            Indexed(Resolve(element.Expression, scope.Deeper()), Resolve(element.ArgumentList.Arguments[0].Expression, scope.Deeper()), element) is { } item)
            return item;
        return Unknown(element, $"'{Short(element)}' is read at run time");
    }

    /// <summary>
    /// The value a source helper returns, with its parameters bound to this call's arguments; <paramref name="returned"/>
    /// reads each returned expression (a part of it, for a deconstruction), by default its whole value.
    /// </summary>
    private Value HelperResult(IMethodSymbol method, InvocationExpressionSyntax invocation, ResolveScope scope, Func<ExpressionSyntax, ResolveScope, Value>? returned = null)
    {
        var target = (method.ReducedFrom ?? method).OriginalDefinition;
        if (scope.IsVisiting(target)) return Unknown(invocation, $"{target.Name} calls itself");
        var inner = scope.Entering(target);
        var bindings = ImmutableDictionary.CreateBuilder<IParameterSymbol, Value>(SymbolEqualityComparer.Default);
        bindings.AddRange(scope.Parameters);
        foreach (var parameter in target.Parameters)
        {
            var argument = ArgumentFor(invocation, parameter);
            bindings[parameter] = argument is null ? DefaultOf(parameter) : Resolve(argument, scope.Deeper());
        }
        var candidates = target.IsAbstract || target.ContainingType.TypeKind == TypeKind.Interface
            ? implementations.ImplementationsOf(target).OfType<IMethodSymbol>().Where(reachable.Contains).ToList()
            : [target];
        // An implementation's parameters are its own symbols: bound, by position, to this call's arguments too (else
        // they would take the arguments of every call of the interface method).
        foreach (var implementation in candidates.Where(m => !SymbolEqualityComparer.Default.Equals(m, target)))
        foreach (var (parameter, own) in target.Parameters.Zip(implementation.Parameters))
            bindings[own] = bindings[parameter];
        var bodyScope = inner.WithParameters(bindings.ToImmutable());
        var values = candidates
            .SelectMany(m => m.DeclaringSyntaxReferences)
            .SelectMany(r => Returns(r.GetSyntax(), bodyScope, returned))
            .ToList();
        return values.Count == 0 ? Unknown(invocation, $"'{Short(invocation)}' returns a value known only at run time") : Value.OneOf(values);
    }

    /// <summary>
    /// <c>Names.Queue(kind)</c> on a field or property that holds a lambda (<c>static Func&lt;Kind, string&gt; Queue = k =&gt;
    /// $"shop-{k}"</c>, or <c>ClientFactory = endpoint =&gt; new Client(..)</c> in a constructor that runs): what the
    /// lambdas return, their parameters bound to this call's arguments. Null when something other than a lambda may be
    /// given to it (a constructor's parameter, a method group).
    /// </summary>
    private Value? DelegateResult(SemanticModel model, InvocationExpressionSyntax invocation, ResolveScope scope)
    {
        var holder = model.GetSymbolInfo(invocation.Expression).Symbol;
        if (holder is not (IFieldSymbol or IPropertySymbol) || !IsSource(holder) || scope.IsVisiting(holder)) return null;
        var given = LambdasGivenTo(holder);
        if (given is not { Count: > 0 } lambdas) return null;
        var results = new List<Value>();
        foreach (var lambda in lambdas)
        {
            var lambdaModel = project.Model(lambda.SyntaxTree);
            var parameters = lambda switch
            {
                SimpleLambdaExpressionSyntax simple => [simple.Parameter],
                ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters.ToList(),
                _ => new List<ParameterSyntax>(),
            };
            var bindings = scope.Parameters.ToBuilder();
            var arguments = invocation.ArgumentList.Arguments;
            for (var i = 0; i < parameters.Count && i < arguments.Count; i++)
                if (lambdaModel.GetDeclaredSymbol(parameters[i]) is { } parameter) bindings[parameter] = Resolve(arguments[i].Expression, scope.Deeper());
            var body = scope.Entering(holder).WithParameters(bindings.ToImmutable());
            if (lambda.ExpressionBody is { } expression) results.Add(Resolve(expression, body));
            else if (lambda.Block is not null) results.AddRange(Returns(lambda.Block, body, null));
        }
        return results.Count == 0 ? null : Value.OneOf(results);
    }

    /// <summary>
    /// The lambdas a delegate field or property is given: in its declaration and by assignments in code the handler
    /// reaches (a cast around one is looked through). Null when one of those gives it anything else.
    /// </summary>
    private List<LambdaExpressionSyntax>? LambdasGivenTo(ISymbol holder)
    {
        var given = new List<ExpressionSyntax>();
        foreach (var reference in holder.DeclaringSyntaxReferences)
            switch (reference.GetSyntax())
            {
                case VariableDeclaratorSyntax { Initializer.Value: var value }: given.Add(value); break;
                case PropertyDeclarationSyntax { Initializer.Value: var value }: given.Add(value); break;
            }
        foreach (var assignment in index.AssignmentsTo(holder.Name))
        {
            if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || !IsInReachableCode(assignment)) continue;
            var assigned = project.Model(assignment.SyntaxTree).GetSymbolInfo(assignment.Left).Symbol;
            if (SymbolEqualityComparer.Default.Equals(assigned?.OriginalDefinition, holder.OriginalDefinition)) given.Add(assignment.Right);
        }
        var lambdas = new List<LambdaExpressionSyntax>();
        foreach (var expression in given)
        {
            if (GenericCallTypes.Unwrap(expression) is not LambdaExpressionSyntax lambda) return null;
            lambdas.Add(lambda);
        }
        return lambdas;
    }

    private Value Format(SeparatedSyntaxList<ArgumentSyntax> arguments, ResolveScope scope, SyntaxNode at)
    {
        var first = arguments[0].Expression;
        var offset = 1;
        if (project.Model(first.SyntaxTree).GetTypeInfo(first).Type?.Name == "IFormatProvider") { first = arguments[1].Expression; offset = 2; }
        if (Resolve(first, scope) is not LiteralValue format) return Unknown(at, "the format string is not a constant");
        var parts = new List<Value>();
        var position = 0;
        foreach (Match hole in Regex.Matches(format.Text, @"\{(\d+)(?:[,:][^}]*)?\}"))
        {
            parts.Add(new LiteralValue(format.Text[position..hole.Index].Replace("{{", "{").Replace("}}", "}")));
            var argumentIndex = int.Parse(hole.Groups[1].Value) + offset;
            parts.Add(argumentIndex < arguments.Count ? Resolve(arguments[argumentIndex].Expression, scope) : Unknown(at, "format argument missing"));
            position = hole.Index + hole.Length;
        }
        parts.Add(new LiteralValue(format.Text[position..].Replace("{{", "{").Replace("}}", "}")));
        return Concat(parts);
    }

    private Value Join(SeparatedSyntaxList<ArgumentSyntax> arguments, ResolveScope scope, SyntaxNode at)
    {
        var separator = Resolve(arguments[0].Expression, scope);
        var items = arguments.Skip(1).Select(a => Resolve(a.Expression, scope)).ToList();
        if (items.Count == 1 && items[0] is CollectionValue collection) items = collection.Items.ToList();
        else if (items.Count == 1) return Unknown(at, $"'{Short(at)}' joins a collection built at run time");
        return Concat(Interleave(items, separator));
    }

    private static IEnumerable<Value> Interleave(IEnumerable<Value> items, Value separator)
    {
        var first = true;
        foreach (var item in items)
        {
            if (!first) yield return separator;
            first = false;
            yield return item;
        }
    }

    /// <summary>A string, or a value whose type is not seen (a package not restored) but that is not a type name.</summary>
    private static bool IsText(SemanticModel model, ExpressionSyntax receiver) =>
        model.TypeOf(receiver) is { SpecialType: SpecialType.System_String } or null or IErrorTypeSymbol && model.GetSymbolInfo(receiver).Symbol is not ITypeSymbol;

    /// <summary>The edited text when it is known now; kept as an edit of what the template binds later; unknown otherwise.</summary>
    private Value Edited(Value text, TextEdit edit, InvocationExpressionSyntax at)
    {
        if (edit.On(text) is { } edited) return edited;
        return Bindable(text)
            ? new TextEditValue(text, edit)
            : Unknown(at, $"'{Short(at)}' changes a value known only at run time ({Describe(text)})");

        static bool Bindable(Value value) => value switch
        {
            EnvVarValue or EventFieldValue or LiteralValue or NullValue => true,
            ConcatValue concat => concat.Parts.All(p => p is UnknownValue || Bindable(p)),
            OneOfValue oneOf => oneOf.Options.All(Bindable),
            TextEditValue inner => Bindable(inner.Inner),
            _ => false,
        };
    }

    private static string Transform(string method, string text) => method switch
    {
        "ToLowerInvariant" or "ToLower" => text.ToLowerInvariant(),
        "ToUpperInvariant" or "ToUpper" => text.ToUpperInvariant(),
        _ => text.Trim(),
    };

    private static string Describe(Value value) => value switch
    {
        UnknownValue u => u.Reason,
        EnvVarValue e => $"environment variable {e.Name}",
        _ => value.GetType().Name,
    };

    private Value ObjectCreation(BaseObjectCreationExpressionSyntax creation, ResolveScope scope)
    {
        var model = project.Model(creation.SyntaxTree);
        var typeName = creation switch
        {
            ObjectCreationExpressionSyntax explicitType => SyntaxIndex.TypeName(explicitType.Type) ?? explicitType.Type.ToString(),
            _ when model.GetTypeInfo(creation).Type is { Name.Length: > 0 } bound => bound.Name,
            // A target-typed new() whose target does not bind (its package is not restored): the type the syntax declares, if any.
            ImplicitObjectCreationExpressionSyntax implicitType when Pruning.CodeRelevance.TargetType(implicitType) is { } declared => SyntaxIndex.TypeName(declared) ?? "",
            _ => "",
        };
        if (creation.Initializer is { } init && init.IsKind(SyntaxKind.CollectionInitializerExpression))
            return Collection(init, scope);
        // new Lazy<string>(() => Environment.GetEnvironmentVariable("BUCKET")): its Value is what the factory returns.
        if (typeName == "Lazy" && creation.ArgumentList?.Arguments is [{ Expression: LambdaExpressionSyntax { ExpressionBody: { } factory } }, ..])
            return new ObjectValue("Lazy", ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("Value", Resolve(factory, scope.Deeper()))]));
        if (creation.Initializer is null && IsCollection(model.GetTypeInfo(creation).Type))
            return new CollectionValue([]); // new List<T>(), new Dictionary<K, V>(): empty until items are added
        var built = ObjectFromInitializer(typeName, creation.Initializer, scope);
        return built is ObjectValue obj ? WithPositionalProperties(obj, creation, model, scope) : built;
    }

    /// <summary><c>new Target("x")</c> of a record: its positional properties take the constructor's arguments.</summary>
    private Value WithPositionalProperties(ObjectValue obj, BaseObjectCreationExpressionSyntax creation, SemanticModel model, ResolveScope scope)
    {
        if (model.GetSymbolInfo(creation).Symbol is not IMethodSymbol { MethodKind: MethodKind.Constructor } constructor || !IsSource(constructor))
        {
            var arguments = creation.ArgumentList?.Arguments ?? default;
            if (arguments.Count == 0 || arguments.Any(a => a.NameColon is not null)) return obj;
            var values = arguments.Select(a => Resolve(a.Expression, scope.Deeper())).ToImmutableArray();
            // An SDK helper whose constructor the mapping table describes (new TableConfig("Orders")): its arguments are those properties.
            var named = _sdkConstructors.GetValueOrDefault(obj.TypeName);
            var described = named.IsDefault ? obj.Properties : obj.Properties.SetItems(named.Zip(values).Where(p => !obj.Properties.ContainsKey(p.First)).Select(p => KeyValuePair.Create(p.First, p.Second)));
            return obj with { Arguments = values, Properties = described };
        }
        var properties = obj.Properties;
        foreach (var parameter in constructor.Parameters)
        {
            if (properties.ContainsKey(parameter.Name)) continue;
            var property = constructor.ContainingType.GetMembers(parameter.Name).OfType<IPropertySymbol>().FirstOrDefault();
            // Only positional record properties: their declaration is the constructor's parameter itself.
            if (property is null || !property.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is ParameterSyntax)) continue;
            var argument = ArgumentFor(creation, parameter);
            properties = properties.SetItem(parameter.Name, argument is null ? DefaultOf(parameter) : Resolve(argument, scope.Deeper()));
        }
        return obj with { Properties = properties };
    }

    private static bool IsCollection(ITypeSymbol? type) =>
        type is not null && type.SpecialType != SpecialType.System_String &&
        type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable);

    private Value ObjectFromInitializer(string typeName, InitializerExpressionSyntax? initializer, ResolveScope scope)
    {
        var properties = ImmutableSortedDictionary.CreateBuilder<string, Value>(StringComparer.Ordinal);
        var entries = new List<Value>();
        foreach (var expression in initializer?.Expressions ?? default)
        {
            if (expression is not AssignmentExpressionSyntax assignment) continue;
            var value = assignment.Right is InitializerExpressionSyntax nested
                ? (nested.IsKind(SyntaxKind.ObjectInitializerExpression) ? ObjectFromInitializer("", nested, scope) : Collection(nested, scope))
                : Resolve(assignment.Right, scope);
            switch (assignment.Left)
            {
                case IdentifierNameSyntax property:
                    properties[property.Identifier.ValueText] = value;
                    break;
                case ImplicitElementAccessSyntax indexer when indexer.ArgumentList.Arguments.Count == 1:
                    entries.Add(new EntryValue(Resolve(indexer.ArgumentList.Arguments[0].Expression, scope), value));
                    break;
            }
        }
        if (entries.Count > 0 && properties.Count == 0) return new CollectionValue(entries.ToImmutableArray());
        return new ObjectValue(typeName, properties.ToImmutable());
    }

    /// <summary>
    /// A configuring lambda, <c>c => c.TableNamePrefix = "prod-"</c> or <c>c => { c.A = x; c.B = y; }</c>, is read as the
    /// object it sets: the properties it assigns on its one parameter. Null for any other lambda, or one whose block
    /// does anything else (it could set more than RoleGen sees).
    /// </summary>
    private ObjectValue? ConfiguredObject(LambdaExpressionSyntax lambda, ResolveScope scope)
    {
        var parameter = lambda switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
            _ => null,
        };
        if (parameter is null) return null;
        IEnumerable<ExpressionSyntax?> assignments = lambda switch
        {
            { ExpressionBody: { } body } => [body],
            { Block: { } block } => block.Statements.Select(statement => (statement as ExpressionStatementSyntax)?.Expression),
            _ => [],
        };
        var properties = ImmutableSortedDictionary.CreateBuilder<string, Value>(StringComparer.Ordinal);
        foreach (var expression in assignments)
        {
            if (expression is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target } member } assignment
                && target.Identifier.ValueText == parameter)
                properties[member.Name.Identifier.ValueText] = Resolve(assignment.Right, scope);
            else if (!BuilderCalls(expression, parameter, properties, scope))
                return null;
        }
        return properties.Count == 0 ? null : new ObjectValue("", properties.ToImmutable());
    }

    /// <summary>
    /// A builder's fluent chain on the lambda's parameter, <c>b => b.WithTableName(t).WithKeyAttr("id")</c>: each
    /// <c>WithX(v)</c> sets X. False for any other call, which could do more than RoleGen sees.
    /// </summary>
    private bool BuilderCalls(ExpressionSyntax? expression, string parameter, ImmutableSortedDictionary<string, Value>.Builder properties, ResolveScope scope)
    {
        var calls = new List<(string Property, ExpressionSyntax Value)>();
        while (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: IdentifierNameSyntax method } access, ArgumentList.Arguments: [var argument] }
               && method.Identifier.ValueText is { Length: > 4 } name && name.StartsWith("With", StringComparison.Ordinal) && char.IsUpper(name[4]))
        {
            calls.Add((name[4..], argument.Expression));
            expression = access.Expression;
        }
        if (calls.Count == 0 || expression is not IdentifierNameSyntax root || root.Identifier.ValueText != parameter) return false;
        calls.Reverse(); // the last call of the chain wins
        foreach (var (property, value) in calls) properties[property] = Resolve(value, scope);
        return true;
    }

    private Value Collection(InitializerExpressionSyntax initializer, ResolveScope scope) =>
        new CollectionValue(initializer.Expressions.Select(expression => expression switch
        {
            InitializerExpressionSyntax { Expressions.Count: 2 } pair when initializer.IsKind(SyntaxKind.CollectionInitializerExpression) =>
                new EntryValue(Resolve(pair.Expressions[0], scope), Resolve(pair.Expressions[1], scope)),
            AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax indexer } assignment when indexer.ArgumentList.Arguments.Count == 1 =>
                new EntryValue(Resolve(indexer.ArgumentList.Arguments[0].Expression, scope), Resolve(assignment.Right, scope)),
            _ => Resolve(expression, scope),
        }).ToImmutableArray());
}
