using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RoleGen.Core.Analysis.Values;

public sealed partial class ValueResolver
{
    private Value SymbolReference(ExpressionSyntax expression, ResolveScope scope)
    {
        // config.GetSection("Bucket").Value, config.GetRequiredSection("A:B").Value
        if (expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Value" } && ConfigurationPath(expression, scope) is { } path)
            return ConfigurationValue(path, expression, scope);
        if (expression is MemberAccessExpressionSyntax member && SdkResult(member, scope) is { } result) return result;
        if (expression is MemberAccessExpressionSyntax && StoredResult(expression, scope) is { } stored) return stored;
        var model = project.Model(expression.SyntaxTree);
        if (expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "EnvironmentName" } environment && IsHostEnvironment(model, environment.Expression))
            return HostEnvironmentName(environment);
        if (expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SystemName" } region && RegionName(region.Expression, scope) is { } regionName)
            return regionName;
        var info = model.GetSymbolInfo(expression);
        var symbol = info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
        switch (symbol)
        {
            case ILocalSymbol local:
                return Local(local, expression, scope);
            case IParameterSymbol parameter:
                return Parameter(parameter, expression, scope);
            case IFieldSymbol { ContainingType.TypeKind: TypeKind.Enum } enumMember:
                return new NamedConstantValue(enumMember.ContainingType.Name, enumMember.Name);
            case IFieldSymbol or IPropertySymbol when IsSource(symbol):
                // new Settings { Bucket = "x" }.Bucket, record.Name: the object's own value when the receiver is one built in code.
                if (!symbol.IsStatic && expression is MemberAccessExpressionSyntax { Expression: not (ThisExpressionSyntax or BaseExpressionSyntax) } owner &&
                    Resolve(owner.Expression, scope.Deeper()) is ObjectValue built && built.Properties.TryGetValue(symbol.Name, out var own))
                    return own;
                return Member(symbol, expression, scope);
            case IFieldSymbol { IsStatic: true } or IPropertySymbol { IsStatic: true }:
                return new NamedConstantValue(symbol.ContainingType.Name, symbol.Name);
            case IPropertySymbol property when expression is MemberAccessExpressionSyntax access:
                return PropertyOfValue(Resolve(access.Expression, scope), property.Name, expression);
            case null when expression is MemberAccessExpressionSyntax access:
                return UnresolvedMemberAccess(access, scope);
            default:
                return Unknown(expression, $"'{Short(expression)}' is known only at run time");
        }
    }

    /// <summary>
    /// The region's name of a RegionEndpoint expression, <c>RegionEndpoint.GetBySystemName(name)</c> (what <c>name</c> is) or
    /// the field <c>RegionEndpoint.USEast1</c> (us-east-1); null for anything else. What client constructions pin, and
    /// what <c>.SystemName</c> reads.
    /// </summary>
    public Value? RegionName(ExpressionSyntax endpoint) => RegionName(endpoint, ResolveScope.Root);

    private Value? RegionName(ExpressionSyntax endpoint, ResolveScope scope) => endpoint switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetBySystemName", Expression: var type }, ArgumentList.Arguments: [var name] } when IsRegionEndpointType(type)
            => Resolve(name.Expression, scope.Deeper()),
        MemberAccessExpressionSyntax { Expression: var type, Name: IdentifierNameSyntax field, Parent: not InvocationExpressionSyntax } when IsRegionEndpointType(type)
            => new LiteralValue(_sdkNaming.RegionOf(field.Identifier.ValueText)),
        IdentifierNameSyntax when LocalInitializer(endpoint) is { } held => RegionName(held, scope),
        _ => null,
    };

    private static bool IsRegionEndpointType(ExpressionSyntax type) =>
        type is IdentifierNameSyntax { Identifier.ValueText: "RegionEndpoint" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "RegionEndpoint" };

    /// <summary>The host's environment types (<c>IWebHostEnvironment env</c>), also unresolved, or a builder's <c>.Environment</c> whose type is not seen.</summary>
    private static bool IsHostEnvironment(SemanticModel model, ExpressionSyntax receiver) =>
        model.TypeOf(receiver) is { Name: "IHostEnvironment" or "IWebHostEnvironment" or "IHostingEnvironment" or "IWebHostingEnvironment" } ||
        (receiver is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Environment" } && model.TypeOf(receiver) is null or IErrorTypeSymbol { Name.Length: 0 });

    /// <summary>
    /// The hosting environment's name as the .NET host reads it: ASPNETCORE_ENVIRONMENT, else DOTNET_ENVIRONMENT, else
    /// "Production".
    /// </summary>
    private Value HostEnvironmentName(ExpressionSyntax at) =>
        new EnvVarValue("ASPNETCORE_ENVIRONMENT", Location(at)) { Fallback = new EnvVarValue("DOTNET_ENVIRONMENT", Location(at)) { Fallback = new LiteralValue("Production") } };

    /// <summary>A name written like a type's: <c>RegionEndpoint</c>, or qualified by its namespace, <c>Amazon.RegionEndpoint</c>.</summary>
    private static bool IsTypeName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax id => char.IsUpper(id.Identifier.ValueText[0]),
        MemberAccessExpressionSyntax { Expression: var qualifier, Name: IdentifierNameSyntax name } => char.IsUpper(name.Identifier.ValueText[0]) && IsTypeName(qualifier),
        _ => false,
    };

