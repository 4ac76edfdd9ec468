using FluentAssertions;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// Amazon Translate through the real mapping table: a translation is authorized on the custom terminologies the request
/// names, else on * (the terminology resource type is optional).
/// </summary>
public class TranslateTests
{
    private const string Translate = "arn:${AWS::Partition}:translate:${AWS::Region}:${AWS::AccountId}:";

    [Theory]
    [InlineData("_translate.TranslateTextAsync(new TranslateTextRequest { Text = text, SourceLanguageCode = \"auto\", TargetLanguageCode = \"de\" })",
        "translate:TranslateText *")]
    [InlineData("_translate.TranslateTextAsync(new TranslateTextRequest { Text = text, SourceLanguageCode = \"en\", TargetLanguageCode = \"fr\", TerminologyNames = new List<string> { \"products\", \"legal\" } })",
        "translate:TranslateText Translateterminology/legal|translate:TranslateText Translateterminology/products")]
    [InlineData("_translate.TranslateTextAsync(new TranslateTextRequest { Text = text, TargetLanguageCode = \"es\", TerminologyNames = [Env(\"TERMS\")] })",
        "translate:TranslateText Translateterminology/${Terms}")]
    [InlineData("_translate.TranslateDocumentAsync(new TranslateDocumentRequest { Document = new Document { Content = new MemoryStream(), ContentType = \"text/html\" }, SourceLanguageCode = \"en\", TargetLanguageCode = \"ja\" })",
        "translate:TranslateDocument *")]
    [InlineData("_translate.TranslateDocumentAsync(new TranslateDocumentRequest { Document = new Document { Content = new MemoryStream(), ContentType = \"text/plain\" }, TargetLanguageCode = \"ja\", TerminologyNames = new List<string> { \"products\" } })",
        "translate:TranslateDocument Translateterminology/products")]
    public void Each_translation_is_granted_on_the_terminologies_it_names_or_on_any_resource(string call, string expected)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.Translate;
            using Amazon.Translate.Model;
            namespace App;
            public class Handler
            {
                private readonly IAmazonTranslate _translate = new AmazonTranslateClient();
                private static string Env(string name) => Environment.GetEnvironmentVariable(name)!;
                public Task Run(string text) => {{call}};
            }
            """, "TERMS: !Ref Terms", parameters: "Terms:\n  Type: String");

        report.Findings.Should().NotContain(f => f.Severity >= Severity.Warning);
        report.Grants().Select(g => g.Replace(Translate, "Translate")).Should().Equal(expected.Split('|'));
    }

    [Fact]
    public void A_method_the_table_does_not_map_is_still_RG1001()
    {
        var report = OneFunction.Run("", """
            using Amazon.Translate;
            using Amazon.Translate.Model;
            namespace App;
            public class Handler
            {
                public Task Run() => new AmazonTranslateClient().StartTextTranslationJobAsync(new StartTextTranslationJobRequest());
            }
            """);

        report.Findings.Should().Contain(f => f.Code == FindingCodes.UnknownSdkCall && f.Message.Contains("StartTextTranslationJobAsync"));
    }
}
