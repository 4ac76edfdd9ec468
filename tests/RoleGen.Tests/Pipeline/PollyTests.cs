using FluentAssertions;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// Amazon Polly through the real mapping table: synthesis is authorized on the lexicons the request names, else on *;
/// a synthesis task also writes its output with the function's own s3:PutObject (under the key prefix) and publishes its
/// status with the function's sns:Publish.
/// </summary>
public class PollyTests
{
    private const string Polly = "arn:${AWS::Partition}:polly:${AWS::Region}:${AWS::AccountId}:";
    private const string S3 = "arn:${AWS::Partition}:s3:::";

    [Theory]
    [InlineData("_polly.SynthesizeSpeechAsync(new SynthesizeSpeechRequest { Text = text, VoiceId = VoiceId.Joanna, OutputFormat = OutputFormat.Mp3 })",
        "polly:SynthesizeSpeech *")]
    // Lexicons named: the action is authorized on each of them (lexicon is the action's optional resource type).
    [InlineData("_polly.SynthesizeSpeechAsync(new SynthesizeSpeechRequest { Text = text, VoiceId = VoiceId.Joanna, LexiconNames = new List<string> { \"brands\", \"acronyms\" } })",
        "polly:SynthesizeSpeech Pollylexicon/acronyms|polly:SynthesizeSpeech Pollylexicon/brands")]
    [InlineData("_polly.SynthesizeSpeechAsync(new SynthesizeSpeechRequest { Text = text, LexiconNames = [Env(\"LEXICON\")] })",
        "polly:SynthesizeSpeech Pollylexicon/${Lexicon}")]
    [InlineData("_polly.DescribeVoicesAsync(new DescribeVoicesRequest { LanguageCode = LanguageCode.EnUS })",
        "polly:DescribeVoices *")]
    // Synthesis task: the output is written with the caller's permissions, under the key prefix.
    [InlineData("_polly.StartSpeechSynthesisTaskAsync(new StartSpeechSynthesisTaskRequest { Text = text, OutputS3BucketName = \"audio\", OutputS3KeyPrefix = \"articles/\", OutputFormat = OutputFormat.Mp3, VoiceId = VoiceId.Matthew })",
        "polly:StartSpeechSynthesisTask *|s3:PutObject S3audio/articles/*")]
    [InlineData("_polly.StartSpeechSynthesisTaskAsync(new StartSpeechSynthesisTaskRequest { Text = text, OutputS3BucketName = Env(\"BUCKET\") })",
        "polly:StartSpeechSynthesisTask *|s3:PutObject S3${Audio}/*")]
    [InlineData("_polly.StartSpeechSynthesisTaskAsync(new StartSpeechSynthesisTaskRequest { Text = text, OutputS3BucketName = \"audio\", SnsTopicArn = \"arn:aws:sns:eu-west-1:111122223333:speech-done\", LexiconNames = new List<string> { \"brands\" } })",
        "polly:StartSpeechSynthesisTask Pollylexicon/brands|s3:PutObject S3audio/*|sns:Publish arn:aws:sns:eu-west-1:111122223333:speech-done")]
    [InlineData("_polly.GetSpeechSynthesisTaskAsync(new GetSpeechSynthesisTaskRequest { TaskId = text })",
        "polly:GetSpeechSynthesisTask *")]
    [InlineData("_polly.ListSpeechSynthesisTasksAsync(new ListSpeechSynthesisTasksRequest { Status = TaskStatus.Completed })",
        "polly:ListSpeechSynthesisTasks *")]
    public void Each_call_is_granted_its_action_and_the_resources_it_writes(string call, string expected)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.Polly;
            using Amazon.Polly.Model;
            namespace App;
            public class Handler
            {
                private readonly IAmazonPolly _polly = new AmazonPollyClient();
                private static string Env(string name) => Environment.GetEnvironmentVariable(name)!;
                public Task Run(string text) => {{call}};
            }
            """, "BUCKET: !Ref Audio\nLEXICON: !Ref Lexicon",
            parameters: "Audio:\n  Type: String\nLexicon:\n  Type: String");

        report.Findings.Should().NotContain(f => f.Severity >= Severity.Warning);
        report.Grants().Select(g => g.Replace(Polly, "Polly").Replace(S3, "S3")).Should().Equal(expected.Split('|'));
    }

    [Fact]
    public void A_topic_the_template_makes_is_published_to_by_its_ARN()
    {
        var report = OneFunction.Run("""
            Done:
              Type: AWS::SNS::Topic
            Audio:
              Type: AWS::S3::Bucket
            """, """
            using Amazon.Polly;
            using Amazon.Polly.Model;
            namespace App;
            public class Handler
            {
                public Task Run(string text) => new AmazonPollyClient().StartSpeechSynthesisTaskAsync(new StartSpeechSynthesisTaskRequest
                {
                    Text = text,
                    OutputS3BucketName = Environment.GetEnvironmentVariable("BUCKET"),
                    OutputS3KeyPrefix = "speech/" + Environment.GetEnvironmentVariable("STAGE") + "/",
                    SnsTopicArn = Environment.GetEnvironmentVariable("TOPIC"),
                });
            }
            """, "BUCKET: !Ref Audio\nTOPIC: !Ref Done\nSTAGE: prod");

        report.Grants().Should().Equal(
            "polly:StartSpeechSynthesisTask *",
            $"s3:PutObject {S3}${{Audio}}/speech/prod/*",
            "sns:Publish ${Done}");
    }

    [Fact]
    public void Lexicons_known_only_at_run_time_may_be_none_so_the_call_is_granted_on_any_resource()
    {
        var report = OneFunction.Run("", """
            using Amazon.Polly;
            using Amazon.Polly.Model;
            namespace App;
            public class Handler
            {
                public Task Run(string text, List<string> lexicons) =>
                    new AmazonPollyClient().SynthesizeSpeechAsync(new SynthesizeSpeechRequest { Text = text, LexiconNames = lexicons });
            }
            """);

        // An unknown list may be empty (no lexicon: *) or name any lexicon (lexicon/*, which * covers).
        report.Grants().Should().Equal("polly:SynthesizeSpeech *");
        report.Findings.Should().ContainSingle(f => f.Code == FindingCodes.UnresolvedResource).Which.Message.Should().Contain("polly:SynthesizeSpeech");
    }

    [Fact]
    public void A_method_the_table_does_not_map_is_still_RG1001()
    {
        var report = OneFunction.Run("", """
            using Amazon.Polly;
            using Amazon.Polly.Model;
            namespace App;
            public class Handler
            {
                public Task Run() => new AmazonPollyClient().PutLexiconAsync(new PutLexiconRequest { Name = "brands", Content = "<lexicon/>" });
            }
            """);

        report.Findings.Should().Contain(f => f.Code == FindingCodes.UnknownSdkCall && f.Message.Contains("PutLexiconAsync"));
    }
}
