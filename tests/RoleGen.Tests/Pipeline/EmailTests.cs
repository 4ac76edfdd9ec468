using FluentAssertions;
using RoleGen.Core.Diagnostics;
using Xunit;

namespace RoleGen.Tests.Pipeline;

/// <summary>
/// Amazon SES v1 and v2 through the real mapping table: sending is authorized on the sender's identity, the address's
/// own or its domain's (both granted), and on the template and configuration set the request names.
/// </summary>
public class EmailTests
{
    private const string Ses = "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:";

    [Theory]
    [InlineData("_v1.SendEmailAsync(new SendEmailRequest { Source = \"orders@shop.example.org\" })",
        "ses:SendEmail identity/orders@shop.example.org|ses:SendEmail identity/shop.example.org")]
    [InlineData("_v1.SendEmailAsync(new SendEmailRequest { Source = \"Shop Orders <orders@shop.example.org>\", ConfigurationSetName = \"tracking\" })",
        "ses:SendEmail configuration-set/tracking|ses:SendEmail identity/orders@shop.example.org|ses:SendEmail identity/shop.example.org")]
    [InlineData("_v1.SendTemplatedEmailAsync(new SendTemplatedEmailRequest { Source = \"no-reply@\" + Env(\"DOMAIN\"), Template = \"Welcome\" })",
        "ses:SendTemplatedEmail identity/${Domain}|ses:SendTemplatedEmail identity/no-reply@${Domain}|ses:SendTemplatedEmail template/Welcome")]
    [InlineData("_v1.SendRawEmailAsync(new SendRawEmailRequest { Source = \"a@example.com\" })",
        "ses:SendRawEmail identity/a@example.com|ses:SendRawEmail identity/example.com")]
    [InlineData("_v2.SendEmailAsync(new V2.SendEmailRequest { FromEmailAddress = \"a@example.com\", Content = new V2.EmailContent { Template = new V2.Template { TemplateName = \"Receipt\" } } })",
        "ses:SendEmail identity/a@example.com|ses:SendEmail identity/example.com|ses:SendEmail template/Receipt")]
    [InlineData("_v2.SendEmailAsync(new V2.SendEmailRequest { FromEmailAddress = \"a@example.com\", Content = new V2.EmailContent { Simple = new V2.Message() } })",
        "ses:SendEmail identity/a@example.com|ses:SendEmail identity/example.com")]
    [InlineData("_v2.CreateContactAsync(new V2.CreateContactRequest { ContactListName = \"newsletter\", EmailAddress = \"x@y.z\" })",
        "ses:CreateContact contact-list/newsletter")]
    [InlineData("_v2.GetAccountAsync(new V2.GetAccountRequest())", "ses:GetAccount *")]
    public void Each_call_is_granted_on_the_identities_and_resources_it_names(string call, string expected)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.SimpleEmail;
            using Amazon.SimpleEmail.Model;
            using Amazon.SimpleEmailV2;
            using V2 = Amazon.SimpleEmailV2.Model;
            namespace App;
            public class Handler
            {
                private readonly IAmazonSimpleEmailService _v1 = new AmazonSimpleEmailServiceClient();
                private readonly IAmazonSimpleEmailServiceV2 _v2 = new AmazonSimpleEmailServiceV2Client();
                private static string Env(string name) => Environment.GetEnvironmentVariable(name)!;
                public Task Run() => {{call}};
            }
            """, "DOMAIN: !Ref Domain", parameters: "Domain:\n  Type: String");

        report.Findings.Should().NotContain(f => f.Severity >= Severity.Warning);
        report.Grants().Select(g => g.Replace(Ses, "")).Should().Equal(expected.Split('|'));
    }

    [Theory]
    [InlineData("Env(\"SENDER\")")]          // a template value that may hold a whole address: its domain is not known
    [InlineData("\"orders@\" + domain")]     // a domain known only at run time
    public void A_sender_whose_domain_is_not_known_may_use_any_identity_with_a_finding(string source)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.SimpleEmail;
            using Amazon.SimpleEmail.Model;
            namespace App;
            public class Handler
            {
                private static string Env(string name) => Environment.GetEnvironmentVariable(name)!;
                public Task Run(string domain) => new AmazonSimpleEmailServiceClient().SendEmailAsync(new SendEmailRequest { Source = {{source}} });
            }
            """, "SENDER: !Ref Sender", parameters: "Sender:\n  Type: String");

        report.Grants().Should().Equal($"ses:SendEmail {Ses}identity/*");
        report.Findings.Should().Contain(f => f.Code == FindingCodes.UnresolvedResource || f.Code == FindingCodes.PartiallyResolvedResource);
    }
}

/// <summary>A raw message without a sender in the request: the identity is the message's From header, which RoleGen does not read.</summary>
public class RawEmailSenderTests
{
    [Theory]
    [InlineData("new AmazonSimpleEmailServiceClient().SendRawEmailAsync(new SendRawEmailRequest { RawMessage = new RawMessage { Data = data } })", "ses:SendRawEmail", "set Source in the request")]
    [InlineData("new AmazonSimpleEmailServiceV2Client().SendEmailAsync(new Amazon.SimpleEmailV2.Model.SendEmailRequest { Content = new EmailContent { Raw = new Amazon.SimpleEmailV2.Model.RawMessage { Data = data } } })", "ses:SendEmail", "set FromEmailAddress in the request")]
    public void The_finding_says_to_name_the_sender_in_the_request(string call, string action, string advice)
    {
        var report = OneFunction.Run("", $$"""
            using Amazon.SimpleEmail;
            using Amazon.SimpleEmail.Model;
            using Amazon.SimpleEmailV2;
            using Amazon.SimpleEmailV2.Model;
            namespace App;
            public class Handler
            {
                public Task Run(MemoryStream data) => {{call}};
            }
            """);

        report.Grants().Should().Equal($"{action} arn:${{AWS::Partition}}:ses:${{AWS::Region}}:${{AWS::AccountId}}:identity/*");
        report.Findings.Should().ContainSingle(f => f.Code == FindingCodes.UnresolvedResource).Which.Message
            .Should().Contain("the request does not name the IdentityName").And.Contain(advice);
    }
}
