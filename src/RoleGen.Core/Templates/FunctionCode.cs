namespace RoleGen.Core.Templates;

/// <summary>Where a function's code lives on disk, from SAM's CodeUri / DockerContext or Lambda's Code.</summary>
internal static class FunctionCode
{
    private static readonly string[] ArchiveExtensions = [".zip", ".jar", ".war"];

    /// <summary>
    /// The absolute folder holding the function's source. Anything that is not a local folder (an S3 location, a
    /// packaged archive, inline code) leaves only the template's folder to search; so does a missing CodeUri,
    /// as in Lambda Annotations' serverless.template. A local path that does not exist is returned as is so that
    /// the Workspace stage can say which folder is missing. Metadata.BuildMethod changes how SAM builds the code,
    /// not where its source is, so it does not matter here.
    /// </summary>
    public static string Directory(CfnTemplate template, CfnResource resource, CfnMapping properties)
    {
        var templateDirectory = template.Directory;

        if ((properties["PackageType"] as CfnScalar)?.Value == "Image")
        {
            return (resource.Definition["Metadata"] as CfnMapping)?["DockerContext"] is CfnScalar context
                ? LocalPath(templateDirectory, context.Value) ?? templateDirectory
                : templateDirectory;
        }

        return CodeOf(resource, properties) is CfnScalar location ? LocalPath(templateDirectory, location.Value) ?? templateDirectory : templateDirectory;
    }

    /// <summary>
    /// True when the code is somewhere else than this checkout: an S3 location (<c>Bucket</c>/<c>Key</c>, <c>s3://</c>) or a
    /// packaged archive, as in a template kept in a deployment folder; its project may then be anywhere in the repository.
    /// </summary>
    public static bool IsElsewhere(CfnResource resource, CfnMapping properties)
    {
        return CodeOf(resource, properties) switch
        {
            CfnMapping location => location["ZipFile"] is null && location["ImageUri"] is null,
            CfnScalar { Value: var text } => text.Contains("://", StringComparison.Ordinal) || ArchiveExtensions.Any(e => text.EndsWith(e, StringComparison.OrdinalIgnoreCase)),
            _ => false,
        };
    }

    /// <summary>Where the template says the code is: SAM's CodeUri, Lambda's Code.</summary>
    private static CfnNode? CodeOf(CfnResource resource, CfnMapping properties) =>
        resource.Type == FunctionSpecReader.ServerlessFunction ? properties["CodeUri"] : properties["Code"];

    private static string? LocalPath(string templateDirectory, string location)
    {
        if (string.IsNullOrWhiteSpace(location) || location.Contains("://", StringComparison.Ordinal)) return null;

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(templateDirectory, location)));
        if (System.IO.Directory.Exists(full)) return full;
        // Folder names may hold dots (src/Orders.Api), so only an existing file or a known archive type is a file.
        var isFile = File.Exists(full) || ArchiveExtensions.Any(e => full.EndsWith(e, StringComparison.OrdinalIgnoreCase));
        return isFile ? null : full;
    }
}
