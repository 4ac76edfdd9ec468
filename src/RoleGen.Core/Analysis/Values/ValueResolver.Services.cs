using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RoleGen.Core.Analysis.Values;

/// <summary>
/// Values that dependency injection and configuration binding provide: a parameter the container fills
/// (constructor of a registered type, <c>[FromServices]</c>) takes the registered instance or what the factory
/// returns; a property of an options class bound to a configuration section (<c>Configure&lt;T&gt;(config.GetSection("Orders"))</c>,
/// <c>GetSection("Orders").Bind(o)</c>, <c>.Get&lt;T&gt;()</c>, <c>AddOptions&lt;T&gt;().Bind(...)</c>/<c>BindConfiguration("Orders")</c>)
/// reads the environment variable <c>Orders__Prop</c>; an options class another bound one holds through a property
/// (<c>AppOptions.Storage</c> bound to "App") reads <c>App__Storage__Prop</c>.
/// </summary>
public sealed partial class ValueResolver
{
    /// <summary>How deep options nest inside bound options before we stop looking (the binder has no limit; real options rarely go past three).</summary>
    private const int MaxOptionsNesting = 4;

    private readonly Dictionary<ITypeSymbol, ImmutableArray<string>> _sections = new(SymbolEqualityComparer.Default);
    private ILookup<ITypeSymbol, string>? _configurationBindings;
    private bool _findingConfigurationBindings;

