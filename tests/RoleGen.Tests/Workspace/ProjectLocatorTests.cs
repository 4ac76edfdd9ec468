using FluentAssertions;
using RoleGen.Core.Workspace;
using Xunit;

namespace RoleGen.Tests.Workspace;

public sealed class ProjectLocatorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rolegen-locator-test-").FullName;

    [Fact]
    public void Finds_the_project_building_the_assembly_below_the_code_folder()
    {
        Write("src/Orders/Orders.csproj", Project("OrdersApi"));
        Write("src/Orders/Handler.cs", "class Handler {}");
        Write("src/Orders/bin/Generated.cs", "class Generated {}");

        var project = new ProjectLocator().Find(Full("src/Orders"), _root, "ordersapi");

        project.Should().NotBeNull();
        project!.ProjectFile.Should().Be(Full("src/Orders/Orders.csproj"));
        project.AssemblyName.Should().Be("OrdersApi");
        project.SourceFiles.Should().Equal(Full("src/Orders/Handler.cs"));
    }

    [Fact]
    public void Sources_of_referenced_projects_are_compiled_with_the_project_transitively_and_once()
    {
        Write("src/Api/Api.csproj", Project("Api", """<ItemGroup><ProjectReference Include="..\Core\Core.csproj" /><ProjectReference Include="../Data/Data.csproj" /><ProjectReference Include="$(Root)/X.csproj" /><ProjectReference Include="../Missing/Missing.csproj" /></ItemGroup>"""));
        Write("src/Api/Function.cs", "class Function {}");
        Write("src/Core/Core.csproj", Project("Core", """<ItemGroup><ProjectReference Include="..\Data\Data.csproj" /></ItemGroup>"""));
        Write("src/Core/Service.cs", "class Service {}");
        Write("src/Data/Data.csproj", Project("Data", """<ItemGroup><ProjectReference Include="..\Core\Core.csproj" /></ItemGroup>"""));
        Write("src/Data/Repository.cs", "class Repository {}");
        Write("src/Unrelated/Unrelated.csproj", Project("Unrelated"));
        Write("src/Unrelated/Other.cs", "class Other {}");

        var project = new ProjectLocator().Find(Full("src/Api"), _root, "Api");

        project!.SourceFiles.Should().Equal(Full("src/Api/Function.cs"), Full("src/Core/Service.cs"), Full("src/Data/Repository.cs"));
        project.ReferencedProjects.Should().Equal(Full("src/Core/Core.csproj"), Full("src/Data/Data.csproj"));
    }

    [Theory]
    [InlineData("""<Compile Include="..\Shared\Keys.cs" Link="Shared\Keys.cs" />""", "src/Shared/Keys.cs")]
    [InlineData("""<Compile Include="../Shared/*.cs" />""", "src/Shared/Keys.cs|src/Shared/Names.cs")]
    [InlineData("""<Compile Include="../Shared/**/*.cs" />""", "src/Shared/Deep/Deeper.cs|src/Shared/Keys.cs|src/Shared/Names.cs")]
    [InlineData("""<Compile Include="$(SharedDir)/Keys.cs;../Shared/Missing.cs" />""", "")]
    public void Files_a_project_compiles_from_another_folder_are_its_sources(string include, string shared)
    {
        Write("src/Api/Api.csproj", Project("Api", $"<ItemGroup>{include}</ItemGroup>"));
        Write("src/Api/Function.cs", "class Function {}");
        Write("src/Shared/Keys.cs", "class Keys {}");
        Write("src/Shared/Names.cs", "class Names {}");
        Write("src/Shared/Deep/Deeper.cs", "class Deeper {}");

        var project = new ProjectLocator().Find(Full("src/Api"), _root, "Api");

        project!.SourceFiles.Should().Equal(new[] { "src/Api/Function.cs" }.Concat(shared.Split('|', StringSplitOptions.RemoveEmptyEntries)).Select(Full).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Falls_back_to_the_template_folder_and_leaves_out_nested_projects_and_removed_files()
    {
        Write("src/Billing/Billing.csproj", Project("Billing", "<ItemGroup><Compile Remove=\"Old.cs\" /></ItemGroup>"));
        Write("src/Billing/Invoice.cs", "class Invoice {}");
        Write("src/Billing/Old.cs", "class Old {}");
        Write("src/Billing/Tests/Billing.Tests.csproj", Project("Billing.Tests"));
        Write("src/Billing/Tests/InvoiceTests.cs", "class InvoiceTests {}");
        Write("src/Other/Other.csproj", Project("Other"));

        var project = new ProjectLocator().Find(Full("src/Other"), _root, "Billing");

        project!.ProjectFile.Should().Be(Full("src/Billing/Billing.csproj"));
        project.SourceFiles.Should().Equal(Full("src/Billing/Invoice.cs"));
    }

    [Fact]
    public void Answers_later_lookups_of_a_run_with_the_project_it_read_first()
    {
        Write("Shared.csproj", Project("Shared"));
        Write("A.cs", "class A {}");
        var locator = new ProjectLocator();
        var first = locator.Find(_root, _root, "Shared");

        Write("B.cs", "class B {}"); // a run sees the files as they were when it first read the project

        locator.Find(_root, _root, "Shared").Should().BeSameAs(first);
        new ProjectLocator().Find(_root, _root, "Shared")!.SourceFiles.Should().HaveCount(2);
    }

    [Fact]
    public void Returns_null_when_no_project_builds_the_assembly()
    {
        Write("src/Orders/Orders.csproj", Project("Orders"));

        new ProjectLocator().Find(Full("src/Orders"), _root, "Payments").Should().BeNull();
    }

    [Theory]
    [InlineData(true, ".git/HEAD", true)]   // code in S3, template in a deployment folder of the repository
    [InlineData(true, ".git", true)]        // a worktree or submodule: .git is a file
    [InlineData(false, ".git/HEAD", false)] // local code: only its folder and the template's
    [InlineData(true, "", false)]           // no repository to search
    public void Code_in_S3_or_an_archive_is_looked_for_in_the_whole_repository(bool codeElsewhere, string gitMarker, bool found)
    {
        if (gitMarker.Length > 0) Write(gitMarker, "ref: refs/heads/main");
        Write("src/Orders/Orders.csproj", Project("Orders"));
        Write("deployment/sam/templates/readme.txt", "");
        var templates = Full("deployment/sam/templates");

        var project = new ProjectLocator().Find(templates, templates, "Orders", codeElsewhere);

        (project?.ProjectFile).Should().Be(found ? Full("src/Orders/Orders.csproj") : null);
    }

    [Fact]
    public void A_repository_root_is_the_nearest_folder_with_git()
    {
        Write(".git/HEAD", "");
        Write("a/b/c.txt", "");

        ProjectLocator.RepositoryRoot(Full("a/b")).Should().Be(_root);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private static string Project(string assemblyName, string extra = "") =>
        $"<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><AssemblyName>{assemblyName}</AssemblyName></PropertyGroup>{extra}</Project>";

    private string Full(string relative) => Path.Combine(_root, relative.Replace('/', Path.DirectorySeparatorChar));

    private void Write(string relative, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Full(relative))!);
        File.WriteAllText(Full(relative), text);
    }
}
