using FluentAssertions;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>AWS STS through the real mapping table: assuming a role is granted on that role; asking who one is needs nothing.</summary>
public class SecurityTokenTests
{
    [Theory]
    [InlineData("AssumeRoleAsync(new AssumeRoleRequest { RoleArn = Env(\"READER_ROLE\"), RoleSessionName = \"reader\" })",
        "sts:AssumeRole ${Reader.Arn}")]
    [InlineData("AssumeRoleAsync(new AssumeRoleRequest { RoleArn = \"arn:aws:iam::111122223333:role/audit/Reader\", RoleSessionName = \"s\" })",
        "sts:AssumeRole arn:aws:iam::111122223333:role/audit/Reader")]
    [InlineData("AssumeRoleAsync(new AssumeRoleRequest { RoleArn = Env(\"READER_ROLE\"), RoleSessionName = \"s\", Tags = new List<Tag> { new Tag { Key = \"team\", Value = \"a\" } }, SourceIdentity = \"fn\" })",
        "sts:AssumeRole ${Reader.Arn}|sts:SetSourceIdentity ${Reader.Arn}|sts:TagSession ${Reader.Arn}")]
    [InlineData("GetCallerIdentityAsync(new GetCallerIdentityRequest())", "")]
    [InlineData("AssumeRoleWithWebIdentityAsync(new AssumeRoleWithWebIdentityRequest { RoleArn = Env(\"READER_ROLE\"), WebIdentityToken = \"t\", RoleSessionName = \"s\" })", "")]
    [InlineData("DecodeAuthorizationMessageAsync(new DecodeAuthorizationMessageRequest { EncodedMessage = \"m\" })", "sts:DecodeAuthorizationMessage *")]
    public void Each_call_is_granted_on_the_role_it_names(string call, string expected)
    {
        var report = OneFunction.Run("""
            Reader:
              Type: AWS::IAM::Role
            """, $$"""
            using Amazon.SecurityToken;
            using Amazon.SecurityToken.Model;
            namespace App;
            public class Handler
            {
                private readonly IAmazonSecurityTokenService _sts = new AmazonSecurityTokenServiceClient();
                private static string Env(string name) => Environment.GetEnvironmentVariable(name)!;
                public Task Run() => _sts.{{call}};
            }
            """, "READER_ROLE: !GetAtt Reader.Arn");

        report.Findings.Should().NotContain(f => f.Severity >= Severity.Warning);
        report.Grants().Should().Equal(expected.Length == 0 ? [] : expected.Split('|'));
    }

    [Theory]
    // A request property that holds an ARN (kind arn) is a whole ARN whatever gives it, a String parameter too.
    [InlineData("ROLE: !Ref ReaderRoleArn", "${ReaderRoleArn}")]
    [InlineData("ROLE: !Sub \"arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${ReaderRoleName}\"", "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${ReaderRoleName}")]
    public void A_role_ARN_from_a_template_parameter_is_the_whole_ARN(string environment, string expected)
    {
        var report = OneFunction.Run("", """
            using Amazon.SecurityToken;
            using Amazon.SecurityToken.Model;
            namespace App;
            public class Handler
            {
                public Task Run() => new AmazonSecurityTokenServiceClient().AssumeRoleAsync(new AssumeRoleRequest { RoleArn = Environment.GetEnvironmentVariable("ROLE"), RoleSessionName = "s" });
            }
            """, environment, parameters: "ReaderRoleArn:\n  Type: String\nReaderRoleName:\n  Type: String");

        report.Grants().Should().Equal($"sts:AssumeRole {expected}");
    }
}
