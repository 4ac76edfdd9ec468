using RoleGen.Core;
using RoleGen.Core.Check;
using RoleGen.Core.Diagnostics;
using RoleGen.Tests.Mappings;
using RoleGen.Tests.Pipeline;

namespace RoleGen.Tests.Check;

/// <summary>A throwaway app whose code reads s3://${Uploads}/in.json (Read) and writes s3://${Uploads}/out.json (Write), with the template under test.</summary>
internal static class CheckApp
{
    public static readonly Lazy<RoleChecker> Checker = new(() => RoleChecker.Load(RealTable.Directory));

    /// <summary>Line 6 of Functions.cs is the GetObjectAsync call; line 7 the PutObjectAsync call.</summary>
    public const string Code = """
        using Amazon.S3;
        namespace App;
        public class Functions
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();
            public Task Read() => _s3.GetObjectAsync(Environment.GetEnvironmentVariable("BUCKET"), "in.json");
            public Task Write() => _s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = Environment.GetEnvironmentVariable("BUCKET"), Key = "out.json" });
        }
        """;

    public const string Header = """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: dotnet8
            CodeUri: ./src/App/
            Environment:
              Variables:
                BUCKET: !Ref Uploads
        Resources:
          Uploads:
            Type: AWS::S3::Bucket
        """;

    public static TempApp Create(string resources) =>
        new TempApp().With("template.yaml", Header + "\n" + resources).WithProject("src/App", "App").With("src/App/Functions.cs", Code);

    public static RoleGenReport Check(TempApp app, params string[] functions) => Checker.Value.Check(app.TemplatePath, functions);

    public static IEnumerable<Finding> CheckFindings(this RoleGenReport report, string function) =>
        report.Functions.Single(f => f.LogicalId == function).Findings.Where(f => f.Code.StartsWith("RG300", StringComparison.Ordinal) && f.Code != "RG3004" && f.Code != "RG3005");
}
