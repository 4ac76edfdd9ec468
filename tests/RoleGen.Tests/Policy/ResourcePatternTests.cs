using FluentAssertions;
using RoleGen.Core.Mappings;
using RoleGen.Core.Policy;
using Xunit;

namespace RoleGen.Tests.Policy;

public class ResourcePatternTests
{
    [Theory]
    [InlineData("arn:aws:s3:::b/*", "arn:aws:s3:::b/invoices/1.pdf", true)]
    [InlineData("arn:aws:s3:::b/*", "arn:aws:s3:::b", false)]
    [InlineData("arn:aws:s3:::b/*.pdf", "arn:aws:s3:::b/x.pdf.pdf", true)]
    [InlineData("arn:aws:s3:::b/*/*.csv", "arn:aws:s3:::b/exports/2024/1.csv", true)]
    [InlineData("arn:aws:s3:::b/*/*.csv", "arn:aws:s3:::b/1.csv", false)]
    [InlineData("arn:aws:s3:::b/a?c", "arn:aws:s3:::b/abc", true)]
    [InlineData("arn:aws:s3:::b/a?c", "arn:aws:s3:::b/ac", false)]
    [InlineData("arn:aws:s3:::B/*", "arn:aws:s3:::b/x", false)]
    [InlineData("arn:aws:s3:::b/x", "arn:aws:s3:::b/x", true)]
    [InlineData("arn:aws:s3:::b/x", "arn:aws:s3:::b/y", false)]
    [InlineData("${Uploads.Arn}/*", "${Uploads.Arn}/in/*", true)]
    [InlineData("arn:aws:s3:::b/in/*", "arn:aws:s3:::b/*", false)]
    [InlineData("*", "anything", true)]
    [InlineData("a*b*c", "aXbYbZc", true)]
    [InlineData("a*b*c", "aXbYbZ", false)]
    [InlineData("a.b*", "aXb", false)]
    public void A_wildcard_resource_covers_what_it_matches_exactly(string broad, string narrow, bool covers) =>
        ResourcePattern.Covers(broad, narrow).Should().Be(covers);

    [Theory]
    [InlineData("s3:*Object*", "s3:GetObjectVersion", true)]
    [InlineData("s3:**", "s3:", true)]
    [InlineData("s3:Get*Acl", "s3:GetObjectAcl", true)]
    [InlineData("s3:Get*Acl", "s3:GetObjectAclX", false)]
    [InlineData("DYNAMODB:get?tem", "dynamodb:GetItem", true)]
    public void Action_patterns_backtrack_to_the_last_star(string pattern, string action, bool matches) =>
        IamGlob.Matches(pattern, action).Should().Be(matches);
}
