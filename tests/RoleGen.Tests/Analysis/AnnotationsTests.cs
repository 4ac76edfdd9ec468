using FluentAssertions;
using Xunit;

namespace RoleGen.Tests.Analysis;

public class AnnotationsTests
{
    private const string Source = """
        using Amazon.S3; using Amazon.SQS; using Amazon.Lambda.Annotations; using Microsoft.Extensions.DependencyInjection;
        namespace App;
        public interface IStore { Task Save(string key); }
        public class S3Store(IAmazonS3 s3) : IStore { public Task Save(string key) => s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = Environment.GetEnvironmentVariable("BUCKET"), Key = key }); }
        public class QueueStore(IAmazonSQS sqs) : IStore { public Task Save(string key) => sqs.SendMessageAsync("q", key); }
        [LambdaStartup]
        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddSingleton<IAmazonS3, AmazonS3Client>();
                services.AddSingleton<IStore, S3Store>();
            }
        }
        public class Functions(IStore store)
        {
            [LambdaFunction]
            public Task Save(string key) => store.Save("in/" + key);

            [LambdaFunction]
            public Task Other([FromServices] IStore injected) => injected.Save("other");
        }
        """;

    [Fact]
    public void A_generated_handler_maps_back_to_the_annotated_method_with_the_startup_registrations()
    {
        var analysis = AnalysisHost.Analyze("App::App.Functions_Save_Generated::Save", Source);
        analysis.Findings.Should().BeEmpty();
        analysis.Describe().Should().Equal("IAmazonS3.PutObject(PutObjectRequest{BucketName=env:BUCKET, Key=\"in/\"+?})");
    }

    [Fact]
    public void FromServices_parameters_dispatch_to_the_registered_implementation()
    {
        AnalysisHost.Analyze("App::App.Functions_Other_Generated::Other", Source).Describe()
            .Should().Equal("IAmazonS3.PutObject(PutObjectRequest{BucketName=env:BUCKET, Key=\"other\"})");
    }

    [Fact]
    public void An_unknown_generated_handler_is_still_reported_missing()
    {
        AnalysisHost.Analyze("App::App.Functions_Nope_Generated::Nope", Source).Findings
            .Should().ContainSingle().Which.Message.Should().Contain("has no method 'Nope'");
    }
}
