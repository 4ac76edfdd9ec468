namespace RoleGen.Core.Mappings;

/// <summary>
/// One parameter of an operation's positional signature: <c>Name</c>, or <c>Name:TypePattern</c> when overloads of the
/// same length differ only by type (<c>LoadAsync(hashKey, rangeKey)</c> / <c>LoadAsync(hashKey, config)</c>). A typed
/// parameter takes only an object built in code whose type matches the pattern (<c>*</c> is any text: <c>*Config</c>).
/// </summary>
public static class Signature
{
    /// <summary>The request property the parameter sets.</summary>
    public static string Parameter(string element) => element.IndexOf(':') is var i and >= 0 ? element[..i].Trim() : element;

    /// <summary>The type pattern, or null for an untyped parameter.</summary>
    public static string? TypePattern(string element) => element.IndexOf(':') is var i and >= 0 ? element[(i + 1)..].Trim() : null;

    public static bool TypeMatches(string pattern, string typeName)
    {
        var parts = pattern.Split('*');
        if (parts.Length == 1) return pattern == typeName;
        if (!typeName.StartsWith(parts[0], StringComparison.Ordinal) || !typeName.EndsWith(parts[^1], StringComparison.Ordinal)) return false;
        var position = parts[0].Length;
        foreach (var middle in parts[1..^1])
        {
            var found = typeName.IndexOf(middle, position, StringComparison.Ordinal);
            if (found < 0) return false;
            position = found + middle.Length;
        }
        return position <= typeName.Length - parts[^1].Length;
    }
}
