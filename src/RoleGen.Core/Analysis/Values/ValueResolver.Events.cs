using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RoleGen.Core.Analysis.Events;

namespace RoleGen.Core.Analysis.Values;

/// <summary>
/// Values read from the triggering event (mappings/events.yaml): a parameter whose type is an event or record
/// type starts a path; reading members extends it; iterating the records (foreach, indexer, First(), LINQ
/// lambdas) gives one record; a field's full path becomes <see cref="EventFieldValue"/>.
/// </summary>
public sealed partial class ValueResolver
{
    /// <summary>LINQ and list methods that return one element of their receiver.</summary>
    private static readonly HashSet<string> ElementMethods =
        ["First", "FirstOrDefault", "Single", "SingleOrDefault", "Last", "LastOrDefault", "ElementAt", "ElementAtOrDefault", "Find"];

    /// <summary>Methods that return (a part of) their receiver's elements, still a collection.</summary>
    private static readonly HashSet<string> SameElementsMethods =
        ["ToList", "ToArray", "AsEnumerable", "Where", "OrderBy", "OrderByDescending", "Take", "Skip", "Distinct", "Reverse", "ToImmutableArray", "ToHashSet", "AsReadOnly"];

    /// <summary>The event part a parameter of an event or record type holds (whatever the call sites pass), or null.</summary>
    private Value? EventParameter(IParameterSymbol parameter, ExpressionSyntax usage)
    {
        var typeName = parameter.Type.Name;
        if (typeName.Length == 0) return null;
        // An event that is one request (API Gateway) is read like a record: its fields are its own members.
        if (events.ByEventType(typeName) is { } source) return new EventPartValue(source.Name, source.Records is null ? EventPart.Record : EventPart.Event, "", Location(usage));
        if (events.ByRecordType(typeName) is { } recordSource) return new EventPartValue(recordSource.Name, EventPart.Record, "", Location(usage));
        return null;
    }

    /// <summary>Reading <paramref name="member"/> of an event part: the records, a longer path, a field, or unknown.</summary>
    private Value EventMember(EventPartValue part, string member, SyntaxNode at)
    {
        var source = events.Find(part.Source)!;
        switch (part.Part)
        {
            case EventPart.Event when member == source.Records:
                return part with { Part = EventPart.Records, Location = Location(at) };
            case EventPart.Record:
                var path = part.Path.Length == 0 ? member : part.Path + "." + member;
                if (source.FieldAt(path) is { } field) return new EventFieldValue(source.Name, field, Location(at));
                if (source.IsPrefixOfField(path)) return part with { Path = path, Location = Location(at) };
                return Unknown(at, source.Records is null
                    ? $"'{Short(at)}' is {path} of the {source.Name} event, which comes with each event"
                    : $"'{Short(at)}' is {path} of the {source.Name} event record, which comes with each event");
            default:
                return Unknown(at, $"'{Short(at)}' is {member} of the {source.Name} event, which comes with each event");
        }
    }

    /// <summary>One element of a collection value: an item, a dictionary key, a record of the event.</summary>
    private Value? ElementOf(Value collection, SyntaxNode at) => collection switch
    {
        CollectionValue { Items.Length: > 0 } items => Value.OneOf(items.Items.Select(ItemOf)),
        EventPartValue { Part: EventPart.Records } records => records with { Part = EventPart.Record, Path = "", Location = Location(at) },
        OneOfValue options when options.Options.Select(o => ElementOf(o, at)).ToList() is var elements && elements.All(e => e is not null) => Value.OneOf(elements!),
        _ => null,
    };

    /// <summary><c>items[i]</c>: the entry's value for a known dictionary key, the item at a known index, else any element.</summary>
    private Value? Indexed(Value collection, Value index, SyntaxNode at)
    {
        if (collection is CollectionValue items && index is LiteralValue literal)
        {
            var entries = items.Items.OfType<EntryValue>().ToList();
            if (entries.Count > 0 && entries.FirstOrDefault(e => e.Key is LiteralValue key && key.Text == literal.Text) is { } entry) return entry.Item;
            if (entries.Count > 0) return Value.OneOf(entries.Select(e => e.Item));
            if (int.TryParse(literal.Text, out var position) && position >= 0 && position < items.Items.Length) return items.Items[position];
        }
        if (collection is CollectionValue withEntries && withEntries.Items.OfType<EntryValue>().Any())
            return Value.OneOf(withEntries.Items.Select(i => i is EntryValue e ? e.Item : i));
        return ElementOf(collection, at);
    }

    /// <summary><c>a?.B?.C</c>: the members read on the receiver's value (null when the receiver is null gives no resource).</summary>
    private Value ConditionalAccess(ConditionalAccessExpressionSyntax conditional, ResolveScope scope) =>
        StoredResult(conditional, scope) ?? OnReceiver(conditional.WhenNotNull, Resolve(conditional.Expression, scope), scope);

