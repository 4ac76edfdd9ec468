using FluentAssertions;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// Amazon Comprehend through the real mapping table: the built-in real-time analyses are authorized on * (no resource
/// type); a custom entity recognizer or document classifier is used through its endpoint, which the request names.
/// </summary>
public class ComprehendTests
{
    private const string Comprehend = "arn:${AWS::Partition}:comprehend:${AWS::Region}:${AWS::AccountId}:";

    [Theory]
    [InlineData("_comprehend.DetectSentimentAsync(new DetectSentimentRequest { Text = text, LanguageCode = LanguageCode.En })", "comprehend:DetectSentiment *")]
    [InlineData("_comprehend.DetectKeyPhrasesAsync(new DetectKeyPhrasesRequest { Text = text, LanguageCode = \"en\" })", "comprehend:DetectKeyPhrases *")]
    [InlineData("_comprehend.DetectDominantLanguageAsync(new DetectDominantLanguageRequest { Text = text })", "comprehend:DetectDominantLanguage *")]
    [InlineData("_comprehend.DetectPiiEntitiesAsync(new DetectPiiEntitiesRequest { Text = text, LanguageCode = LanguageCode.En })", "comprehend:DetectPiiEntities *")]
    [InlineData("_comprehend.ContainsPiiEntitiesAsync(new ContainsPiiEntitiesRequest { Text = text, LanguageCode = LanguageCode.En })", "comprehend:ContainsPiiEntities *")]
    [InlineData("_comprehend.DetectSyntaxAsync(new DetectSyntaxRequest { Text = text, LanguageCode = SyntaxLanguageCode.En })", "comprehend:DetectSyntax *")]
    [InlineData("_comprehend.DetectTargetedSentimentAsync(new DetectTargetedSentimentRequest { Text = text, LanguageCode = LanguageCode.En })", "comprehend:DetectTargetedSentiment *")]
    [InlineData("_comprehend.DetectToxicContentAsync(new DetectToxicContentRequest { LanguageCode = LanguageCode.En })", "comprehend:DetectToxicContent *")]
    [InlineData("_comprehend.BatchDetectSentimentAsync(new BatchDetectSentimentRequest { TextList = new List<string> { text }, LanguageCode = LanguageCode.En })", "comprehend:BatchDetectSentiment *")]
    [InlineData("_comprehend.BatchDetectEntitiesAsync(new BatchDetectEntitiesRequest { TextList = new List<string> { text }, LanguageCode = LanguageCode.En })", "comprehend:BatchDetectEntities *")]
    [InlineData("_comprehend.BatchDetectKeyPhrasesAsync(new BatchDetectKeyPhrasesRequest { TextList = new List<string> { text } })", "comprehend:BatchDetectKeyPhrases *")]
    [InlineData("_comprehend.BatchDetectDominantLanguageAsync(new BatchDetectDominantLanguageRequest { TextList = new List<string> { text } })", "comprehend:BatchDetectDominantLanguage *")]
    [InlineData("_comprehend.BatchDetectSyntaxAsync(new BatchDetectSyntaxRequest { TextList = new List<string> { text } })", "comprehend:BatchDetectSyntax *")]
    [InlineData("_comprehend.BatchDetectTargetedSentimentAsync(new BatchDetectTargetedSentimentRequest { TextList = new List<string> { text } })", "comprehend:BatchDetectTargetedSentiment *")]
    // The built-in entity model, and a custom recognizer's endpoint.
    [InlineData("_comprehend.DetectEntitiesAsync(new DetectEntitiesRequest { Text = text, LanguageCode = LanguageCode.En })", "comprehend:DetectEntities *")]
    [InlineData("_comprehend.DetectEntitiesAsync(new DetectEntitiesRequest { Text = text, EndpointArn = \"arn:aws:comprehend:eu-west-1:111122223333:entity-recognizer-endpoint/parts\" })",
        "comprehend:DetectEntities arn:aws:comprehend:eu-west-1:111122223333:entity-recognizer-endpoint/parts")]
    [InlineData("_comprehend.ClassifyDocumentAsync(new ClassifyDocumentRequest { Text = text, EndpointArn = Env(\"CLASSIFIER\") })",
        "comprehend:ClassifyDocument ${ClassifierEndpointArn}")]
    public void Each_call_is_granted_its_action_on_the_endpoint_it_names_or_on_any_resource(string call, string expected)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.Comprehend;
            using Amazon.Comprehend.Model;
            namespace App;
            public class Handler
            {
                private readonly IAmazonComprehend _comprehend = new AmazonComprehendClient();
                private static string Env(string name) => Environment.GetEnvironmentVariable(name)!;
                public Task Run(string text) => {{call}};
            }
            """, "CLASSIFIER: !Ref ClassifierEndpointArn", parameters: "ClassifierEndpointArn:\n  Type: String");

        report.Findings.Should().NotContain(f => f.Severity >= Severity.Warning);
        report.Grants().Should().Equal(expected.Split('|'));
    }

    [Fact]
    public void A_classifier_endpoint_known_only_at_run_time_is_any_classifier_endpoint_with_a_finding()
    {
        var report = OneFunction.Run("", """
            using Amazon.Comprehend;
            using Amazon.Comprehend.Model;
            namespace App;
            public class Handler
            {
                public Task Run(string text, string endpoint) =>
                    new AmazonComprehendClient().ClassifyDocumentAsync(new ClassifyDocumentRequest { Text = text, EndpointArn = endpoint });
            }
            """);

        report.Grants().Should().Equal($"comprehend:ClassifyDocument {Comprehend}document-classifier-endpoint/*");
        report.Findings.Should().ContainSingle(f => f.Code == FindingCodes.UnresolvedResource).Which.Message.Should().Contain("comprehend:ClassifyDocument");
    }

    [Fact]
    public void A_method_the_table_does_not_map_is_still_RG1001()
    {
        var report = OneFunction.Run("", """
            using Amazon.Comprehend;
            using Amazon.Comprehend.Model;
            namespace App;
            public class Handler
            {
                public Task Run() => new AmazonComprehendClient().StartSentimentDetectionJobAsync(new StartSentimentDetectionJobRequest());
            }
            """);

        report.Findings.Should().Contain(f => f.Code == FindingCodes.UnknownSdkCall && f.Message.Contains("StartSentimentDetectionJobAsync"));
    }
}
