using FluentAssertions;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// Amazon Textract through the real mapping table: every analysis is authorized on * (no resource type); a document in
/// S3 is read with the function's own s3:GetObject (s3:GetObjectVersion with a Version), one sent as Bytes needs none;
/// a job's NotificationChannel passes its role (iam:PassRole), and its OutputConfig bucket is written with the function's
/// s3:PutObject (and KMSKeyId's key used).
/// </summary>
public class TextractTests
{
    private const string S3 = "arn:${AWS::Partition}:s3:::";
    private const string Kms = "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:";

    [Theory]
    [InlineData("_textract.DetectDocumentTextAsync(new DetectDocumentTextRequest { Document = new Document { S3Object = new S3Object { Bucket = \"scans\", Name = \"in/receipt.png\" } } })",
        "s3:GetObject S3scans/in/receipt.png|textract:DetectDocumentText *")]
    [InlineData("_textract.DetectDocumentTextAsync(new DetectDocumentTextRequest { Document = new Document { Bytes = new MemoryStream() } })",
        "textract:DetectDocumentText *")]
    [InlineData("_textract.AnalyzeDocumentAsync(new AnalyzeDocumentRequest { Document = new Document { S3Object = new S3Object { Bucket = Env(\"BUCKET\"), Name = \"forms/\" + key, Version = \"v2\" } }, FeatureTypes = new List<string> { \"FORMS\", \"TABLES\" } })",
        "s3:GetObjectVersion S3${Uploads}/forms/*|textract:AnalyzeDocument *")]
    [InlineData("_textract.AnalyzeExpenseAsync(new AnalyzeExpenseRequest { Document = new Document { S3Object = new S3Object { Bucket = \"receipts\", Name = key } } })",
        "s3:GetObject S3receipts/*|textract:AnalyzeExpense *")]
    // AnalyzeID: each page is a Document of its own, in S3 or sent as bytes.
    [InlineData("_textract.AnalyzeIDAsync(new AnalyzeIDRequest { DocumentPages = new List<Document> { new Document { S3Object = new S3Object { Bucket = \"ids\", Name = \"front.jpg\" } }, new Document { Bytes = new MemoryStream() }, new Document { S3Object = new S3Object { Bucket = \"ids\", Name = \"back.jpg\" } } } })",
        "s3:GetObject S3ids/back.jpg|s3:GetObject S3ids/front.jpg|textract:AnalyzeID *")]
    // Jobs: the document is always in S3.
    [InlineData("_textract.StartDocumentTextDetectionAsync(new StartDocumentTextDetectionRequest { DocumentLocation = new DocumentLocation { S3Object = new S3Object { Bucket = \"scans\", Name = \"contract.pdf\" } } })",
        "s3:GetObject S3scans/contract.pdf|textract:StartDocumentTextDetection *")]
    [InlineData("_textract.StartDocumentAnalysisAsync(new StartDocumentAnalysisRequest { DocumentLocation = new DocumentLocation { S3Object = new S3Object { Bucket = \"scans\", Name = key } }, FeatureTypes = new List<string> { \"TABLES\" }, NotificationChannel = new NotificationChannel { RoleArn = \"arn:aws:iam::111122223333:role/TextractSns\", SNSTopicArn = \"arn:aws:sns:us-east-1:111122223333:AmazonTextractDone\" } })",
        "iam:PassRole arn:aws:iam::111122223333:role/TextractSns if StringEquals{iam:PassedToService=textract.amazonaws.com}|s3:GetObject S3scans/*|textract:StartDocumentAnalysis *")]
    // Output in the caller's bucket: under S3Prefix, "textract_output" when none is set.
    [InlineData("_textract.StartExpenseAnalysisAsync(new StartExpenseAnalysisRequest { DocumentLocation = new DocumentLocation { S3Object = new S3Object { Bucket = \"scans\", Name = \"invoice.pdf\" } }, OutputConfig = new OutputConfig { S3Bucket = \"results\", S3Prefix = \"expenses\" } })",
        "s3:GetObject S3scans/invoice.pdf|s3:PutObject S3results/expenses*|textract:StartExpenseAnalysis *")]
    [InlineData("_textract.StartDocumentTextDetectionAsync(new StartDocumentTextDetectionRequest { DocumentLocation = new DocumentLocation { S3Object = new S3Object { Bucket = \"scans\", Name = \"a.pdf\" } }, OutputConfig = new OutputConfig { S3Bucket = \"results\" }, KMSKeyId = \"1234abcd-12ab-34cd-56ef-1234567890ab\" })",
        "kms:Decrypt Kmskey/1234abcd-12ab-34cd-56ef-1234567890ab|kms:DescribeKey Kmskey/1234abcd-12ab-34cd-56ef-1234567890ab|kms:GenerateDataKey Kmskey/1234abcd-12ab-34cd-56ef-1234567890ab|s3:GetObject S3scans/a.pdf|s3:PutObject S3results/textract_output*|textract:StartDocumentTextDetection *")]
    // A key alias: the key it points to is not known, so any key asked for by that alias (kms:RequestAlias, as s3.yaml's SSE-KMS keys).
    [InlineData("_textract.StartDocumentTextDetectionAsync(new StartDocumentTextDetectionRequest { DocumentLocation = new DocumentLocation { S3Object = new S3Object { Bucket = \"scans\", Name = \"a.pdf\" } }, OutputConfig = new OutputConfig { S3Bucket = \"results\", S3Prefix = \"out/\" }, KMSKeyId = \"alias/textract-output\" })",
        "kms:Decrypt Kmskey/* if StringEquals{kms:RequestAlias=alias/textract-output}|kms:DescribeKey Kmskey/* if StringEquals{kms:RequestAlias=alias/textract-output}|kms:GenerateDataKey Kmskey/* if StringEquals{kms:RequestAlias=alias/textract-output}|s3:GetObject S3scans/a.pdf|s3:PutObject S3results/out/*|textract:StartDocumentTextDetection *")]
    [InlineData("_textract.GetDocumentAnalysisAsync(new GetDocumentAnalysisRequest { JobId = key })",
        "textract:GetDocumentAnalysis *")]
    [InlineData("_textract.GetDocumentTextDetectionAsync(new GetDocumentTextDetectionRequest { JobId = key, MaxResults = 1000 })",
        "textract:GetDocumentTextDetection *")]
    [InlineData("_textract.GetExpenseAnalysisAsync(new GetExpenseAnalysisRequest { JobId = key })",
        "textract:GetExpenseAnalysis *")]
    public void Each_call_is_granted_its_action_and_the_S3_objects_it_reads_and_writes(string call, string expected)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.Textract;
            using Amazon.Textract.Model;
            namespace App;
            public class Handler
            {
                private readonly IAmazonTextract _textract = new AmazonTextractClient();
                private static string Env(string name) => Environment.GetEnvironmentVariable(name)!;
                public Task Run(string key) => {{call}};
            }
            """, "BUCKET: !Ref Uploads", parameters: "Uploads:\n  Type: String");

        report.Findings.Should().NotContain(f => f.Severity >= Severity.Error);
        report.Grants().Select(g => g.Replace(S3, "S3").Replace(Kms, "Kms")).Should().Equal(expected.Split('|'));
    }

    [Fact]
    public void A_document_passed_in_may_be_in_S3_so_its_read_is_granted_with_a_finding()
    {
        var report = OneFunction.Run("", """
            using Amazon.Textract;
            using Amazon.Textract.Model;
            namespace App;
            public class Handler
            {
                public Task Run(Document document) => new AmazonTextractClient().AnalyzeExpenseAsync(new AnalyzeExpenseRequest { Document = document });
            }
            """);

        report.Grants().Should().Equal($"s3:GetObject {S3}*/*", $"s3:GetObjectVersion {S3}*/*", "textract:AnalyzeExpense *");
        report.Findings.Should().ContainSingle(f => f.Code == FindingCodes.UnresolvedResource).Which.Message.Should().Contain("s3:GetObject");
    }

    [Fact]
    public void The_template_s_bucket_role_and_key_are_named_by_their_references()
    {
        var report = OneFunction.Run("""
            Scans:
              Type: AWS::S3::Bucket
            Results:
              Type: AWS::S3::Bucket
            NotifyRole:
              Type: AWS::IAM::Role
              Properties:
                AssumeRolePolicyDocument: {}
            """, """
            using Amazon.Textract;
            using Amazon.Textract.Model;
            namespace App;
            public class Handler
            {
                private static string Env(string name) => Environment.GetEnvironmentVariable(name)!;
                public Task Run(string key) => new AmazonTextractClient().StartDocumentAnalysisAsync(new StartDocumentAnalysisRequest
                {
                    DocumentLocation = new DocumentLocation { S3Object = new S3Object { Bucket = Env("SCANS"), Name = key } },
                    NotificationChannel = new NotificationChannel { RoleArn = Env("ROLE"), SNSTopicArn = Env("TOPIC") },
                    OutputConfig = new OutputConfig { S3Bucket = Env("RESULTS"), S3Prefix = "analysis/" },
                });
            }
            """, "SCANS: !Ref Scans\nRESULTS: !Ref Results\nROLE: !GetAtt NotifyRole.Arn\nTOPIC: arn:aws:sns:us-east-1:111122223333:AmazonTextractDone");

        report.Grants().Should().Equal(
            "iam:PassRole ${NotifyRole.Arn} if StringEquals{iam:PassedToService=textract.amazonaws.com}",
            $"s3:GetObject {S3}${{Scans}}/*",
            $"s3:PutObject {S3}${{Results}}/analysis/*",
            "textract:StartDocumentAnalysis *");
    }

    [Fact]
    public void A_method_the_table_does_not_map_is_still_RG1001()
    {
        var report = OneFunction.Run("", """
            using Amazon.Textract;
            using Amazon.Textract.Model;
            namespace App;
            public class Handler
            {
                public Task Run() => new AmazonTextractClient().StartLendingAnalysisAsync(new StartLendingAnalysisRequest());
            }
            """);

        report.Findings.Should().Contain(f => f.Code == FindingCodes.UnknownSdkCall && f.Message.Contains("StartLendingAnalysisAsync"));
    }
}
