using System.Collections.Immutable;

namespace RoleGen.Core.Mappings;

/// <summary>
/// The part of the AWS Service Authorization Reference RoleGen uses (mappings/catalog/*.json):
/// every action with its resource types, and every resource type's ARN format.
/// </summary>
public sealed record IamCatalog(ImmutableDictionary<string, IamService> Services)
{
    public IamAction? FindAction(string action)
    {
        var colon = action.IndexOf(':');
        if (colon < 0) return null;
        return Services.TryGetValue(action[..colon], out var service)
               && service.Actions.TryGetValue(action[(colon + 1)..], out var found) ? found : null;
    }
}

public sealed record IamService(
    string Prefix,
    ImmutableDictionary<string, IamAction> Actions,
    ImmutableDictionary<string, string> ResourceArns);

public sealed record IamAction(
    string Prefix,
    string Name,
    string AccessLevel,
    ImmutableArray<IamActionResource> ResourceTypes,
    ImmutableArray<string> ConditionKeys)
{
    public string FullName => $"{Prefix}:{Name}";
}

public sealed record IamActionResource(string ResourceType, bool Required);
