using FluentAssertions;
using RoleGen.Core.Analysis.Events;
using RoleGen.Core.Diagnostics;
using RoleGen.Tests.Mappings;
using Xunit;

namespace RoleGen.Tests.Analysis;

public class EventModelLoaderTests
{
    [Fact]
    public void The_shipped_events_file_loads_and_knows_the_six_sources()
    {
        var model = EventModelLoader.Load(Path.Combine(RealTable.Directory, EventModelLoader.FileName));
        model.Sources.Select(s => s.Name).Should().BeEquivalentTo("S3", "SQS", "Kinesis", "DynamoDB", "SNS", "ApiGateway");
        model.ByEventType("APIGatewayProxyRequest")!.Records.Should().BeNull("a request is one event, read like a record");
        model.Find("ApiGateway")!.Template.Single().Fields["DomainName"].Format.Should().Contain(EventModelLoader.FormatHole);
        model.ByEventType("S3Event")!.FieldAt("S3.Object.Key").Should().Be("ObjectKey");
        model.ByRecordType("SQSMessage")!.Name.Should().Be("SQS");
        model.Find("S3")!.Template.Single().AvoidRef.Should().BeTrue();
    }

    [Theory]
    [InlineData("sources:\n  S3:\n    records: Records\n    fields: { A: x }\n    colour: red\n", "unknown key 'colour'")]
    [InlineData("sources:\n  S3:\n    records: Records\n    fields: { A: x }\n    template:\n      - eventType: S3\n        fields: { B: { property: Bucket } }\n", "'B' is not a field of S3")]
    [InlineData("sources:\n  S3:\n    records: Records\n    fields: { A: x }\n    template:\n      - eventType: S3\n        fields: { A: { property: Bucket, keyFilter: S3Key } }\n", "exactly one of property, keyFilter")]
    [InlineData("sources:\n  A:\n    eventTypes: [E]\n    records: R\n    fields: { F: x }\n  B:\n    eventTypes: [E]\n    records: R\n    fields: { F: x }\n", "type 'E' belongs to more than one source")]
    [InlineData("sources:\n  A:\n    fields: { F: x }\n    template:\n      - eventType: T\n        fields: { F: { property: P, format: \"no-hole\" } }\n", "holds {value}")]
    [InlineData("sources:\n  A:\n    fields: { F: x }\n    template:\n      - eventType: T\n        fields: { F: { keyFilter: S3Key, format: \"{value}\" } }\n", "a format goes with a property")]
    public void Mistakes_stop_the_run(string yaml, string message)
    {
        var load = () => EventModelLoader.Parse("events.yaml", yaml);
        load.Should().Throw<RoleGenInputException>().Which.Message.Should().Contain(message);
    }
}