    /// <summary>
    /// A member access whose symbol does not bind (its type comes from a package that is not restored):
    /// <c>Type.Member</c> is a named constant (an SDK enum-like constant); <c>value.Member</c> reads a property.
    /// </summary>
    private Value UnresolvedMemberAccess(MemberAccessExpressionSyntax access, ResolveScope scope)
    {
        var model = project.Model(access.SyntaxTree);
        if (OptionsPathType(access.Expression) is { } optionsType &&
            ValueMember(optionsType, access.Name.Identifier.ValueText) is { } optionsMember && IsSource(optionsMember))
            return Member(optionsMember, access, scope); // options.Value.Bucket (or options.Value.Storage.Bucket) without Microsoft.Extensions.Options referenced
        // var storage = config.GetSection("Storage").Get<StorageOptions>(); storage.Bucket, without the binder referenced.
        if (LocalInitializer(access.Expression) is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Get", TypeArgumentList.Arguments: [var boundType] } } } &&
            model.GetTypeInfo(boundType).Type is { } bound && ValueMember(bound, access.Name.Identifier.ValueText) is { } boundMember && IsSource(boundMember))
            return Member(boundMember, access, scope);
        var receiver = model.GetSymbolInfo(access.Expression).Symbol;
        var receiverType = model.TypeOf(access.Expression);
        var looksLikeType = receiver is ITypeSymbol || (receiver is null && receiverType is null or IErrorTypeSymbol && IsTypeName(access.Expression) && !IsKnownName(access.Expression));
        if (looksLikeType) return new NamedConstantValue(access.Expression is MemberAccessExpressionSyntax qualified ? qualified.Name.Identifier.ValueText : access.Expression.ToString(), access.Name.Identifier.ValueText);
        return PropertyOfValue(Resolve(access.Expression, scope), access.Name.Identifier.ValueText, access);
    }

