using System.Collections.Immutable;
using RoleGen.Core.Analysis.Values;
using RoleGen.Core.Templates;

namespace RoleGen.Core.Permissions;

/// <summary>
/// A function's environment variables as the template sets them (after Globals), each with every value it
/// can take. Binding replaces <see cref="EnvVarValue"/>s in a value by what the template says.
/// </summary>
public sealed class FunctionEnvironment(ImmutableSortedDictionary<string, ImmutableArray<TemplateExpression>> variables)
{
    public static FunctionEnvironment Empty { get; } = new(ImmutableSortedDictionary<string, ImmutableArray<TemplateExpression>>.Empty);

    public bool Defines(string name) => variables.ContainsKey(name);

    public Value Bind(Value value) => value switch
    {
        EnvVarValue env when variables.TryGetValue(env.Name, out var options) && !options.IsEmpty =>
            Value.OneOf(options.Select(o => (Value)new TemplateValue(o))),
        ConcatValue concat => new ConcatValue(concat.Parts.Select(Bind).ToImmutableArray()),
        OneOfValue oneOf => Value.OneOf(oneOf.Options.Select(Bind)),
        ObjectValue obj => obj with { Properties = obj.Properties.ToImmutableSortedDictionary(p => p.Key, p => Bind(p.Value), StringComparer.Ordinal) },
        CollectionValue collection => new CollectionValue(collection.Items.Select(Bind).ToImmutableArray()),
        EntryValue entry => new EntryValue(Bind(entry.Key), Bind(entry.Item)),
        _ => value,
    };

    /// <summary>Environment variables the value reads that the template does not set for this function.</summary>
    public IEnumerable<EnvVarValue> Unbound(Value value) => value switch
    {
        EnvVarValue env when !Defines(env.Name) => [env],
        ConcatValue concat => concat.Parts.SelectMany(Unbound),
        OneOfValue oneOf => oneOf.Options.SelectMany(Unbound),
        ObjectValue obj => obj.Properties.Values.SelectMany(Unbound),
        CollectionValue collection => collection.Items.SelectMany(Unbound),
        EntryValue entry => Unbound(entry.Key).Concat(Unbound(entry.Item)),
        _ => [],
    };
}
