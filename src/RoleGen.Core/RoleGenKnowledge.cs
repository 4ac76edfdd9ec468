using RoleGen.Core.Analysis.Events;
using RoleGen.Core.Mappings;

namespace RoleGen.Core;

/// <summary>Everything RoleGen knows about AWS, loaded from the mappings folder once per run.</summary>
public sealed record RoleGenKnowledge(MappingTable Table, CloudFormationTypes Types, ImpliedRules Implied, EncryptionRules Encryption)
{
    /// <summary>mappings/events.yaml: the Lambda events the analysis follows from a handler's event parameter.</summary>
    public EventModel Events { get; init; } = EventModel.Empty;

    public static RoleGenKnowledge Load(string? mappingsDirectory = null)
    {
        var directory = mappingsDirectory ?? MappingTableLoader.FindMappingsDirectory();
        var table = MappingTableLoader.Load(directory);
        return new RoleGenKnowledge(
            table,
            CloudFormationTypesLoader.Load(Path.Combine(directory, CloudFormationTypesLoader.FileName)),
            ImpliedRules.Load(Path.Combine(directory, "implied.yaml")),
            EncryptionRules.Load(Path.Combine(directory, EncryptionRules.FileName), table.Catalog))
        {
            Events = EventModelLoader.Load(Path.Combine(directory, EventModelLoader.FileName)),
        };
    }
}