    private Value OnReceiver(ExpressionSyntax expression, Value receiver, ResolveScope scope)
    {
        switch (expression)
        {
            case MemberBindingExpressionSyntax binding:
                var symbol = project.Model(binding.SyntaxTree).GetSymbolInfo(binding).Symbol;
                return symbol is IFieldSymbol or IPropertySymbol && IsSource(symbol) && !symbol.IsStatic
                    ? Member(symbol, binding, scope)
                    : PropertyOfValue(receiver, binding.Name.Identifier.ValueText, binding);
            case MemberAccessExpressionSyntax access:
                return PropertyOfValue(OnReceiver(access.Expression, receiver, scope), access.Name.Identifier.ValueText, access);
            case ConditionalAccessExpressionSyntax nested:
                return OnReceiver(nested.WhenNotNull, OnReceiver(nested.Expression, receiver, scope), scope);
            case ElementBindingExpressionSyntax { ArgumentList.Arguments.Count: 1 } element:
                return Indexed(receiver, Resolve(element.ArgumentList.Arguments[0].Expression, scope.Deeper()), element) ?? Unknown(element, $"'{Short(element.Parent ?? element)}' is read at run time");
            case InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax { Name.Identifier.ValueText: var method } } call when ElementMethods.Contains(method):
                return ElementOf(receiver, call) ?? Unknown(call, $"'{Short(call.Parent ?? call)}' returns a value known only at run time");
            case InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax { Name.Identifier.ValueText: "ToString" or "Trim" } }:
                return receiver;
            default:
                return Unknown(expression, $"'{Short(expression.Parent ?? expression)}' is computed at run time");
        }
    }

    /// <summary><c>items.First()</c>, <c>items.Where(...).ToList()</c>: an element, or the same elements.</summary>
    private Value? CollectionCall(string name, ExpressionSyntax receiver, InvocationExpressionSyntax invocation, ResolveScope scope)
    {
        // items.Select(i => new TransactWriteItem { ... }): a collection of what the lambda makes of an element.
        if (name == "Select" && invocation.ArgumentList.Arguments is [{ Expression: LambdaExpressionSyntax projection }])
        {
            var made = projection.ExpressionBody is { } body
                ? [Resolve(body, scope.Deeper())]
                : projection.Block?.DescendantNodes(n => n is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax)
                      .OfType<ReturnStatementSyntax>().Where(r => r.Expression is not null).Select(r => Resolve(r.Expression!, scope.Deeper())).ToList() ?? [];
            return made.Count == 0 ? null : new CollectionValue([Value.OneOf(made)]);
        }
        var isElement = ElementMethods.Contains(name);
        if (!isElement && !SameElementsMethods.Contains(name)) return null;
        var collection = Resolve(receiver, scope.Deeper());
        if (collection is not (CollectionValue or EventPartValue { Part: EventPart.Records } or OneOfValue)) return null;
        if (!isElement) return collection;
        return ElementOf(collection, invocation);
    }

    /// <summary>
    /// A lambda's parameter that takes each element of a collection: <c>records.Select(r => ...)</c>,
    /// <c>Parallel.ForEachAsync(records, async (r, ct) => ...)</c>. Null when the lambda is not such an argument.
    /// </summary>
    private Value? LambdaElement(IParameterSymbol parameter, ExpressionSyntax usage, ResolveScope scope)
    {
        if (parameter.Ordinal != 0) return null;
        var lambda = parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax().FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>();
        if (lambda?.Parent is not ArgumentSyntax argument || SyntaxIndex.ElementSource(argument) is not { } collection) return null;
        return ElementOf(Resolve(collection, scope.Deeper()), usage);
    }

    /// <summary>
    /// The elements a method takes as its first parameter where it is handed, as a method group, to a method that calls it
    /// for each element (<c>records.Select(ProcessAsync)</c>) in reachable code.
    /// </summary>
    private IEnumerable<Value> MethodGroupElements(IMethodSymbol method, ExpressionSyntax usage, ResolveScope scope) =>
        MethodGroupSources(method).Select(collection =>
            ElementOf(Resolve(collection, scope.Deeper()), usage) ?? Unknown(usage, $"'{Short(collection)}' holds elements known only at run time"));

    /// <summary>The collections a method is handed to as a method group in reachable code.</summary>
    private IEnumerable<ExpressionSyntax> MethodGroupSources(IMethodSymbol method)
    {
        foreach (var name in index.ElementArgumentsNamed(method.Name))
        {
            var referenced = project.Model(name.SyntaxTree).GetSymbolInfo(name);
            if (!(referenced.Symbol is null ? referenced.CandidateSymbols : [referenced.Symbol]).Any(s => SymbolEqualityComparer.Default.Equals(s.OriginalDefinition, method.OriginalDefinition))) continue;
            if (IsInReachableCode(name)) yield return SyntaxIndex.ElementSource((ArgumentSyntax)name.Parent!)!;
        }
    }

    /// <summary>An event part left as the value of an argument: say what it is rather than pass it on.</summary>
    private Value WithoutEventParts(Value value) => value switch
    {
        EventPartValue part => new UnknownValue(part.Part switch
        {
            EventPart.Event => $"the whole {part.Source} event is passed, not a resource name",
            EventPart.Records => $"the records of the {part.Source} event are passed, not a resource name",
            _ => part.Path.Length == 0 ? $"a whole {part.Source} event{(events.Find(part.Source)?.Records is null ? "" : " record")} is passed, not a resource name" : $"{part.Path} of the {part.Source} event{(events.Find(part.Source)?.Records is null ? "" : " record")} does not name a resource",
        }, part.Location),
        OneOfValue oneOf => Value.OneOf(oneOf.Options.Select(WithoutEventParts)),
        ConcatValue concat => new ConcatValue(concat.Parts.Select(WithoutEventParts).ToImmutableArray()),
        TextEditValue edited => edited with { Inner = WithoutEventParts(edited.Inner) },
        ObjectValue obj => obj.Map(WithoutEventParts),
        CollectionValue collection => new CollectionValue(collection.Items.Select(WithoutEventParts).ToImmutableArray()),
        EntryValue entry => new EntryValue(WithoutEventParts(entry.Key), WithoutEventParts(entry.Item)),
        _ => value,
    };
}
