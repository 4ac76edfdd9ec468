namespace RoleGen.Tests.Pipeline;

/// <summary>A throwaway application folder (template + project + sources) under the system temp folder.</summary>
internal sealed class TempApp : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("rolegen-test-").FullName;

    public string TemplatePath => Path.Combine(Root, "template.yaml");

    public TempApp With(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public TempApp WithProject(string folder, string assemblyName) =>
        With($"{folder}/{assemblyName}.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net8.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup><PackageReference Include="AWSSDK.S3" Version="3.7.400" /></ItemGroup>
            </Project>
            """);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
