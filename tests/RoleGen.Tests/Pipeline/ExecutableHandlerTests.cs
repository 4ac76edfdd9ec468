using FluentAssertions;
using RoleGen.Core;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// Functions whose handler names an executable: native AOT on a custom runtime (SAM BuildMethod dotnet7/dotnet8, Handler
/// bootstrap) and executable assemblies on a dotnet runtime (Handler: the assembly name). The program's entry point
/// starts the runtime client with the real handler.
/// </summary>
public class ExecutableHandlerTests
{
    private const string Program = """
        using Amazon.S3;
        namespace Api;
        public static class Program
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();
            private static async Task Main()
            {
                Func<string, ILambdaContext, Task<string>> handler = FunctionHandler;
                await LambdaBootstrapBuilder.Create(handler, new SourceGeneratorLambdaJsonSerializer<Context>()).Build().RunAsync();
            }
            public static async Task<string> FunctionHandler(string key, ILambdaContext context)
            {
                await S3.GetObjectAsync(Environment.GetEnvironmentVariable("BUCKET"), key);
                return key;
            }
        }
        """;

    private const string TopLevel = """
        using Amazon.S3;
        var s3 = new AmazonS3Client();
        var handler = async (string key, ILambdaContext context) => await s3.DeleteObjectAsync(Environment.GetEnvironmentVariable("BUCKET"), key);
        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
        """;

    [Theory]
    [InlineData("provided.al2023", "bootstrap", "dotnet8", "<AssemblyName>bootstrap</AssemblyName><OutputType>Exe</OutputType>", Program, "s3:GetObject")]
    [InlineData("provided.al2", "bootstrap", "dotnet7", "<OutputType>exe</OutputType>", Program, "s3:GetObject")] // the one project under CodeUri
    [InlineData("dotnet8", "Api", null, "<OutputType>Exe</OutputType>", Program, "s3:GetObject")]
    [InlineData("dotnet8", "Api", null, "<OutputType>Exe</OutputType>", TopLevel, "s3:DeleteObject")]
    public void The_entry_point_and_the_handler_it_starts_are_analysed(string runtime, string handler, string? buildMethod, string properties, string code, string action)
    {
        using var app = App(runtime, handler, buildMethod, properties, code);

        var function = new RoleGenerator(OneFunction.Knowledge).Generate(app.TemplatePath).Functions.Single();

        function.Findings.Should().NotContain(f => f.Severity == Severity.Error);
        function.Grants().Should().Contain($"{action} arn:${{AWS::Partition}}:s3:::${{Files}}/*");
    }

    [Theory]
    [InlineData("build-Fn:\n\tdotnet publish -c Release -r linux-x64 -p:PublishAot=true -o ./publish\n\tmv publish/Api $(ARTIFACTS_DIR)/bootstrap\n", true)]
    [InlineData("build-Other:\n\tdotnet publish\nbuild-Fn:\n\tcd . && dotnet publish Api.csproj -c Release -o ./out\n", true)]
    [InlineData("build-Fn:\n\tgo build -o $(ARTIFACTS_DIR)/bootstrap\n", false)]
    public void A_native_AOT_function_built_by_a_Makefile_that_runs_dotnet_is_analysed(string makefile, bool dotnet)
    {
        using var app = App("provided.al2023", "bootstrap", "makefile", "<OutputType>Exe</OutputType>", Program).With("src/Api/Makefile", makefile);

        var report = new RoleGenerator(OneFunction.Knowledge).Generate(app.TemplatePath);

        if (dotnet)
            report.Functions.Single().Grants().Should().Contain("s3:GetObject arn:${AWS::Partition}:s3:::${Files}/*");
        else
            report.Functions.Should().BeEmpty("a Makefile that runs no dotnet builds no .NET function");
    }

    private const string AnnotationsWithGeneratedMain = """
        using Amazon.Lambda.Annotations;
        using Amazon.S3;
        using Microsoft.Extensions.DependencyInjection;
        [assembly: LambdaGlobalProperties(GenerateMain = true)]
        namespace Api;
        [LambdaStartup]
        public class Startup
        {
            public void ConfigureServices(IServiceCollection services) => services.AddSingleton<IAmazonS3>(new AmazonS3Client());
        }
        // Built by the container the generated Main sets up: no parameterless constructor needed.
        public class Functions(IAmazonS3 s3)
        {
            [LambdaFunction]
            public Task Get(string key) => s3.GetObjectAsync(Environment.GetEnvironmentVariable("BUCKET"), key);
            [LambdaFunction]
            public Task Remove(string key) => s3.DeleteObjectAsync(Environment.GetEnvironmentVariable("BUCKET"), key);
        }
        """;

    [Theory]
    [InlineData("Get", "s3:GetObject")]
    [InlineData("Remove", "s3:DeleteObject")]
    public void An_annotations_executable_runs_the_method_its_ANNOTATIONS_HANDLER_names(string method, string action)
    {
        using var app = App("dotnet8", "Api", null, "<OutputType>Exe</OutputType>", AnnotationsWithGeneratedMain, variables: $"\n          ANNOTATIONS_HANDLER: {method}");

        var function = new RoleGenerator(OneFunction.Knowledge).Generate(app.TemplatePath).Functions.Single();

        function.Findings.Should().NotContain(f => f.Severity >= Severity.Warning);
        function.Grants().Should().Equal($"{action} arn:${{AWS::Partition}}:s3:::${{Files}}/*");
    }

