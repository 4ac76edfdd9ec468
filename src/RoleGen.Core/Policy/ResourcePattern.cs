using RoleGen.Core.Mappings;

namespace RoleGen.Core.Policy;

/// <summary>IAM resource wildcards: '*' any run of characters, '?' one character. Template references ${X} are plain text here.</summary>
public static class ResourcePattern
{
    /// <summary>True when every resource <paramref name="narrow"/> matches is also matched by <paramref name="broad"/>.</summary>
    public static bool Covers(string broad, string narrow)
    {
        if (broad == narrow) return true;
        return IamGlob.HasWildcard(broad) && IamGlob.Matches(broad, narrow, ignoreCase: false);
    }
}
