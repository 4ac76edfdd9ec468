using RoleGen.Core.Mappings;

namespace RoleGen.Core;

/// <summary>Everything RoleGen knows about AWS, loaded from the mappings folder once per run.</summary>
public sealed record RoleGenKnowledge(MappingTable Table, CloudFormationTypes Types, ImpliedRules Implied)
{
    public static RoleGenKnowledge Load(string? mappingsDirectory = null)
    {
        var directory = mappingsDirectory ?? MappingTableLoader.FindMappingsDirectory();
        return new RoleGenKnowledge(
            MappingTableLoader.Load(directory),
            CloudFormationTypesLoader.Load(Path.Combine(directory, CloudFormationTypesLoader.FileName)),
            ImpliedRules.Load(Path.Combine(directory, "implied.yaml")));
    }
}
