using FluentAssertions;
using RoleGen.Core.Workspace;
using Xunit;

namespace RoleGen.Tests.Workspace;

public class FrameworkReferenceTests
{
    [Fact]
    public void The_reference_pack_of_the_running_runtime_is_preferred()
    {
        using var root = new TempDotnetRoot();
        var runtime = root.Add("shared/Microsoft.NETCore.App/10.0.12");
        var pack = root.Add("packs/Microsoft.NETCore.App.Ref/10.0.12/ref/net10.0", "System.Runtime.dll");

        CompilationFactory.FrameworkReferenceDirectory(runtime).Should().Be(pack);
    }

    [Theory]
    [InlineData("packs/Microsoft.NETCore.App.Ref/10.0.11/ref/net10.0", "another version's pack")]
    [InlineData("packs/Microsoft.NETCore.App.Ref/10.0.12/ref/net9.0", "a pack folder for another framework")]
    [InlineData("elsewhere", "no pack at all")]
    public void Without_a_matching_reference_pack_the_runtime_assemblies_are_used(string packFolder, string why)
    {
        using var root = new TempDotnetRoot();
        var runtime = root.Add("shared/Microsoft.NETCore.App/10.0.12");
        root.Add(packFolder, "System.Runtime.dll");

        CompilationFactory.FrameworkReferenceDirectory(runtime).Should().Be(runtime, why);
    }

    private sealed class TempDotnetRoot : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("rolegen-dotnet-").FullName;

        public string Add(string folder, string? file = null)
        {
            var path = Path.Combine(_root, folder);
            Directory.CreateDirectory(path);
            if (file is not null) File.WriteAllText(Path.Combine(path, file), "");
            return path;
        }

        public void Dispose()
        {
            try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
        }
    }
}
