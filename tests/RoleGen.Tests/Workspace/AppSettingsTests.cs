using FluentAssertions;
using RoleGen.Core.Workspace;
using RoleGen.Tests.Pipeline;
using Xunit;

namespace RoleGen.Tests.Workspace;

public class AppSettingsTests
{
    [Fact]
    public void Files_are_flattened_to_configuration_keys_with_the_values_of_every_environment()
    {
        using var folder = new TempApp()
            .With("appsettings.json", """
                {
                  // comments are allowed, as the .NET JSON provider allows them
                  "Queue": { "Url": "https://sqs.us-east-1.amazonaws.com/123456789012/orders", "Enabled": true },
                  "Buckets": [ "a", "b" ],
                  "Nothing": null
                }
                """)
            .With("appsettings.Production.json", """{ "queue": { "url": "https://sqs.us-east-1.amazonaws.com/123456789012/orders-prod" } }""")
            .With("appsettings.Broken.json", "{ not json")
            .With("other.json", """{ "Queue": { "Url": "ignored" } }""");

        var settings = AppSettings.Read(folder.Root);

        settings.ValuesOf("Queue:Url").Should().BeEquivalentTo("https://sqs.us-east-1.amazonaws.com/123456789012/orders", "https://sqs.us-east-1.amazonaws.com/123456789012/orders-prod");
        settings.ValuesOf("QUEUE:url").Should().HaveCount(2, "configuration keys are case-insensitive");
        settings.ValuesOf("Queue:Enabled").Should().Equal("true");
        settings.ValuesOf("Buckets:1").Should().Equal("b");
        settings.ValuesOf("Nothing").Should().BeEmpty();
        settings.Files.Select(Path.GetFileName).Should().Equal("appsettings.Broken.json", "appsettings.Production.json", "appsettings.json");
    }
}
