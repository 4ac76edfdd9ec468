using System.Collections.Immutable;
using RoleGen.Core.Analysis.Values;
using RoleGen.Core.Diagnostics;
using RoleGen.Core.Templates;

namespace RoleGen.Core.Permissions;

/// <summary>
/// A function's environment variables as the template sets them (after Globals), each with every value it
/// can take, and the fields of the events that trigger it (<see cref="EventSourceBinder"/>). Binding replaces
/// <see cref="EnvVarValue"/>s and <see cref="EventFieldValue"/>s in a value by what the template says.
/// </summary>
/// <param name="mayBeUnset">Variables the template sets with a branch that is <c>AWS::NoValue</c>: code's fallbacks for them stay live.</param>
/// <param name="stored">What the template writes into the parameters it declares: a <see cref="StoredValue"/> read back from one is that.</param>
/// <param name="holdsOnlyNames">Which template references hold name characters only (<see cref="TextEdit.On"/>); null: none is known to.</param>
public sealed class FunctionEnvironment(
    ImmutableSortedDictionary<string, ImmutableArray<TemplateExpression>> variables,
    ImmutableSortedDictionary<string, BoundEventField>? eventFields = null,
    IReadOnlySet<string>? mayBeUnset = null,
    StoredContents? stored = null,
    Func<string, bool>? holdsOnlyNames = null)
{
    public static FunctionEnvironment Empty { get; } = new(ImmutableSortedDictionary<string, ImmutableArray<TemplateExpression>>.Empty);

    public bool Defines(string name) => variables.ContainsKey(name);

    /// <summary>True when the template always sets the variable for this function, and not to "", so a fallback in code never runs.</summary>
    private bool AlwaysSets(string name) =>
        Defines(name) && mayBeUnset?.Contains(name) != true && !variables[name].Any(o => o.Known && o.Sub.Length == 0);

    public Value Bind(Value value) => value switch
    {
        // appsettings.json sets the key: the code's default for it never survives binding.
        EnvVarValue { SettingsAlways: true, Fallback: not null } env => Bind(env with { Fallback = null }),
        // A configuration key the template never sets comes from the app's configuration files; one it may not set, from either.
        EnvVarValue { Settings: { } settings } env when !Defines(env.Name) => Bind(env.Fallback is null ? settings : Value.OneOf([settings, env.Fallback])),
        EnvVarValue { Settings: { } settings } env when !AlwaysSets(env.Name) => Value.OneOf([Bind(env with { Settings = null }), Bind(settings)]),
        EnvVarValue { Fallback: { } fallback } env when !AlwaysSets(env.Name) => Value.OneOf([Bind(env with { Fallback = null }), Bind(fallback)]),
        EnvVarValue env when variables.TryGetValue(env.Name, out var options) && !options.IsEmpty =>
            Value.OneOf(options.Select(o => (Value)new TemplateValue(o))),
        EventFieldValue field => EventField(field),
        StoredValue read => Stored(read),
        TextEditValue edited => edited.Edit.On(Bind(edited.Inner), holdsOnlyNames) is { } done ? done
            : new UnknownValue($"{edited.Edit} changes a value that is known only at run time ({ValueText.Of(edited.Inner)})", null),
        ConcatValue concat => ValueResolver.Concat(concat.Parts.Select(Bind)),
        OneOfValue oneOf => Value.OneOf(SetVariablesOfEachKey(oneOf.Options).Select(Bind)),
        ObjectValue obj => obj.Map(Bind),
        CollectionValue collection => new CollectionValue(collection.Items.Select(Bind).ToImmutableArray()),
        EntryValue entry => new EntryValue(Bind(entry.Key), Bind(entry.Item)),
        _ => value,
    };

    /// <summary>What the template writes into the item the code reads back, for each name the code may give; unknown for a name it declares no item for.</summary>
    private Value Stored(StoredValue read)
    {
        var names = Bind(read.Name) is OneOfValue oneOf ? oneOf.Options : [Bind(read.Name)];
        return Value.OneOf(names.Select(name => (stored ?? StoredContents.None).Find(read.Service, name) is { IsEmpty: false } written
            ? Value.OneOf(written.Select(w => (Value)new TemplateValue(w)))
            : new UnknownValue($"the value stored under {ValueText.Of(name)} is read at run time (the template declares no {read.Service} resource of that name that sets it)", read.Location)));
    }

    /// <summary>
    /// A configuration key several providers read from different variables (<c>Storage__Bucket</c>, <c>MYAPP_Storage__Bucket</c>):
    /// where the template sets one of them, the others (and the configuration files' values under them) are not the value.
    /// </summary>
    private IEnumerable<Value> SetVariablesOfEachKey(ImmutableArray<Value> options)
    {
        var keysSet = options.OfType<EnvVarValue>().Where(v => v.ConfigurationKey is not null && Defines(v.Name)).Select(v => v.ConfigurationKey!).ToHashSet(StringComparer.Ordinal);
        return keysSet.Count == 0 ? options : options.Where(o => o is not EnvVarValue { ConfigurationKey: { } key } variable || !keysSet.Contains(key) || Defines(variable.Name));
    }

    private Value EventField(EventFieldValue field)
    {
        if (eventFields?.GetValueOrDefault(EventSourceBinder.Key(field.Source, field.Field)) is not { } bound)
            return new UnknownValue($"{field.Field} is read from the {field.Source} event, which RoleGen cannot bind to the template", field.Location);
        return WithLocation(bound.Value, field.Location);
    }

    /// <summary>Unknown parts of a bound field point at the code that reads the field.</summary>
    private static Value WithLocation(Value value, SourceLocation? location) => value switch
    {
        UnknownValue unknown when unknown.Location is null => unknown with { Location = location },
        ConcatValue concat => new ConcatValue(concat.Parts.Select(p => WithLocation(p, location)).ToImmutableArray()),
        OneOfValue oneOf => Value.OneOf(oneOf.Options.Select(o => WithLocation(o, location))),
        _ => value,
    };

    /// <summary>Environment variables the value reads that the template does not set for this function.</summary>
    public IEnumerable<EnvVarValue> Unbound(Value value) => value switch
    {
        EnvVarValue { SettingsAlways: true, Fallback: not null } env => Unbound(env with { Fallback = null }),
        EnvVarValue { Settings: not null } env when !Defines(env.Name) => env.Fallback is null ? [] : Unbound(env.Fallback),
        EnvVarValue env when !Defines(env.Name) => env.Fallback is null ? [env] : [env, .. Unbound(env.Fallback)],
        EnvVarValue { Fallback: { } fallback } env when !AlwaysSets(env.Name) => Unbound(fallback),
        ConcatValue concat => concat.Parts.SelectMany(Unbound),
        OneOfValue oneOf => SetVariablesOfEachKey(oneOf.Options).SelectMany(Unbound),
        TextEditValue edited => Unbound(edited.Inner),
        StoredValue read => Unbound(read.Name),
        ObjectValue obj => obj.Parts.SelectMany(Unbound),
        CollectionValue collection => collection.Items.SelectMany(Unbound),
        EntryValue entry => Unbound(entry.Key).Concat(Unbound(entry.Item)),
        _ => [],
    };
}