    [Fact]
    public void An_annotations_executable_without_ANNOTATIONS_HANDLER_says_what_to_set()
    {
        using var app = App("provided.al2023", "bootstrap", "dotnet8", "<AssemblyName>bootstrap</AssemblyName><OutputType>Exe</OutputType>", AnnotationsWithGeneratedMain);

        var function = new RoleGenerator(OneFunction.Knowledge).Generate(app.TemplatePath).Functions.Single();

        function.Findings.Should().ContainSingle(f => f.Code == FindingCodes.HandlerNotFound)
            .Which.Message.Should().Contain("ANNOTATIONS_HANDLER");
    }

    [Fact]
    public void A_custom_runtime_without_a_dotnet_build_method_is_not_dotnet()
    {
        using var app = App("provided.al2023", "bootstrap", null, "<OutputType>Exe</OutputType>", Program);

        var report = new RoleGenerator(OneFunction.Knowledge).Generate(app.TemplatePath);

        report.Functions.Should().BeEmpty();
        report.Findings.Should().ContainSingle(f => f.Code == "RG2006");
    }

    [Theory]
    [InlineData("Api.Program", "<OutputType>Library</OutputType>", FindingCodes.HandlerFormat)] // a typo, not an executable
    [InlineData("Api", "<OutputType>Exe</OutputType>", FindingCodes.HandlerNotFound)] // an executable without an entry point
    public void A_handler_that_is_neither_form_is_an_error(string handler, string properties, string code)
    {
        using var app = App("dotnet8", handler, null, properties, "namespace Api; public class Program { }");

        var function = new RoleGenerator(OneFunction.Knowledge).Generate(app.TemplatePath).Functions.Single();

        function.Findings.Should().ContainSingle(f => f.Severity == Severity.Error).Which.Code.Should().Be(code);
    }

    [Theory]
    [InlineData("FunctionHandler", " Did you mean 'Api::Api.Function::FunctionHandler'?")]
    [InlineData("Function::FunctionHandler", " Did you mean 'Api::Api.Function::FunctionHandler'?")]
    [InlineData("Handle", " Did you mean 'Api::Api.Function::Handle' or 'Api::Api.Outer+Inner::Handle'?")]
    [InlineData("Hidden", "")]
    public void A_handler_written_as_a_method_name_suggests_the_methods_it_may_mean(string handler, string suggestion)
    {
        using var app = App("dotnet8", handler, null, "", """
            namespace Api;
            public class Function
            {
                public Task FunctionHandler(string input) => Task.CompletedTask;
                public Task Handle(string input) => Task.CompletedTask;
                private Task Hidden() => Task.CompletedTask;
            }
            public class Outer { public class Inner { public void Handle() { } } }
            internal class NotPublic { public void FunctionHandler() { } }
            """);

        var function = new RoleGenerator(OneFunction.Knowledge).Generate(app.TemplatePath).Functions.Single();

        function.Findings.Should().ContainSingle(f => f.Code == FindingCodes.HandlerFormat).Which.Message
            .Should().EndWith("only the permissions its configuration implies were generated." + suggestion);
    }

    private const string MinimalHosting = """
        using Amazon.S3;
        using Microsoft.AspNetCore.Mvc;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        builder.Services.AddSingleton<IAmazonS3>(new AmazonS3Client());
        builder.Services.AddScoped<IStore, S3Store>();
        builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
        var app = builder.Build();
        app.MapControllers();
        app.MapGet("/", () => "ok");
        app.Run();

        public interface IStore { Task Put(string key); }
        public class S3Store(IAmazonS3 s3) : IStore
        {
            public Task Put(string key) => s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = Environment.GetEnvironmentVariable("BUCKET"), Key = key });
        }
        [ApiController, Route("files")]
        public class FilesController(IStore store) : ControllerBase
        {
            [HttpPost("{key}")] public Task Upload(string key) => store.Put(key);
        }
        """;

    [Theory]
    [InlineData("Microsoft.NET.Sdk.Web", "", "s3:PutObject")]
    [InlineData("Microsoft.NET.Sdk", "<OutputType>Exe</OutputType>", "s3:PutObject")]
    public void An_aspnetcore_app_with_minimal_hosting_is_an_executable_whose_controllers_are_reached(string sdk, string properties, string action)
    {
        using var app = App("dotnet8", "Api", null, properties, MinimalHosting, sdk);

        var function = new RoleGenerator(OneFunction.Knowledge).Generate(app.TemplatePath).Functions.Single();

        function.Findings.Should().NotContain(f => f.Severity == Severity.Error);
        function.Grants().Should().Contain($"{action} arn:${{AWS::Partition}}:s3:::${{Files}}/*");
    }

    [Fact]
    public void A_web_project_that_says_it_is_a_library_is_not_an_executable()
    {
        using var app = App("dotnet8", "Api", null, "<OutputType>Library</OutputType>", MinimalHosting, "Microsoft.NET.Sdk.Web");

        var function = new RoleGenerator(OneFunction.Knowledge).Generate(app.TemplatePath).Functions.Single();

        function.Findings.Should().ContainSingle(f => f.Severity == Severity.Error).Which.Code.Should().Be(FindingCodes.HandlerFormat);
    }

    private static TempApp App(string runtime, string handler, string? buildMethod, string properties, string code, string sdk = "Microsoft.NET.Sdk", string variables = "") =>
        new TempApp()
            .With("template.yaml", $"""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Files:
                    Type: AWS::S3::Bucket
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: {runtime}
                      CodeUri: ./src/Api/
                      Handler: {handler}
                      Environment:
                        Variables:
                          BUCKET: !Ref Files{variables}
                {(buildMethod is null ? "" : $"    Metadata:\n      BuildMethod: {buildMethod}\n")}
                """)
            .With("src/Api/Api.csproj", $"""
                <Project Sdk="{sdk}">
                  <PropertyGroup><TargetFramework>net8.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings>{properties}</PropertyGroup>
                </Project>
                """)
            .With("src/Api/Program.cs", code);
}
