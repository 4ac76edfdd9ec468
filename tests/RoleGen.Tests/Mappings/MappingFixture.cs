using RoleGen.Core.Mappings;

namespace RoleGen.Tests.Mappings;

/// <summary>The real mapping table, loaded once per test run (loading validates it).</summary>
public static class RealTable
{
    private static readonly Lazy<MappingTable> Table = new(() => MappingTableLoader.Load(Directory!));

    public static string Directory { get; } = MappingTableLoader.FindMappingsDirectory(AppContext.BaseDirectory);

    public static MappingTable Value => Table.Value;

    public static OperationMapping Operation(string clientType, string method) =>
        Value.ClientsByType[clientType].Operations[method];
}
