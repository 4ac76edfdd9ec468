using RoleGen.Core.Analysis.Events;
using RoleGen.Core.Mappings;

namespace RoleGen.Core;

/// <summary>
/// Everything RoleGen knows about AWS, loaded from the mappings folder once per run. <see cref="Load"/> reads and
/// validates every part at once; <see cref="LoadWhenNeeded"/> reads each part the first time it is used, so that a run
/// whose projects all come from the report cache never parses the table (a quarter of such a run's time).
/// </summary>
public sealed class RoleGenKnowledge
{
    private readonly Lazy<MappingTable> _table;
    private readonly Lazy<CloudFormationTypes> _types;
    private readonly Lazy<ImpliedRules> _implied;
    private readonly Lazy<EncryptionRules> _encryption;
    private readonly Lazy<EventModel> _events;

    public RoleGenKnowledge(MappingTable table, CloudFormationTypes types, ImpliedRules implied, EncryptionRules encryption)
        : this(new Lazy<MappingTable>(table), new Lazy<CloudFormationTypes>(types), new Lazy<ImpliedRules>(implied), new Lazy<EncryptionRules>(encryption), new Lazy<EventModel>(EventModel.Empty))
    {
    }

    private RoleGenKnowledge(Lazy<MappingTable> table, Lazy<CloudFormationTypes> types, Lazy<ImpliedRules> implied, Lazy<EncryptionRules> encryption, Lazy<EventModel> events)
    {
        _table = table;
        _types = types;
        _implied = implied;
        _encryption = encryption;
        _events = events;
    }

    public MappingTable Table => _table.Value;

    public CloudFormationTypes Types => _types.Value;

    public ImpliedRules Implied => _implied.Value;

    public EncryptionRules Encryption => _encryption.Value;

    /// <summary>mappings/events.yaml: the Lambda events the analysis follows from a handler's event parameter.</summary>
    public EventModel Events
    {
        get => _events.Value;
        init => _events = new Lazy<EventModel>(value);
    }

    /// <summary>Reads and validates the whole mappings folder now: a broken table stops here with a <see cref="Diagnostics.RoleGenInputException"/>.</summary>
    public static RoleGenKnowledge Load(string? mappingsDirectory = null)
    {
        var knowledge = LoadWhenNeeded(mappingsDirectory);
        _ = (knowledge.Table, knowledge.Types, knowledge.Implied, knowledge.Encryption, knowledge.Events);
        return knowledge;
    }

    /// <summary>
    /// Reads each part of the mappings folder when first used (thread-safe; an error is thrown to every user). The report
    /// cache's keys hash the folder's files, so a changed or broken table is never answered from the cache: it is read,
    /// and fails, as soon as a project has to be analysed.
    /// </summary>
    public static RoleGenKnowledge LoadWhenNeeded(string? mappingsDirectory = null)
    {
        var directory = mappingsDirectory ?? MappingTableLoader.FindMappingsDirectory();
        var table = new Lazy<MappingTable>(() => MappingTableLoader.Load(directory));
        return new RoleGenKnowledge(
            table,
            new Lazy<CloudFormationTypes>(() => CloudFormationTypesLoader.Load(Path.Combine(directory, CloudFormationTypesLoader.FileName))),
            new Lazy<ImpliedRules>(() => ImpliedRules.Load(Path.Combine(directory, "implied.yaml"))),
            new Lazy<EncryptionRules>(() => EncryptionRules.Load(Path.Combine(directory, EncryptionRules.FileName), table.Value.Catalog)),
            new Lazy<EventModel>(() => EventModelLoader.Load(Path.Combine(directory, EventModelLoader.FileName))));
    }
}