    /// <summary>
    /// The AWSOptions the container builds clients of that type with (<c>services.AddAWSService&lt;IAmazonS3&gt;(options)</c>),
    /// one per registration in reachable code: its own options, else each <c>AddDefaultAWSOptions(options)</c>'s, else an
    /// AWSOptions without Region (the SDK's default). Null when reachable code registers no such client.
    /// </summary>
    public IReadOnlyList<Value>? ContainerClientOptions(string clientType)
    {
        var registrations = index.CallsNamed("AddAWSService").OfType<InvocationExpressionSyntax>()
            .Where(c => c.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments: [var type] } } &&
                        SyntaxIndex.TypeName(type) == clientType && IsInReachableCode(c))
            .ToList();
        if (registrations.Count == 0) return null;
        var defaults = index.CallsNamed("AddDefaultAWSOptions").OfType<InvocationExpressionSyntax>()
            .Where(c => c.ArgumentList.Arguments.Count == 1 && IsInReachableCode(c))
            .Select(c => Resolve(c.ArgumentList.Arguments[0].Expression))
            .ToList();
        Value sdkDefault = new ObjectValue("AWSOptions", ImmutableSortedDictionary<string, Value>.Empty.WithComparers(StringComparer.Ordinal));
        return registrations
            .SelectMany(r => OptionsArgument(r) is { } own ? [Resolve(own)] : defaults.Count > 0 ? defaults : [sdkDefault])
            .ToList();
    }

    /// <summary>The AWSOptions argument of <c>AddAWSService&lt;T&gt;(options, lifetime)</c>: named, or the first that is no ServiceLifetime.</summary>
    private static ExpressionSyntax? OptionsArgument(InvocationExpressionSyntax registration)
    {
        var arguments = registration.ArgumentList.Arguments;
        if (arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "options") is { } named) return named.Expression;
        var first = arguments.FirstOrDefault(a => a.NameColon is null)?.Expression;
        return first is MemberAccessExpressionSyntax { Expression: var owner } && owner.ToString() is "ServiceLifetime" or "Microsoft.Extensions.DependencyInjection.ServiceLifetime" ? null : first;
    }

    private static bool IsFromServices(IParameterSymbol parameter) =>
        parameter.GetAttributes().Any(a => a.AttributeClass?.Name is "FromServicesAttribute" or "FromServices" or "FromKeyedServicesAttribute" or "FromKeyedServices");

    /// <summary>What the container passes for a parameter: each registration's instance or factory result; null when the type is not registered.</summary>
    private Value? ServiceValue(IParameterSymbol parameter, ExpressionSyntax usage, ResolveScope scope)
    {
        var registrations = reachable.Registrations.For(parameter.Type);
        if (registrations.Count == 0) return null;
        return Value.OneOf(registrations.Select(r => RegistrationValue(r, scope) ?? Unknown(usage, $"'{parameter.Name}' is a {parameter.Type.Name} the container builds ({Short(r.At)})")));
    }

    /// <summary>What a registration gives: its instance, what its factory returns, or an SDK object the container builds; null for an object of the project the container builds.</summary>
    private Value? RegistrationValue(DiRegistration registration, ResolveScope scope) => registration.Provider switch
    {
        LambdaExpressionSyntax { ExpressionBody: { } body } => Resolve(body, scope),
        LambdaExpressionSyntax { Block: { } block } => Value.OneOf(block.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<ReturnStatementSyntax>().Where(r => r.Expression is not null).Select(r => Resolve(r.Expression!, scope))),
        { } instance => Resolve(instance, scope),
        null => ContainerBuilt(registration, scope),
    };

    /// <summary>
    /// An SDK object the container builds itself (<c>AddSingleton&lt;IDynamoDBContext, DynamoDBContext&gt;()</c>): made with
    /// what the container holds for the service types its constructor takes (mapping <c>injects</c>), the longest run of
    /// them it holds. Null for other types.
    /// </summary>
    private Value? ContainerBuilt(DiRegistration registration, ResolveScope scope)
    {
        if (registration.At.Expression is not MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments: [.., var implementation] } } ||
            SyntaxIndex.TypeName(implementation) is not { } name || sdk?.InjectsByType.GetValueOrDefault(name) is not { IsDefaultOrEmpty: false } injects)
            return null;
        var arguments = ImmutableArray.CreateBuilder<Value>();
        foreach (var service in injects)
        {
            if (ContainerValueOf(service, scope.Deeper()) is not { } value) break;
            arguments.Add(value);
        }
        return new ObjectValue(name, ImmutableSortedDictionary<string, Value>.Empty.WithComparers(StringComparer.Ordinal)) { Arguments = arguments.ToImmutable() };
    }

    /// <summary>What the container gives for a service type named so: its registrations, or a client AddAWSService registers (in its options' region).</summary>
    private Value? ContainerValueOf(string serviceType, ResolveScope scope)
    {
        var registrations = reachable.Registrations.All.Where(r => r.Service.Name == serviceType).ToList();
        if (registrations.Count > 0)
            return Value.OneOf(registrations.Select(r => RegistrationValue(r, scope) ?? new UnknownValue($"a {serviceType} the container builds", Location(r.At))));
        if (ContainerClientOptions(serviceType) is not { } options) return null;
        var empty = ImmutableSortedDictionary<string, Value>.Empty.WithComparers(StringComparer.Ordinal);
        return Value.OneOf(options.Select(o => (Value)new ObjectValue(serviceType, empty)
        {
            Arguments = o is ObjectValue { Properties: var set } && set.GetValueOrDefault("Region") is { } region ? [region] : [],
        }));
    }

    /// <summary>The environment variables a member of a configuration-bound options class reads, one per section it is bound to.</summary>
    private IEnumerable<Value> BoundConfiguration(ISymbol member, SyntaxNode usage)
    {
        if (member.IsStatic || member is IPropertySymbol { SetMethod: null } || member.ContainingType is not { } declaring) return [];
        // A property a bound options class inherits is bound under the sections of the class it is read on.
        var type = ReceiverType(usage) is INamedTypeSymbol receiver && Inherits(receiver, declaring) ? receiver : declaring;
        var key = ConfigurationKeyName(member) ?? member.Name;
        return SectionsBinding(type).Select(section => (Value)ConfigurationKey(section.Length == 0 ? key : section + ":" + key, usage));
    }

    /// <summary>The key a <c>[ConfigurationKeyName("KEY")]</c> attribute binds the member to, instead of its name.</summary>
    private static string? ConfigurationKeyName(ISymbol member) =>
        member.GetAttributes()
            .Where(a => a.AttributeClass?.Name is "ConfigurationKeyNameAttribute" or "ConfigurationKeyName")
            .Select(a => a.ConstructorArguments.FirstOrDefault().Value as string
                         ?? ((a.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax)?.ArgumentList?.Arguments.FirstOrDefault()?.Expression as LiteralExpressionSyntax)?.Token.ValueText)
            .FirstOrDefault(k => !string.IsNullOrEmpty(k));

    private ITypeSymbol? ReceiverType(SyntaxNode usage)
    {
        var receiver = usage switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            MemberBindingExpressionSyntax { Parent.Parent: ConditionalAccessExpressionSyntax conditional } => conditional.Expression,
            _ => null,
        };
        if (receiver is null) return null;
        return project.Model(receiver.SyntaxTree).TypeOf(receiver) is { TypeKind: not TypeKind.Error } bound ? bound : OptionsPathType(receiver);
    }

    private static bool Inherits(INamedTypeSymbol type, INamedTypeSymbol ancestor)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, ancestor.OriginalDefinition)) return true;
        return false;
    }

    private ImmutableArray<string> SectionsBinding(ITypeSymbol type)
    {
        var key = type.OriginalDefinition;
        if (_sections.TryGetValue(key, out var known)) return known;
        return _sections[key] = NestedSections(key, ImmutableList.Create(key));
    }

    /// <summary>
    /// The sections a type is bound to: its own bindings and, since the binder fills a nested object from the subsection
    /// named after the property that holds it, each holder's sections plus that property's name ("App" + <c>Storage</c> is "App:Storage").
    /// </summary>
    private ImmutableArray<string> NestedSections(ITypeSymbol type, ImmutableList<ITypeSymbol> path)
    {
        var sections = new SortedSet<string>(DirectSections(type), StringComparer.Ordinal);
        if (path.Count > MaxOptionsNesting) return [.. sections];
        foreach (var property in implementations.PropertyHoldersOf(type))
        {
            var holder = property.ContainingType.OriginalDefinition;
            if (path.Contains(holder, SymbolEqualityComparer.Default)) continue; // a type that holds itself (Node.Next) would nest forever
            foreach (var parent in NestedSections(holder, path.Add(holder)))
                sections.Add(parent.Length == 0 ? property.Name : parent + ":" + property.Name);
        }
        return [.. sections];
    }

    /// <summary>
    /// The sections code binds this type to itself. Every binding call of the reachable code is read once per handler;
    /// a question asked while they are being read (a section named by a bound option's value) reads them for that type alone.
    /// </summary>
    private ImmutableArray<string> DirectSections(ITypeSymbol type)
    {
        if (_configurationBindings is null && !_findingConfigurationBindings)
        {
            _findingConfigurationBindings = true;
            try
            {
                _configurationBindings = ConfigurationBindings().ToLookup<(ITypeSymbol Bound, string Section), ITypeSymbol, string>(b => b.Bound, b => b.Section, SymbolEqualityComparer.Default);
            }
            finally
            {
                _findingConfigurationBindings = false;
            }
        }
        var sections = _configurationBindings is { } all
            ? all[type.OriginalDefinition]
            : ConfigurationBindings().Where(b => SymbolEqualityComparer.Default.Equals(b.Bound, type.OriginalDefinition)).Select(b => b.Section);
        return [.. sections.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Each type reachable code binds to a configuration section, with the section (<c>Configure&lt;T&gt;</c>, <c>Bind</c>, <c>Get&lt;T&gt;</c>...).</summary>
    private IEnumerable<(ITypeSymbol Bound, string Section)> ConfigurationBindings()
    {
        // Lambdajection: [LambdaOptions(typeof(Handler), "Section")] on an options class binds it to that section.
        foreach (var type in implementations.SourceTypes)
        foreach (var attribute in type.GetAttributes().Where(a => a.AttributeClass?.Name is "LambdaOptionsAttribute" or "LambdaOptions"))
            if (attribute.ApplicationSyntaxReference?.GetSyntax() is AttributeSyntax { ArgumentList.Arguments: [_, { Expression: var section }, ..] } &&
                Resolve(section, ResolveScope.Root) is LiteralValue name)
                yield return (type.OriginalDefinition, name.Text);

        foreach (var name in (string[])["Configure", "Bind", "Get", "BindConfiguration", "GetRequiredSection"])
        foreach (var call in index.CallsNamed(name).OfType<InvocationExpressionSyntax>())
        {
            if (call.Expression is not MemberAccessExpressionSyntax access || !IsInReachableCode(call)) continue;
            var (bound, section) = Binding(name, call, access, ResolveScope.Root);
            if (bound is null) continue;
            if (section is not null && bound is not ITypeParameterSymbol)
            {
                yield return (bound.OriginalDefinition, section);
                continue;
            }
            // A helper that binds what its caller names (ConfigurePoco<T>(configuration, "Orders"): GetSection(section).Bind(new T())):
            // read once per call of the helper, with its parameters and type parameters taken from that call.
            foreach (var (scope, typeArguments) in CallersOf(call))
            {
                if (!MayRun(call, scope)) continue; // if (string.IsNullOrEmpty(section)) configuration.Bind(o); else ...
                var (boundThere, sectionThere) = Binding(name, call, access, scope);
                if (boundThere is ITypeParameterSymbol parameter) boundThere = typeArguments.GetValueOrDefault(parameter);
                if (boundThere is not null and not ITypeParameterSymbol && sectionThere is not null) yield return (boundThere.OriginalDefinition, sectionThere);
            }
        }
    }

    /// <summary>The type one binding call binds and the section it binds it to, reading the section in <paramref name="scope"/>.</summary>
    private (ITypeSymbol? Bound, string? Section) Binding(string name, InvocationExpressionSyntax call, MemberAccessExpressionSyntax access, ResolveScope scope)
    {
        var model = project.Model(call.SyntaxTree);
        var arguments = call.ArgumentList.Arguments;
        var generic = (access.Name as GenericNameSyntax)?.TypeArgumentList.Arguments.Select(t => model.GetTypeInfo(t).Type).FirstOrDefault();
        switch (name)
        {
            case "Configure" when generic is not null && arguments.LastOrDefault()?.Expression is { } source and not AnonymousFunctionExpressionSyntax:
                return (generic, SectionPath(source, scope));
            case "Get" when generic is not null && arguments.Count == 0:
                return (generic, SectionPath(access.Expression, scope));
            case "Bind" when arguments.Count == 1 && OptionsBuilderType(access.Expression, model) is { } builderType:
                return (builderType, SectionPath(arguments[0].Expression, scope)); // AddOptions<T>().Bind(section)
            case "Bind" when arguments.Count == 1:
                // section.Bind(o) in Configure<T>(o => ..): o is T even where the options package does not resolve.
                var bound = model.GetTypeInfo(arguments[0].Expression).Type is { } type and not IErrorTypeSymbol ? type
                    : arguments[0].Expression is IdentifierNameSyntax target ? ConfiguredOptionsType(target, model) : null;
                return (bound, SectionPath(access.Expression, scope));
            case "Bind" when arguments.Count == 2 && Resolve(arguments[0].Expression, scope) is LiteralValue key && SectionPath(access.Expression, scope) is { } parent:
                return (model.GetTypeInfo(arguments[1].Expression).Type, Join(parent, key.Text)); // config.Bind("Orders", options)
            case "BindConfiguration" when arguments.Count >= 1 && OptionsBuilderType(access.Expression, model) is { } optionsType && Resolve(arguments[0].Expression, scope) is LiteralValue path:
                return (optionsType, path.Text);
            default:
                return (null, null);
        }

        static string Join(string parent, string key) => parent.Length == 0 ? key : parent + ":" + key;
    }

    /// <summary>
    /// False when <paramref name="node"/> is in a branch of an <c>if</c> that cannot be taken with the parameters
    /// <paramref name="scope"/> binds: <c>if (string.IsNullOrEmpty(section))</c> when the caller passes a name.
    /// </summary>
    private bool MayRun(SyntaxNode node, ResolveScope scope)
    {
        for (SyntaxNode? child = node, parent = node.Parent; parent is not null and not MemberDeclarationSyntax; child = parent, parent = parent.Parent)
        {
            if (parent is not IfStatementSyntax branch || Holds(branch.Condition, scope) is not { } holds) continue;
            if (child == branch.Statement && !holds || child == branch.Else && holds) return false;
        }
        return true;
    }

    /// <summary>Whether a null-or-empty test of a value the scope knows holds; null when it is another kind of condition or the value is not known.</summary>
    private bool? Holds(ExpressionSyntax condition, ResolveScope scope)
    {
        switch (condition)
        {
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not:
                return !Holds(not.Operand, scope);
            case ParenthesizedExpressionSyntax parenthesized:
                return Holds(parenthesized.Expression, scope);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IsNullOrEmpty" or "IsNullOrWhiteSpace" }, ArgumentList.Arguments: [var tested] }:
                return Resolve(tested.Expression, scope) switch
                {
                    LiteralValue literal => string.IsNullOrWhiteSpace(literal.Text),
                    NullValue => true,
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary>
    /// For code in a method: each call of that method in reachable code, as a scope with the method's parameters bound to
    /// the call's arguments, and the type arguments it gives the method's type parameters.
    /// </summary>
    private IEnumerable<(ResolveScope Scope, ImmutableDictionary<ITypeParameterSymbol, ITypeSymbol> TypeArguments)> CallersOf(SyntaxNode code)
    {
        var symbol = project.EnclosingSymbol(code);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction }) symbol = symbol.ContainingSymbol;
        if (symbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method || method.Parameters.IsEmpty && method.TypeParameters.IsEmpty) yield break;
        method = method.OriginalDefinition;
        foreach (var site in CallSites(method))
        {
            var parameters = ImmutableDictionary.CreateBuilder<IParameterSymbol, Value>(SymbolEqualityComparer.Default);
            foreach (var parameter in method.Parameters)
                parameters[parameter] = ArgumentFor(site, parameter) is { } argument ? Resolve(argument, ResolveScope.Root.Deeper()) : DefaultOf(parameter);
            var typeArguments = ImmutableDictionary.CreateBuilder<ITypeParameterSymbol, ITypeSymbol>(SymbolEqualityComparer.Default);
            var model = project.Model(site.SyntaxTree);
            var given = (model.GetSymbolInfo(site).Symbol as IMethodSymbol)?.TypeArguments is { IsDefaultOrEmpty: false } bound && bound.All(t => t is not IErrorTypeSymbol)
                ? bound.ToList()
                : ((site as InvocationExpressionSyntax)?.Expression switch
                  {
                      MemberAccessExpressionSyntax { Name: GenericNameSyntax generic } => generic,
                      GenericNameSyntax generic => generic,
                      _ => null,
                  })?.TypeArgumentList.Arguments.Select(t => model.GetTypeInfo(t).Type).OfType<ITypeSymbol>().ToList() ?? [];
            for (var i = 0; i < method.TypeParameters.Length && i < given.Count; i++) typeArguments[method.TypeParameters[i]] = given[i];
            yield return (ResolveScope.Root.WithParameters(parameters.ToImmutable()), typeArguments.ToImmutable());
        }
    }

    /// <summary>
    /// <c>o.Bucket</c> in <c>services.Configure&lt;T&gt;(o =&gt; o.Bucket = ...)</c> when the options package is not referenced
    /// (the lambda's parameter then has no type): the member of T.
    /// </summary>
    private static ISymbol? ConfiguredMember(ExpressionSyntax left, SemanticModel model) =>
        left is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target } access && ConfiguredOptionsType(target, model) is { } options
            ? ValueMember(options, access.Name.Identifier.ValueText)
            : null;

    /// <summary>
    /// T for the options parameter <c>o</c> of <c>services.Configure&lt;T&gt;(o =&gt; ..)</c> or
    /// <c>AddOptions&lt;T&gt;().Configure&lt;TDep&gt;((o, dep) =&gt; ..)</c>, where the options package is not referenced and
    /// the lambda's parameter has no type.
    /// </summary>
    private static ITypeSymbol? ConfiguredOptionsType(IdentifierNameSyntax target, SemanticModel model)
    {
        if (model.GetSymbolInfo(target).Symbol is not IParameterSymbol { Ordinal: 0 } parameter) return null;
        var lambda = parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax().FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>();
        if (lambda?.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }) return null;
        if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Configure" or "PostConfigure" or "ConfigureAll" or "PostConfigureAll" } access) return null;
        // An options builder's Configure<TDep> names a dependency, not the options: those are the builder's.
        if (OptionsBuilderType(access.Expression, model) is { } built) return built;
        return access.Name is GenericNameSyntax { TypeArgumentList.Arguments: [var options] } ? model.GetTypeInfo(options).Type : null;
    }

    /// <summary>The field or property of that name a value of the type has, declared by the type or inherited.</summary>
    private static ISymbol? ValueMember(ITypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
            if (current.GetMembers(name).FirstOrDefault(m => m is IFieldSymbol or IPropertySymbol) is { } member) return member;
        return null;
    }

    /// <summary>T when <paramref name="expression"/> is <c>options.Value</c> or <c>monitor.CurrentValue</c> of an IOptions&lt;T&gt;, IOptionsSnapshot&lt;T&gt; or IOptionsMonitor&lt;T&gt;.</summary>
    private ITypeSymbol? OptionsValueType(ExpressionSyntax expression)
    {
        if (expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Value" or "CurrentValue" } access) return null;
        var type = project.Model(access.SyntaxTree).TypeOf(access.Expression) as INamedTypeSymbol;
        return type is { Name: "IOptions" or "IOptionsSnapshot" or "IOptionsMonitor", TypeArguments.Length: 1 } ? type.TypeArguments[0] : null;
    }

    /// <summary>
    /// The type of <c>options.Value</c> or of a member path under it (<c>options.Value.Storage</c> is AppOptions.Storage's type):
    /// without the options package none of the path binds, so nested options are found by walking T's members by name.
    /// </summary>
    private ITypeSymbol? OptionsPathType(ExpressionSyntax expression)
    {
        if (OptionsValueType(expression) is { } options) return options;
        if (LocalInitializer(expression) is { } initializer) return OptionsPathType(initializer); // var o = options.Value;
        if (expression is not MemberAccessExpressionSyntax access || OptionsPathType(access.Expression) is not { } owner) return null;
        return ValueMember(owner, access.Name.Identifier.ValueText) switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            _ => null,
        };
    }

    /// <summary>T of <c>services.AddOptions&lt;T&gt;()</c> (possibly followed by other builder calls).</summary>
    private static ITypeSymbol? OptionsBuilderType(ExpressionSyntax expression, SemanticModel model)
    {
        for (var current = expression; current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access };)
        {
            if (access.Name is GenericNameSyntax { Identifier.ValueText: "AddOptions" } generic && generic.TypeArgumentList.Arguments.Count == 1)
                return model.GetTypeInfo(generic.TypeArgumentList.Arguments[0]).Type;
            current = access.Expression;
        }
        return null;
    }
}
