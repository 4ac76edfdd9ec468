namespace RoleGen.Tests.Diff;

/// <summary>
/// The small application of the golden diff tests, at two revisions. Base: OrderFunction reads an order and writes it
/// to S3; ReportFunction scans the table. Head: OrderFunction deletes the order instead of writing it to S3 (one
/// DeleteItem call added, the PutObject call removed), and a new ArchiveFunction reads any object under archive/.
/// </summary>
internal static class DiffApp
{
    public const string BaseTemplate = """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: dotnet8
            CodeUri: ./src/App/
        Resources:
          OrdersTable:
            Type: AWS::DynamoDB::Table
          Uploads:
            Type: AWS::S3::Bucket
          OrderFunction:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: orders
              Handler: App::App.Orders::Handle
              Environment:
                Variables:
                  TABLE_NAME: !Ref OrdersTable
                  BUCKET: !Ref Uploads
          ReportFunction:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: reports
              Handler: App::App.Reports::Handle
              Environment:
                Variables:
                  TABLE_NAME: !Ref OrdersTable

        """;

    public const string HeadTemplate = BaseTemplate + """
          ArchiveFunction:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: archive
              Handler: App::App.Archive::Handle
              Environment:
                Variables:
                  BUCKET: !Ref Uploads

        """;

    public const string BaseOrders = """
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.Model;
        using Amazon.S3;
        using Amazon.S3.Model;

        namespace App;

        public class Orders
        {
            private static readonly string Table = Environment.GetEnvironmentVariable("TABLE_NAME")!;
            private readonly IAmazonDynamoDB _db = new AmazonDynamoDBClient();
            private readonly IAmazonS3 _s3 = new AmazonS3Client();

            public async Task Handle(string id)
            {
                await _db.GetItemAsync(new GetItemRequest { TableName = Table });
                await _s3.PutObjectAsync(new PutObjectRequest { BucketName = Environment.GetEnvironmentVariable("BUCKET"), Key = "orders/" + id + ".json" });
            }
        }

        """;

    public const string HeadOrders = """
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.Model;

        namespace App;

        public class Orders
        {
            private static readonly string Table = Environment.GetEnvironmentVariable("TABLE_NAME")!;
            private readonly IAmazonDynamoDB _db = new AmazonDynamoDBClient();

            public async Task Handle(string id)
            {
                await _db.GetItemAsync(new GetItemRequest { TableName = Table });
                await _db.DeleteItemAsync(new DeleteItemRequest { TableName = Table });
            }
        }

        """;

    public const string Reports = """
        using Amazon.DynamoDBv2;
        using Amazon.DynamoDBv2.Model;

        namespace App;

        public class Reports
        {
            private readonly IAmazonDynamoDB _db = new AmazonDynamoDBClient();

            public Task Handle() => _db.ScanAsync(new ScanRequest { TableName = Environment.GetEnvironmentVariable("TABLE_NAME") });
        }

        """;

    public const string Archive = """
        using Amazon.S3;

        namespace App;

        public class Archive
        {
            private readonly IAmazonS3 _s3 = new AmazonS3Client();

            public Task Handle(string key) => _s3.GetObjectAsync(Environment.GetEnvironmentVariable("BUCKET"), "archive/" + key);
        }

        """;

    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net8.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
          <ItemGroup>
            <PackageReference Include="AWSSDK.DynamoDBv2" Version="3.7.400" />
            <PackageReference Include="AWSSDK.S3" Version="3.7.400" />
          </ItemGroup>
        </Project>

        """;

    /// <summary>A repository with the base committed, and the head either committed on top or left in the working tree.</summary>
    public static GitRepo Create(bool commitHead)
    {
        var repo = new GitRepo()
            .With("template.yaml", BaseTemplate)
            .With("src/App/App.csproj", Project)
            .With("src/App/Orders.cs", BaseOrders)
            .With("src/App/Reports.cs", Reports)
            .Commit("base");
        repo.With("template.yaml", HeadTemplate).With("src/App/Orders.cs", HeadOrders).With("src/App/Archive.cs", Archive);
        if (commitHead) repo.Commit("head: delete orders instead of writing them to S3; archive function");
        return repo;
    }
}