    /// <summary>
    /// A property of an SDK call's response that stands for a request value of that call (mapping <c>results</c>):
    /// <c>(await sqs.GetQueueUrlAsync("orders")).QueueUrl</c>, also through a local holding the response, is the queue
    /// named "orders". Null for anything else.
    /// </summary>
    private Value? SdkResult(MemberAccessExpressionSyntax access, ResolveScope scope)
    {
        if (_sdkResults.IsEmpty) return null;
        var response = TaskResult(access.Expression);
        if (response is IdentifierNameSyntax && LocalInitializer(response) is { } held) response = TaskResult(held);
        if (response is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var method } } call) return null;
        var operation = method.EndsWith("Async", StringComparison.Ordinal) ? method[..^5] : method;
        if (!_sdkResults.TryGetValue(operation + "." + access.Name.Identifier.ValueText, out var path)) return null;
        var arguments = call.ArgumentList.Arguments;
        if (arguments is [{ Expression: BaseObjectCreationExpressionSyntax { Initializer: { } init } }])
        {
            var set = init.Expressions.OfType<AssignmentExpressionSyntax>().FirstOrDefault(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: var name } && name == path.RequestProperty);
            return set is null ? null : Resolve(set.Right, scope.Deeper());
        }
        return path.Position >= 0 && path.Position < arguments.Count && arguments[path.Position].NameColon is null
            ? Resolve(arguments[path.Position].Expression, scope.Deeper())
            : null;
    }

    /// <summary>
    /// The initializer of a local the expression names, when it is its only value (<c>var o = options.Value;</c>, never
    /// assigned again): what the local stands for, where only its syntax says what it is (a package not restored).
    /// </summary>
    private ExpressionSyntax? LocalInitializer(ExpressionSyntax expression)
    {
        if (WithoutNullForgiving(expression) is not IdentifierNameSyntax name || project.Model(name.SyntaxTree).GetSymbolInfo(name).Symbol is not ILocalSymbol local) return null;
        if (local.DeclaringSyntaxReferences is not [var reference] || reference.GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: var value } declarator) return null;
        var body = EnclosingBody(declarator);
        var reassigned = body is not null && index.AssignmentsTo(local.Name).Any(a => a.SyntaxTree == body.SyntaxTree && body.Span.Contains(a.Span) && a.Left is IdentifierNameSyntax { Identifier.ValueText: var assigned } && assigned == local.Name);
        return reassigned ? null : WithoutNullForgiving(value);
    }

    /// <summary><c>x!</c> (and parentheses) is <c>x</c>: nullable projects write it after <c>Get&lt;T&gt;()</c> and on locals.</summary>
    private static ExpressionSyntax WithoutNullForgiving(ExpressionSyntax expression) => expression switch
    {
        PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } bang => WithoutNullForgiving(bang.Operand),
        ParenthesizedExpressionSyntax parenthesized => WithoutNullForgiving(parenthesized.Expression),
        _ => expression,
    };

    private bool IsKnownName(ExpressionSyntax expression) => project.Model(expression.SyntaxTree).GetSymbolInfo(expression).Symbol is not null;

    private Value PropertyOfValue(Value owner, string property, SyntaxNode at) => owner switch
    {
        ObjectValue o when o.Properties.TryGetValue(property, out var value) => value,
        ObjectValue => new NullValue(),
        EventPartValue part => EventMember(part, property, at),
        OneOfValue oneOf => Value.OneOf(oneOf.Options.Select(o => PropertyOfValue(o, property, at))),
        UnknownValue unknown => unknown,
        _ => Unknown(at, $"'{Short(at)}' is known only at run time"),
    };

    private Value Local(ILocalSymbol local, ExpressionSyntax usage, ResolveScope scope)
    {
        if (scope.IsVisiting(local)) return Unknown(usage, $"'{local.Name}' is built from itself (a loop?)");
        var inner = scope.Entering(local);
        var values = new List<Value>();
        SyntaxNode? body = null;
        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax();
            body ??= EnclosingBody(declaration);
            switch (declaration)
            {
                case VariableDeclaratorSyntax { Initializer: { } init }:
                    values.Add(Resolve(init.Value, inner));
                    break;
                case ForEachStatementSyntax loop:
                    values.Add(ElementOf(Resolve(loop.Expression, inner), usage) ?? Unknown(usage, $"'{local.Name}' takes each value of '{Short(loop.Expression)}', known only at run time"));
                    break;
                case SingleVariableDesignationSyntax designation when Deconstruction.Of(designation) is var (source, path):
                    values.Add(Deconstructed(source, path, inner));
                    break;
                case SingleVariableDesignationSyntax { Parent: DeclarationExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Arguments: [var key, _], Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "TryGetValue", Expression: var dictionary } } } } } }:
                    // settings.TryGetValue("bucket", out var bucket): the entry's value.
                    values.Add(Indexed(Resolve(dictionary, inner), Resolve(key.Expression, inner.Deeper()), usage) ?? Unknown(usage, $"'{local.Name}' is read from '{Short(dictionary)}' at run time"));
                    break;
                case SingleVariableDesignationSyntax:
                    values.Add(Unknown(usage, $"'{local.Name}' comes from a deconstruction, pattern or out argument"));
                    break;
            }
        }
        if (body is not null)
        {
            var model = project.Model(body.SyntaxTree);
            foreach (var assignment in index.AssignmentsTo(local.Name))
            {
                if (!body.Span.Contains(assignment.Span) || assignment.SyntaxTree != body.SyntaxTree) continue;
                if (assignment.Left is TupleExpressionSyntax)
                {
                    // (bucket, key) = (...): the element at the variable's place in the tuple.
                    foreach (var (target, path) in Deconstruction.Targets(assignment))
                        if (SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(target).Symbol, local)) values.Add(Deconstructed(assignment.Right, path, inner));
                    continue;
                }
                if (assignment.Left is not IdentifierNameSyntax) continue;
                if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(assignment.Left).Symbol, local)) continue;
                values.Add(Assigned(assignment, inner));
            }
        }
        var value = values.Count == 0 ? Unknown(usage, $"'{local.Name}' has no value in code") : Value.OneOf(values);
        return body is null ? value : WithMemberAssignments(value, local, [body], inner);
    }

    private static Value ItemOf(Value item) => item is EntryValue entry ? entry.Key : item;

    /// <summary>
    /// <c>request.Key = "x";</c> after <c>var request = new PutObjectRequest { ... };</c> sets a property of the same
    /// object; <c>items[table] = ...</c> or <c>items.Add(...)</c> after <c>var items = new Dictionary&lt;...&gt;();</c> adds items.
    /// The variable is a local (its body) or a field or property (<c>_config.TableNamePrefix = x</c>, or
    /// <c>this._config...</c>, in the declarations of its type, in code the handler reaches).
    /// </summary>
    private Value WithMemberAssignments(Value value, ISymbol variable, IReadOnlyList<SyntaxNode> bodies, ResolveScope scope)
    {
        if (value is CollectionValue collection) return WithAddedItems(collection, variable, bodies, scope);
        if (value is OneOfValue oneOf) return Value.OneOf(oneOf.Options.Select(o => o is CollectionValue or ObjectValue ? WithMemberAssignments(o, variable, bodies, scope) : o));
        if (value is not ObjectValue obj) return value;
        var properties = obj.Properties;
        foreach (var body in bodies)
        foreach (var node in body.DescendantNodes().OfType<AssignmentExpressionSyntax>())
        {
            if (node.Left is not MemberAccessExpressionSyntax access || !IsVariable(access.Expression, variable)) continue;
            if (variable is not ILocalSymbol && !IsInReachableCode(node)) continue;
            var name = access.Name.Identifier.ValueText;
            var assigned = Assigned(node, scope);
            properties = properties.SetItem(name, properties.TryGetValue(name, out var existing) ? Value.OneOf([existing, assigned]) : assigned);
        }
        // request.TransactItems.Add(item), request.RequestItems[table] = writes: items of a collection property, added
        // after the object was made (to the collection it was given, or to the one the SDK starts it with).
        foreach (var name in MutatedCollections(variable, bodies))
        {
            var start = properties.TryGetValue(name, out var current) ? current : new CollectionValue([]);
            if (start is not CollectionValue items) continue;
            bool IsProperty(ExpressionSyntax e, SyntaxNode at) =>
                e is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var property } owner && property == name && IsVariable(owner.Expression, variable) &&
                (variable is ILocalSymbol || IsInReachableCode(at));
            properties = properties.SetItem(name, WithAddedItems(items, IsProperty, variable.Name + "." + name, bodies, scope));
        }
        if (_requestAdders.TryGetValue(obj.TypeName, out var adders))
            properties = WithAdderItems(properties, adders, variable, bodies, scope);
        return obj with { Properties = properties };
    }

    /// <summary>
    /// <c>request.AddKey(key, version)</c>: a method of an SDK request that adds an item to one of its collections
    /// (mapping <c>adders</c>), each argument setting the item path the mapping lists at its place.
    /// </summary>
    private ImmutableSortedDictionary<string, Value> WithAdderItems(
        ImmutableSortedDictionary<string, Value> properties, ImmutableDictionary<string, ImmutableArray<string>> adders,
        ISymbol variable, IReadOnlyList<SyntaxNode> bodies, ResolveScope scope)
    {
        foreach (var call in bodies.SelectMany(b => b.DescendantNodes()).OfType<InvocationExpressionSyntax>())
        {
            if (call.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: var method } access ||
                !adders.TryGetValue(method, out var paths) || !IsVariable(access.Expression, variable) ||
                (variable is not ILocalSymbol && !IsInReachableCode(call)))
                continue;
            var collection = paths[0][..paths[0].IndexOf("[].", StringComparison.Ordinal)];
            var item = EmptyItem;
            var arguments = call.ArgumentList.Arguments;
            for (var i = 0; i < Math.Min(paths.Length, arguments.Count); i++)
            {
                // A named argument's parameter is the SDK's to name: its place says nothing, so the item stays as far as known.
                if (arguments[i].NameColon is not null) break;
                item = WithPath(item, paths[i][(collection.Length + 3)..].Split('.'), Resolve(arguments[i].Expression, scope));
            }
            var items = properties.TryGetValue(collection, out var current) && current is CollectionValue existing ? existing.Items : [];
            properties = properties.SetItem(collection, new CollectionValue(items.Add(item)));
        }
        return properties;

        static ObjectValue WithPath(ObjectValue target, string[] names, Value value) =>
            names.Length == 1
                ? target with { Properties = target.Properties.SetItem(names[0], value) }
                : target with { Properties = target.Properties.SetItem(names[0], WithPath(target.Properties.TryGetValue(names[0], out var inner) && inner is ObjectValue o ? o : EmptyItem, names[1..], value)) };
    }

    private static readonly ObjectValue EmptyItem = new("", ImmutableSortedDictionary<string, Value>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>The properties of the variable that code adds items to (<c>variable.P.Add(..)</c>, <c>variable.P[k] = v</c>).</summary>
    private IEnumerable<string> MutatedCollections(ISymbol variable, IReadOnlyList<SyntaxNode> bodies) =>
        bodies.SelectMany(b => b.DescendantNodes())
            .Select(node => node switch
            {
                AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax target } } => target,
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax target, Name.Identifier.ValueText: "Add" or "TryAdd" or "AddRange" or "Insert" } } => target,
                _ => null,
            })
            .Where(target => target is not null && IsVariable(target.Expression, variable))
            .Select(target => target!.Name.Identifier.ValueText)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The variable itself: its name (a local, or a member of the same type), or <c>this.name</c> for a member.</summary>
    private bool IsVariable(ExpressionSyntax expression, ISymbol variable)
    {
        var target = expression switch
        {
            IdentifierNameSyntax id => id,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax id } when variable is not ILocalSymbol => id,
            _ => null,
        };
        return target is not null && target.Identifier.ValueText == variable.Name &&
               SymbolEqualityComparer.Default.Equals(project.Model(target.SyntaxTree).GetSymbolInfo(target).Symbol?.OriginalDefinition, variable.OriginalDefinition);
    }

    /// <summary>The declarations of a member's type: where <see cref="WithMemberAssignments"/> looks for a field's set-up.</summary>
    private static IReadOnlyList<SyntaxNode> TypeDeclarations(ISymbol member) =>
        member.ContainingType.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).ToList();

    private Value WithAddedItems(CollectionValue collection, ISymbol variable, IReadOnlyList<SyntaxNode> bodies, ResolveScope scope) =>
        WithAddedItems(collection, (e, at) => IsVariable(e, variable) && (variable is ILocalSymbol || IsInReachableCode(at)), variable.Name, bodies, scope);

    /// <param name="isTarget">Whether an expression (at a node) is the collection: the variable, or a property of it.</param>
    private Value WithAddedItems(CollectionValue collection, Func<ExpressionSyntax, SyntaxNode, bool> isTarget, string described, IReadOnlyList<SyntaxNode> bodies, ResolveScope scope)
    {
        var items = collection.Items.ToBuilder();
        bool IsTarget(ExpressionSyntax e, SyntaxNode at) => isTarget(e, at);
        foreach (var node in bodies.SelectMany(b => b.DescendantNodes()))
        {
            switch (node)
            {
                case AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax element } assignment when IsTarget(element.Expression, assignment) && element.ArgumentList.Arguments.Count == 1:
                    items.Add(new EntryValue(Resolve(element.ArgumentList.Arguments[0].Expression, scope), Resolve(assignment.Right, scope)));
                    break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call when IsTarget(access.Expression, call):
                    var arguments = call.ArgumentList.Arguments;
                    switch (access.Name.Identifier.ValueText)
                    {
                        case "Add" or "TryAdd" or "Enqueue" or "Push" or "Insert" when arguments.Count == 2 && access.Name.Identifier.ValueText != "Insert":
                            items.Add(new EntryValue(Resolve(arguments[0].Expression, scope), Resolve(arguments[1].Expression, scope)));
                            break;
                        case "Add" or "Enqueue" or "Push" when arguments.Count == 1:
                            items.Add(Resolve(arguments[0].Expression, scope));
                            break;
                        case "Insert" when arguments.Count == 2:
                            items.Add(Resolve(arguments[1].Expression, scope));
                            break;
                        case "AddRange" or "UnionWith" or "Concat" when arguments.Count == 1:
                            items.Add(Resolve(arguments[0].Expression, scope) is CollectionValue more ? Value.OneOf(more.Items) : Unknown(call, $"'{described}' gets items from '{Short(arguments[0].Expression)}'"));
                            break;
                    }
                    break;
            }
        }
        return new CollectionValue(items.ToImmutable());
    }

    private Value Assigned(AssignmentExpressionSyntax assignment, ResolveScope scope) => assignment.Kind() switch
    {
        SyntaxKind.SimpleAssignmentExpression => Resolve(assignment.Right, scope),
        SyntaxKind.CoalesceAssignmentExpression => Resolve(assignment.Right, scope),
        SyntaxKind.AddAssignmentExpression => Concat([Unknown(assignment, $"'{Short(assignment.Left)}' is appended to"), Resolve(assignment.Right, scope)]),
        _ => Unknown(assignment, $"'{Short(assignment)}' is computed at run time"),
    };

    private Value Member(ISymbol member, ExpressionSyntax usage, ResolveScope scope)
    {
        if (scope.IsVisiting(member)) return Unknown(usage, $"'{member.Name}' is built from itself");
        var inner = scope.Entering(member);
        // An interface or abstract property (configuration.TableName on an injected IServiceConfiguration): the value of
        // each implementation the handler's code reaches; a virtual one (an environment variable's name that subclasses
        // override): its own value and theirs.
        if (member is IPropertySymbol { IsAbstract: true } && ReachedImplementations(member) is { Count: > 0 } overrides)
            return Value.OneOf(overrides.Select(o => Member(o, usage, inner)));
        if (member is IPropertySymbol { IsVirtual: true } && ReachedImplementations(member) is { Count: > 0 } subclassed)
        {
            var own = OwnMember(member, usage, inner);
            // The base's own value counts when an object of the base itself can be built and the base sets it.
            var theirs = subclassed.Select(o => Member(o, usage, inner));
            return Value.OneOf(member.ContainingType.IsAbstract || own is UnknownValue ? theirs : [.. theirs, own]);
        }
        return OwnMember(member, usage, inner);
    }

    /// <summary>The values a field or property gets from its own declaration, the assignments reachable code makes and configuration binding.</summary>
    private Value OwnMember(ISymbol member, ExpressionSyntax usage, ResolveScope inner)
    {
        var guarded = new List<EnvVarValue>();
        var whenEmpty = new List<Value>();
        var values = new List<Value>();
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            switch (reference.GetSyntax())
            {
                case VariableDeclaratorSyntax { Initializer: { } init }:
                    values.Add(Resolve(init.Value, inner));
                    break;
                case PropertyDeclarationSyntax { Initializer: { } init }:
                    values.Add(Resolve(init.Value, inner));
                    break;
                case PropertyDeclarationSyntax { ExpressionBody: { } arrow }:
                    values.Add(Resolve(arrow.Expression, inner));
                    break;
                case PropertyDeclarationSyntax { AccessorList: { } accessors } when accessors.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.GetAccessorDeclaration)) is { } getter && (getter.Body is not null || getter.ExpressionBody is not null):
                    values.AddRange(Returns(getter, inner));
                    break;
                case ParameterSyntax parameter when project.Model(parameter.SyntaxTree).GetDeclaredSymbol(parameter) is { } recordParameter:
                    values.Add(Parameter(recordParameter, usage, inner)); // positional record property
                    break;
            }
        }
        foreach (var assignment in index.AssignmentsTo(member.Name))
        {
            if (!IsInReachableCode(assignment)) continue;
            var model = project.Model(assignment.SyntaxTree);
            if (assignment.Left is TupleExpressionSyntax)
            {
                foreach (var (target, path) in Deconstruction.Targets(assignment))
                    if (SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(target).Symbol?.OriginalDefinition, member.OriginalDefinition)) values.Add(Deconstructed(assignment.Right, path, inner));
                continue;
            }
            var assigned = model.GetSymbolInfo(assignment.Left).Symbol ?? ConfiguredMember(assignment.Left, model);
            if (!SymbolEqualityComparer.Default.Equals(assigned?.OriginalDefinition, member.OriginalDefinition)) continue;
            var value = Assigned(assignment, inner);
            if (value is EnvVarValue { Fallback: null } variable && OnlyWhenSet(assignment, variable.Name, inner)) guarded.Add(variable);
            else if (OnlyWhenEmpty(assignment, member, model)) whenEmpty.Add(value);
            else values.Add(value);
        }
        // Configuration binding sets the member when its key is set (the template's environment variable) and leaves its
        // default otherwise: like a guarded assignment, the default counts only when the template may not set the key.
        foreach (var bound in BoundConfiguration(member, usage))
        {
            if (bound is EnvVarValue { Fallback: null } variable) guarded.Add(variable);
            else values.Add(bound);
        }
        // `_url = env("X") ?? ""; if (string.IsNullOrEmpty(_url)) _url = fallback;`: the fallback is what X gives when unset.
        if (whenEmpty.Count > 0)
        {
            var fallback = Value.OneOf(whenEmpty);
            values = values.Select(v => v switch
            {
                EnvVarValue { Fallback: null or NullValue or LiteralValue { Text.Length: 0 } } variable => variable with { Fallback = fallback },
                NullValue or LiteralValue { Text.Length: 0 } => fallback,
                _ => v,
            }).Distinct().ToList();
            if (values.Count == 0) values.Add(fallback);
        }
        // `if (!string.IsNullOrEmpty(env("X"))) _table = env("X");`: X when it is set, the member's other values otherwise.
        if (guarded.Count > 0)
        {
            var otherwise = values.Count == 0 ? null : Value.OneOf(values);
            values = guarded.Select(v => (Value)(v with { Fallback = otherwise })).ToList();
        }
        if (values.Count == 0)
            return Unknown(usage, IsHandlerInputMember(member)
                ? $"{member.ContainingType.Name}.{member.Name} is part of the handler's input, known only at run time"
                : IsDeserializedMember(member)
                    ? $"{member.ContainingType.Name}.{member.Name} is filled from data the code deserializes, known only at run time"
                    : $"{member.ContainingType.Name}.{member.Name} is never set in code the handler reaches");
        // A default of an object the code deserializes ("" or null until the data sets it) is not what the call gets.
        if (values.All(v => v is NullValue or LiteralValue { Text.Length: 0 }) && IsDeserializedMember(member))
            return Unknown(usage, $"{member.ContainingType.Name}.{member.Name} is filled from data the code deserializes, known only at run time (its default is empty)");
        return WithMemberAssignments(Value.OneOf(values), member, TypeDeclarations(member), inner);
    }

    private Value Parameter(IParameterSymbol parameter, ExpressionSyntax usage, ResolveScope scope)
    {
        if (scope.Parameters.TryGetValue(parameter, out var bound)) return bound;
        if (EventParameter(parameter, usage) is { } eventPart) return eventPart;
        if (parameter.ContainingSymbol is not IMethodSymbol method) return Unknown(usage, $"'{parameter.Name}' is known only at run time");
        if (method.MethodKind is MethodKind.AnonymousFunction)
            return LambdaElement(parameter, usage, scope) ?? Unknown(usage, $"'{parameter.Name}' is a lambda parameter, set at run time");
        if (IsFromServices(parameter))
            return ServiceValue(parameter, usage, scope.Entering(parameter)) ?? Unknown(usage, $"'{parameter.Name}' comes from the container, but no registration of {parameter.Type.Name} is in code the handler reaches");
        if (entryMethods.Contains(method.OriginalDefinition)) return Unknown(usage, $"'{parameter.Name}' is the handler's input, known only at run time");
        if (scope.IsVisiting(parameter)) return Unknown(usage, $"'{parameter.Name}' is passed around in a cycle");

        var inner = scope.Entering(parameter);
        var values = new List<Value>();
        foreach (var call in CallSites(method))
        {
            var argument = ArgumentFor(call, parameter);
            values.Add(argument is null ? DefaultOf(parameter) : Resolve(argument, inner));
        }
        if (parameter.Ordinal == 0 && method.MethodKind == MethodKind.Ordinary) values.AddRange(MethodGroupElements(method, usage, inner));
        if (values.Count == 0 && method.MethodKind == MethodKind.Constructor && ServiceValue(parameter, usage, inner) is { } injected) return injected;
        return values.Count == 0
            ? Unknown(usage, method.MethodKind == MethodKind.Constructor
                ? $"'{parameter.Name}' is passed to the {method.ContainingType.Name} constructor by code RoleGen cannot see (a container without a registration of {parameter.Type.Name} in reachable code?)"
                : $"no call in code the handler reaches passes '{parameter.Name}' to {method.ContainingType.Name}.{method.Name}")
            : Value.OneOf(values);
    }

    private bool IsHandlerInputMember(ISymbol member) =>
        !member.IsStatic && member.ContainingType is { } type && _handlerInputTypes.Value.Contains(type.OriginalDefinition);

    private bool IsDeserializedMember(ISymbol member) =>
        !member.IsStatic && member.ContainingType is { } type && DeserializedTypes.Contains(type.OriginalDefinition);

    private ImmutableHashSet<ITypeSymbol>? _deserializedTypes;

    /// <summary>The types reachable code deserializes (<c>JsonSerializer.Deserialize&lt;T&gt;</c>, <c>ReadFromJsonAsync&lt;T&gt;</c>...) and those nested in them.</summary>
    private ImmutableHashSet<ITypeSymbol> DeserializedTypes => _deserializedTypes ??= HandlerInputTypes.Nested(
        Deserializers.SelectMany(index.CallsNamed)
            .OfType<InvocationExpressionSyntax>()
            .Where(IsInReachableCode)
            .Select(call => GenericCallTypes.Made(project.Model(call.SyntaxTree), call))
            .OfType<ITypeSymbol>());

    private static readonly string[] Deserializers = ["Deserialize", "DeserializeAsync", "DeserializeObject", "ReadFromJsonAsync", "ReadFromJson", "GetFromJsonAsync"];

    private static Value DefaultOf(IParameterSymbol parameter) =>
        parameter.HasExplicitDefaultValue ? Constant(parameter.ExplicitDefaultValue) : new NullValue();

    /// <summary>Calls and object creations, in reachable code, that can run <paramref name="method"/>.</summary>
    private IEnumerable<SyntaxNode> CallSites(IMethodSymbol method)
    {
        var names = method.MethodKind == MethodKind.Constructor
            ? index.CallsNamed(method.ContainingType.Name).Concat(index.CallsNamed(SyntaxIndex.ConstructorCallKey))
            : index.CallsNamed(method.Name);
        foreach (var call in names)
        {
            if (!IsInReachableCode(call)) continue;
            var info = project.Model(call.SyntaxTree).GetSymbolInfo(call);
            var targets = info.Symbol is not null ? [info.Symbol] : info.CandidateSymbols;
            if (targets.IsEmpty && call is InvocationExpressionSyntax invocation) targets = DiRegistrationReader.ContainerService(project.Model(call.SyntaxTree), invocation);
            // A call that does not bind (an argument's type is not referenced) has every overload as a candidate: keep
            // only the overloads its arguments fit, so that one overload's arguments are not read as another's.
            if (info.Symbol is null && !TakesArguments(method, call)) continue;
            if (targets.Any(t => CanRun(t, method)) || targets.IsEmpty && (IsExtensionOnUnseenReceiver(method, call) || IsCallThroughUnresolvedType(method, call))) yield return call;
        }
    }

    /// <summary>The arguments of a call, an object creation or a constructor initializer.</summary>
    private static SeparatedSyntaxList<ArgumentSyntax> ArgumentsOf(SyntaxNode call) => call switch
    {
        InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments,
        BaseObjectCreationExpressionSyntax creation => creation.ArgumentList?.Arguments ?? default,
        ConstructorInitializerSyntax initializer => initializer.ArgumentList.Arguments,
        PrimaryConstructorBaseTypeSyntax baseType => baseType.ArgumentList.Arguments,
        _ => default,
    };

    /// <summary>True when the call's arguments fit the method's parameters: their number, and the names of named ones.</summary>
    /// <summary>
    /// <c>services.AddAuditSender(url)</c> where the receiver's type is not seen (its package is not restored): Roslyn binds
    /// no extension method on it, but the project's extension method of that name is what runs (as the walk assumes).
    /// </summary>
    private bool IsExtensionOnUnseenReceiver(IMethodSymbol method, SyntaxNode call) =>
        method.IsExtensionMethod && call is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } &&
        access.Name.Identifier.ValueText == method.Name &&
        project.Model(call.SyntaxTree).TypeOf(access.Expression) is null or IErrorTypeSymbol;

    /// <summary><c>store.Put(key)</c> on a receiver whose type does not resolve but that the method's class names in its base list (as the walk assumes).</summary>
    private bool IsCallThroughUnresolvedType(IMethodSymbol method, SyntaxNode call) =>
        call is InvocationExpressionSyntax invocation &&
        implementations.MethodsBehindUnresolvedReceiver(project.Model(call.SyntaxTree), invocation).Contains(method.OriginalDefinition, SymbolEqualityComparer.Default);

    private static bool TakesArguments(IMethodSymbol method, SyntaxNode call)
    {
        var arguments = ArgumentsOf(call);
        var parameters = method.IsExtensionMethod && call is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax }
            ? method.Parameters.RemoveAt(0)
            : method.Parameters;
        var required = parameters.Count(p => !p.IsOptional && !p.IsParams);
        if (arguments.Count < required || (arguments.Count > parameters.Length && !parameters.Any(p => p.IsParams))) return false;
        return arguments.All(a => a.NameColon is null || parameters.Any(p => p.Name == a.NameColon.Name.Identifier.ValueText));
    }

    /// <summary>True when calling <paramref name="target"/> may run <paramref name="method"/> (same method, or an interface/virtual member it implements).</summary>
    private static bool CanRun(ISymbol target, IMethodSymbol method)
    {
        var targetMethod = (target as IMethodSymbol)?.ReducedFrom ?? target as IMethodSymbol;
        if (targetMethod is null) return false;
        var wanted = method.OriginalDefinition;
        if (SymbolEqualityComparer.Default.Equals(targetMethod.OriginalDefinition, wanted)) return true;
        for (var overridden = wanted.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, targetMethod.OriginalDefinition)) return true;
        if (targetMethod.ContainingType?.TypeKind == TypeKind.Interface)
        {
            var implementation = wanted.ContainingType.FindImplementationForInterfaceMember(targetMethod);
            if (implementation is null)
            {
                var constructed = wanted.ContainingType.AllInterfaces.FirstOrDefault(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, targetMethod.ContainingType.OriginalDefinition));
                var member = constructed?.GetMembers(targetMethod.Name).FirstOrDefault(m => SymbolEqualityComparer.Default.Equals(m.OriginalDefinition, targetMethod.OriginalDefinition));
                implementation = member is null ? null : wanted.ContainingType.FindImplementationForInterfaceMember(member);
            }
            if (implementation is null) return false;
            // The interface is implemented by a base (often abstract) member that the method overrides.
            for (IMethodSymbol? current = wanted; current is not null; current = current.OverriddenMethod)
                if (SymbolEqualityComparer.Default.Equals(implementation.OriginalDefinition, current.OriginalDefinition)) return true;
        }
        return false;
    }

    private ExpressionSyntax? ArgumentFor(SyntaxNode call, IParameterSymbol parameter)
    {
        var arguments = ArgumentsOf(call);
        var ordinal = parameter.Ordinal;
        if (call is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } && parameter.ContainingSymbol is IMethodSymbol { IsExtensionMethod: true } extension)
        {
            var bound = project.Model(call.SyntaxTree).GetSymbolInfo(call).Symbol as IMethodSymbol;
            if (bound?.ReducedFrom is not null || bound is null && IsExtensionOnUnseenReceiver(extension, call))
            {
                if (ordinal == 0) return access.Expression; // x.Extension(...): x is the 'this' parameter
                ordinal--;
            }
        }
        var named = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameter.Name);
        if (named is not null) return named.Expression;
        var positional = arguments.Where(a => a.NameColon is null).ToList();
        return ordinal < positional.Count ? positional[ordinal].Expression : null;
    }

    /// <summary>The values a method or accessor returns: its expression body, or every return statement outside nested functions.</summary>
    private IEnumerable<Value> Returns(SyntaxNode declaration, ResolveScope scope, Func<ExpressionSyntax, ResolveScope, Value>? returned = null)
    {
        returned ??= Resolve;
        var (body, arrow) = declaration switch
        {
            BaseMethodDeclarationSyntax m => ((SyntaxNode?)m.Body, m.ExpressionBody),
            AccessorDeclarationSyntax a => (a.Body, a.ExpressionBody),
            LocalFunctionStatementSyntax f => (f.Body, f.ExpressionBody),
            BlockSyntax block => (block, null),
            _ => (null, null),
        };
        if (arrow is not null) return [returned(arrow.Expression, scope)];
        if (body is null) return [];
        return body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<ReturnStatementSyntax>()
            .Where(r => r.Expression is not null)
            .Select(r => returned(r.Expression!, scope))
            .ToList();
    }

    /// <summary>Every <c>new T(..)</c> of the project whose type is named <paramref name="typeName"/> (generic or not).</summary>
    public IEnumerable<ObjectCreationExpressionSyntax> CreationsNamed(string typeName) => index.CallsNamed(typeName).OfType<ObjectCreationExpressionSyntax>();

    /// <summary>
    /// The tables reachable code maps an entity type to for every DynamoDBContext of the process (<c>new TypeMapping(typeof(T),
    /// name)</c>, assigned to <c>AWSConfigsDynamoDB.Context.TypeMappings</c> or passed to <c>AddMapping</c>), or null; and
    /// whether every such mapping runs whenever the code holding it does (no branch, loop or catch around it there):
    /// then the type's own table is never used.
    /// </summary>
    public (Value Table, bool Always)? TableMapping(TypeValue type)
    {
        var tables = new List<Value>();
        var always = true;
        foreach (var creation in index.CallsNamed("TypeMapping").OfType<ObjectCreationExpressionSyntax>())
        {
            if (creation.ArgumentList is not { Arguments: [{ Expression: TypeOfExpressionSyntax typeOf }, var table] } || !IsInReachableCode(creation)) continue;
            if (SyntaxIndex.TypeName(typeOf.Type) != type.Name) continue;
            var mapped = Resolve(table.Expression);
            // if (!string.IsNullOrEmpty(tableName)) TypeMappings[typeof(T)] = new TypeMapping(typeof(T), tableName), tableName an
            // environment variable (the blueprints' shape): that variable when set, the type's own table otherwise.
            if (mapped is EnvVarValue { Fallback: null } variable && Conditions(creation).Count() == 1 && OnlyWhenSet(creation, variable.Name, ResolveScope.Root))
            {
                tables.Add(variable with { Fallback = type.OwnTable });
                continue;
            }
            tables.Add(mapped);
            always &= !UnderCondition(creation);
        }
        return tables.Count == 0 ? null : (Value.OneOf(tables), always);
    }

    /// <summary>True when the node runs only on some paths through the member, lambda or local function holding it.</summary>
    private static bool UnderCondition(SyntaxNode node) => Conditions(node).Any();

    /// <summary>The branches, loops and catches around the node in the member, lambda or local function holding it.</summary>
    private static IEnumerable<SyntaxNode> Conditions(SyntaxNode node) =>
        node.Ancestors()
            .TakeWhile(a => a is not (MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .Where(a => a is IfStatementSyntax or ElseClauseSyntax or SwitchSectionSyntax or SwitchExpressionArmSyntax or ConditionalExpressionSyntax
                or CatchClauseSyntax or CommonForEachStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax
                or ConditionalAccessExpressionSyntax
                or BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression or (int)SyntaxKind.LogicalOrExpression or (int)SyntaxKind.CoalesceExpression });

    /// <summary>
    /// True when the assignment to <paramref name="member"/> runs only while the member is still empty: in the then-branch of
    /// <c>if (string.IsNullOrEmpty(member))</c>, <c>IsNullOrWhiteSpace</c>, <c>member == null</c> or <c>member is null</c>.
    /// </summary>
    private static bool OnlyWhenEmpty(SyntaxNode assignment, ISymbol member, SemanticModel model) =>
        EmptinessTests(assignment).Any(test => test.Empty && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(test.Tested).Symbol?.OriginalDefinition, member.OriginalDefinition));

    /// <summary>
    /// True when the assignment runs only if environment variable <paramref name="name"/> is set: inside the then-branch of
    /// <c>if (!string.IsNullOrEmpty(x))</c>, <c>IsNullOrWhiteSpace</c>, <c>x != null</c> or <c>x is not null</c>, x reading it.
    /// </summary>
    private bool OnlyWhenSet(SyntaxNode assignment, string name, ResolveScope scope) =>
        EmptinessTests(assignment).Any(test => !test.Empty && Resolve(test.Tested, scope.Deeper()) is EnvVarValue { Fallback: null } read && read.Name == name);

    /// <summary>
    /// The emptiness tests of the <c>if</c>s in the same member whose then-branch holds <paramref name="node"/>: what each
    /// tests, and whether the branch runs when it is empty (<c>IsNullOrEmpty(x)</c>, <c>x == null</c>, <c>x is null</c>) or set
    /// (<c>!IsNullOrEmpty(x)</c>, <c>x != null</c>, <c>x is not null</c>).
    /// </summary>
    private static IEnumerable<(ExpressionSyntax Tested, bool Empty)> EmptinessTests(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor is MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax) yield break;
            if (ancestor is not IfStatementSyntax branch || !branch.Statement.Span.Contains(node.Span)) continue;
            (ExpressionSyntax?, bool) test = branch.Condition switch
            {
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IsNullOrEmpty" or "IsNullOrWhiteSpace" }, ArgumentList.Arguments: [var empty] } => (empty.Expression, true),
                PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression, Operand: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IsNullOrEmpty" or "IsNullOrWhiteSpace" }, ArgumentList.Arguments: [var set] } } => (set.Expression, false),
                BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression, Right: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } } equalsNull => (equalsNull.Left, true),
                BinaryExpressionSyntax { RawKind: (int)SyntaxKind.NotEqualsExpression, Right: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } } notNull => (notNull.Left, false),
                IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax { Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } } } isNull => (isNull.Expression, true),
                IsPatternExpressionSyntax { Pattern: UnaryPatternSyntax { Pattern: ConstantPatternSyntax { Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } } } } isNotNull => (isNotNull.Expression, false),
                _ => (null, false),
            };
            if (test is ({ } tested, var whenEmpty)) yield return (tested, whenEmpty);
        }
    }

    private List<ISymbol> ReachedImplementations(ISymbol member) =>
        implementations.ImplementationsOf(member)
            .Where(i => reachable.Contains(i) || (i is IPropertySymbol { GetMethod: { } getter } && reachable.Contains(getter)))
            .ToList();

    private bool IsInReachableCode(SyntaxNode node)
    {
        var symbol = project.EnclosingSymbol(node);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction }) symbol = symbol.ContainingSymbol;
        if (symbol is INamedTypeSymbol or IFieldSymbol or IPropertySymbol) return true; // initializers run when the type is used
        return reachable.Contains(symbol);
    }

    private static SyntaxNode? EnclosingBody(SyntaxNode node) =>
        node.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or PropertyDeclarationSyntax or GlobalStatementSyntax or CompilationUnitSyntax);

    private bool IsSource(ISymbol symbol) =>
        symbol.Locations.Any(l => l.IsInSource) && SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, project.Compilation.Assembly);
}
