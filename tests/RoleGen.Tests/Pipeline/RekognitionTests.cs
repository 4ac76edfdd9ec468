using FluentAssertions;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// Amazon Rekognition through the real mapping table: image analyses are authorized on * (no resource type), collection
/// calls on the collection, custom labels on the model version; an image or video in S3 (S3Object) is read with the
/// function's own s3:GetObject (s3:GetObjectVersion with a Version), an image sent as Bytes needs none; a video job's
/// NotificationChannel passes its role (iam:PassRole).
/// </summary>
public class RekognitionTests
{
    private const string Rek = "arn:${AWS::Partition}:rekognition:${AWS::Region}:${AWS::AccountId}:";
    private const string S3 = "arn:${AWS::Partition}:s3:::";

    [Theory]
    // Image in S3: the object is read with the caller's permissions.
    [InlineData("_rek.DetectLabelsAsync(new DetectLabelsRequest { Image = new Image { S3Object = new S3Object { Bucket = \"photos\", Name = \"in/cat.jpg\" } }, MaxLabels = 10 })",
        "rekognition:DetectLabels *|s3:GetObject S3photos/in/cat.jpg")]
    // Image as bytes: no S3 permission.
    [InlineData("_rek.DetectLabelsAsync(new DetectLabelsRequest { Image = new Image { Bytes = new MemoryStream() } })",
        "rekognition:DetectLabels *")]
    // A versioned object: S3 authorizes the read of a version as GetObjectVersion.
    [InlineData("_rek.DetectFacesAsync(new DetectFacesRequest { Image = new Image { S3Object = new S3Object { Bucket = \"photos\", Name = \"a.png\", Version = \"v1\" } } })",
        "rekognition:DetectFaces *|s3:GetObjectVersion S3photos/a.png")]
    // Bucket from the template (environment variable), key known only at run time.
    [InlineData("_rek.DetectTextAsync(new DetectTextRequest { Image = new Image { S3Object = new S3Object { Bucket = Env(\"BUCKET\"), Name = \"uploads/\" + key } } })",
        "rekognition:DetectText *|s3:GetObject S3${Uploads}/uploads/*")]
    [InlineData("_rek.DetectModerationLabelsAsync(new DetectModerationLabelsRequest { Image = new Image { Bytes = new MemoryStream() } })",
        "rekognition:DetectModerationLabels *")]
    [InlineData("_rek.DetectModerationLabelsAsync(new DetectModerationLabelsRequest { Image = new Image { Bytes = new MemoryStream() }, ProjectVersion = \"arn:aws:rekognition:eu-west-1:111122223333:project/mod/version/v2/1700000000000\" })",
        "rekognition:DetectModerationLabels arn:aws:rekognition:eu-west-1:111122223333:project/mod/version/v2/1700000000000")]
    [InlineData("_rek.DetectProtectiveEquipmentAsync(new DetectProtectiveEquipmentRequest { Image = new Image { S3Object = new S3Object { Bucket = \"site\", Name = \"cam1.jpg\" } } })",
        "rekognition:DetectProtectiveEquipment *|s3:GetObject S3site/cam1.jpg")]
    [InlineData("_rek.RecognizeCelebritiesAsync(new RecognizeCelebritiesRequest { Image = new Image { Bytes = new MemoryStream() } })",
        "rekognition:RecognizeCelebrities *")]
    [InlineData("_rek.DetectCustomLabelsAsync(new DetectCustomLabelsRequest { ProjectVersionArn = \"arn:aws:rekognition:us-east-1:111122223333:project/parts/version/parts.v1/1690000000000\", Image = new Image { S3Object = new S3Object { Bucket = \"parts\", Name = \"p.jpg\" } } })",
        "rekognition:DetectCustomLabels arn:aws:rekognition:us-east-1:111122223333:project/parts/version/parts.v1/1690000000000|s3:GetObject S3parts/p.jpg")]
    // CompareFaces: both images, each from S3 or bytes.
    [InlineData("_rek.CompareFacesAsync(new CompareFacesRequest { SourceImage = new Image { S3Object = new S3Object { Bucket = \"ids\", Name = \"passport.jpg\" } }, TargetImage = new Image { S3Object = new S3Object { Bucket = \"selfies\", Name = \"me.jpg\" } } })",
        "rekognition:CompareFaces *|s3:GetObject S3ids/passport.jpg|s3:GetObject S3selfies/me.jpg")]
    [InlineData("_rek.CompareFacesAsync(new CompareFacesRequest { SourceImage = new Image { Bytes = new MemoryStream() }, TargetImage = new Image { S3Object = new S3Object { Bucket = \"selfies\", Name = \"me.jpg\" } } })",
        "rekognition:CompareFaces *|s3:GetObject S3selfies/me.jpg")]
    // Collections.
    [InlineData("_rek.IndexFacesAsync(new IndexFacesRequest { CollectionId = \"staff\", Image = new Image { S3Object = new S3Object { Bucket = \"badges\", Name = \"b.jpg\" } }, ExternalImageId = \"b\" })",
        "rekognition:IndexFaces Rekcollection/staff|s3:GetObject S3badges/b.jpg")]
    [InlineData("_rek.SearchFacesByImageAsync(new SearchFacesByImageRequest { CollectionId = Env(\"COLLECTION\"), Image = new Image { Bytes = new MemoryStream() } })",
        "rekognition:SearchFacesByImage Rekcollection/${Faces}")]
    [InlineData("_rek.SearchFacesAsync(new SearchFacesRequest { CollectionId = \"staff\", FaceId = id })",
        "rekognition:SearchFaces Rekcollection/staff")]
    [InlineData("_rek.ListFacesAsync(new ListFacesRequest { CollectionId = \"staff\" })",
        "rekognition:ListFaces Rekcollection/staff")]
    [InlineData("_rek.DeleteFacesAsync(new DeleteFacesRequest { CollectionId = \"staff\", FaceIds = new List<string> { id } })",
        "rekognition:DeleteFaces Rekcollection/staff")]
    [InlineData("_rek.CreateCollectionAsync(new CreateCollectionRequest { CollectionId = \"staff\" })",
        "rekognition:CreateCollection *")]
    [InlineData("_rek.CreateCollectionAsync(new CreateCollectionRequest { CollectionId = \"staff\", Tags = new Dictionary<string, string> { [\"team\"] = \"hr\" } })",
        "rekognition:CreateCollection *|rekognition:TagResource Rekcollection/staff")]
    [InlineData("_rek.SearchUsersByImageAsync(new SearchUsersByImageRequest { CollectionId = \"staff\", Image = new Image { S3Object = new S3Object { Bucket = \"door\", Name = key } } })",
        "rekognition:SearchUsersByImage Rekcollection/staff|s3:GetObject S3door/*")]
    // Stored video: the video is always in S3; the job's results are read by JobId (no resource type).
    [InlineData("_rek.StartLabelDetectionAsync(new StartLabelDetectionRequest { Video = new Video { S3Object = new S3Object { Bucket = \"videos\", Name = \"clip.mp4\" } } })",
        "rekognition:StartLabelDetection *|s3:GetObject S3videos/clip.mp4")]
    [InlineData("_rek.StartFaceDetectionAsync(new StartFaceDetectionRequest { Video = new Video { S3Object = new S3Object { Bucket = \"videos\", Name = \"clip.mp4\" } }, NotificationChannel = new NotificationChannel { RoleArn = \"arn:aws:iam::111122223333:role/RekognitionSns\", SNSTopicArn = \"arn:aws:sns:us-east-1:111122223333:AmazonRekognitionDone\" } })",
        "iam:PassRole arn:aws:iam::111122223333:role/RekognitionSns if StringEquals{iam:PassedToService=rekognition.amazonaws.com}|rekognition:StartFaceDetection *|s3:GetObject S3videos/clip.mp4")]
    [InlineData("_rek.StartFaceSearchAsync(new StartFaceSearchRequest { CollectionId = \"staff\", Video = new Video { S3Object = new S3Object { Bucket = \"videos\", Name = \"door.mp4\" } } })",
        "rekognition:StartFaceSearch Rekcollection/staff|s3:GetObject S3videos/door.mp4")]
    [InlineData("_rek.GetLabelDetectionAsync(new GetLabelDetectionRequest { JobId = id })",
        "rekognition:GetLabelDetection *")]
    public void Each_call_is_granted_its_action_and_the_S3_object_it_reads(string call, string expected)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.Rekognition;
            using Amazon.Rekognition.Model;
            namespace App;
            public class Handler
            {
                private readonly IAmazonRekognition _rek = new AmazonRekognitionClient();
                private static string Env(string name) => Environment.GetEnvironmentVariable(name)!;
                public Task Run(string key, string id) => {{call}};
            }
            """, "BUCKET: !Ref Uploads\nCOLLECTION: !Ref Faces",
            parameters: "Uploads:\n  Type: String\nFaces:\n  Type: String");

        report.Findings.Should().NotContain(f => f.Severity >= Severity.Error);
        report.Grants().Select(g => g.Replace(Rek, "Rek").Replace(S3, "S3")).Should().Equal(expected.Split('|'));
    }

    [Fact]
    public void An_image_passed_in_may_be_in_S3_so_its_read_is_granted_with_a_finding()
    {
        var report = OneFunction.Run("", """
            using Amazon.Rekognition;
            using Amazon.Rekognition.Model;
            namespace App;
            public class Handler
            {
                public Task Run(Image image) => new AmazonRekognitionClient().DetectLabelsAsync(new DetectLabelsRequest { Image = image });
            }
            """);

        report.Grants().Should().Equal(
            "rekognition:DetectLabels *", $"s3:GetObject {S3}*/*", $"s3:GetObjectVersion {S3}*/*");
        report.Findings.Should().ContainSingle(f => f.Code == FindingCodes.UnresolvedResource).Which.Message.Should().Contain("s3:GetObject");
    }

    [Fact]
    public void A_role_the_template_makes_is_passed_by_its_ARN()
    {
        var report = OneFunction.Run("""
            NotifyRole:
              Type: AWS::IAM::Role
              Properties:
                AssumeRolePolicyDocument: {}
            """, """
            using Amazon.Rekognition;
            using Amazon.Rekognition.Model;
            namespace App;
            public class Handler
            {
                public Task Run(string key) => new AmazonRekognitionClient().StartLabelDetectionAsync(new StartLabelDetectionRequest
                {
                    Video = new Video { S3Object = new S3Object { Bucket = "videos", Name = key } },
                    NotificationChannel = new NotificationChannel { RoleArn = Environment.GetEnvironmentVariable("ROLE"), SNSTopicArn = Environment.GetEnvironmentVariable("TOPIC") },
                });
            }
            """, "ROLE: !GetAtt NotifyRole.Arn\nTOPIC: arn:aws:sns:us-east-1:111122223333:AmazonRekognitionDone");

        report.Grants().Should().Equal(
            "iam:PassRole ${NotifyRole.Arn} if StringEquals{iam:PassedToService=rekognition.amazonaws.com}",
            "rekognition:StartLabelDetection *",
            $"s3:GetObject {S3}videos/*");
    }

    [Fact]
    public void A_role_ARN_from_a_String_parameter_is_passed_as_the_whole_ARN()
    {
        var report = OneFunction.Run("", """
            using Amazon.Rekognition;
            using Amazon.Rekognition.Model;
            namespace App;
            public class Handler
            {
                public Task Run() => new AmazonRekognitionClient().StartLabelDetectionAsync(new StartLabelDetectionRequest
                {
                    Video = new Video { S3Object = new S3Object { Bucket = "videos", Name = "clip.mp4" } },
                    NotificationChannel = new NotificationChannel { RoleArn = Environment.GetEnvironmentVariable("ROLE"), SNSTopicArn = "arn:aws:sns:us-east-1:111122223333:Done" },
                });
            }
            """, "ROLE: !Ref NotifyRoleArn", parameters: "NotifyRoleArn:\n  Type: String");

        report.Grants().Should().Contain("iam:PassRole ${NotifyRoleArn} if StringEquals{iam:PassedToService=rekognition.amazonaws.com}");
    }

    [Fact]
    public void A_method_the_table_does_not_map_is_still_RG1001()
    {
        var report = OneFunction.Run("", """
            using Amazon.Rekognition;
            using Amazon.Rekognition.Model;
            namespace App;
            public class Handler
            {
                public Task Run() => new AmazonRekognitionClient().StartStreamProcessorAsync(new StartStreamProcessorRequest { Name = "door" });
            }
            """);

        report.Findings.Should().Contain(f => f.Code == FindingCodes.UnknownSdkCall && f.Message.Contains("StartStreamProcessorAsync"));
    }
}
