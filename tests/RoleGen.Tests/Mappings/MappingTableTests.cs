using System.Text.RegularExpressions;
using FluentAssertions;
using RoleGen.Core.Mappings;
using Xunit;

namespace RoleGen.Tests.Mappings;

/// <summary>Table tests over the real mappings/*.yaml: they load, fit the catalogue and cover every SDK operation.</summary>
public class MappingTableTests
{
    [Fact]
    public void Real_table_loads_the_six_services_and_the_partial_ones()
    {
        // The first six are complete (every SDK operation, see below); Step Functions, EventBridge, Lambda, Secrets
        // Manager, Parameter Store, SES, STS, Cognito user pools, Rekognition, the API Gateway Management API, the AI services (Polly, Textract, Comprehend, Translate), CloudWatch metrics, CloudWatch Logs and Firehose map the calls functions make, and the rest of their clients are RG1001.
        RealTable.Value.Services.Select(s => s.Service).Should()
            .BeEquivalentTo(["dynamodb", "kinesis", "kms", "s3", "sns", "sqs", "states", "events", "lambda", "secretsmanager", "ssm", "ses", "sts", "cognito-idp", "rekognition", "execute-api", "polly", "textract", "comprehend", "translate", "cloudwatch", "logs", "firehose", "rds"]);
    }

    [Fact]
    public void Every_action_exists_and_every_on_fits_the_action()
    {
        var table = RealTable.Value;
        var problems = new List<string>();
        foreach (var service in table.Services)
        foreach (var client in service.Clients)
        foreach (var op in client.Operations.Values)
        foreach (var grant in op.Grants)
        {
            var action = table.Catalog.FindAction(grant.Action);
            if (action is null) { problems.Add($"{op.Method}: {grant.Action} unknown"); continue; }
            var types = action.ResourceTypes.Select(r => r.ResourceType).ToList();
            var on = grant.On.Contains(':') && grant.On.StartsWith(action.Prefix + ":") ? grant.On[(action.Prefix.Length + 1)..] : grant.On;
            var fits = on == "*"
                ? types.Count == 0 || (action.ResourceTypes.All(r => !r.Required) && grant.Note is not null)
                : types.Contains(on) || (on.Contains(':') && table.Catalog.Services[on.Split(':')[0]].ResourceArns.ContainsKey(on.Split(':')[1]));
            if (!fits) problems.Add($"{service.File}:{op.Line} {op.Method}: {grant.Action} on {grant.On} (types: {string.Join(",", types)})");
        }
        problems.Should().BeEmpty();
    }

    [Fact]
    public void Every_placeholder_of_every_grant_is_bound()
    {
        var table = RealTable.Value;
        var problems = new List<string>();
        foreach (var service in table.Services)
        foreach (var op in service.Clients.SelectMany(c => c.Operations.Values))
        foreach (var grant in op.Grants.Where(g => g.On != "*"))
        {
            var action = table.Catalog.FindAction(grant.Action)!;
            var (prefix, type) = grant.On.Contains(':') ? (grant.On.Split(':')[0], grant.On.Split(':')[1]) : (action.Prefix, grant.On);
            var arn = table.Catalog.Services[prefix].ResourceArns[type];
            foreach (Match m in Regex.Matches(arn, @"\$\{(\w+)\}"))
            {
                var p = m.Groups[1].Value;
                if (p is "Partition" or "Region" or "Account") continue;
                if (!grant.Bind.ContainsKey(p) && !service.Bind.ContainsKey(p))
                    problems.Add($"{op.Method}: {grant.Action} ${{{p}}}");
            }
        }
        problems.Should().BeEmpty();
    }

    [Fact]
    public void Every_SDK_operation_of_the_six_services_has_an_entry()
    {
        var list = SdkOperationList.Load(Path.Combine(RealTable.Directory, "catalog", SdkOperationList.FileName));
        list.Clients.Select(c => c.Interface).Should().Contain(
        [
            "IAmazonS3", "IAmazonDynamoDB", "IAmazonDynamoDBStreams", "IAmazonSQS",
            "IAmazonSimpleNotificationService", "IAmazonKeyManagementService", "IAmazonKinesis",
        ]);
        var missing = new List<string>();
        foreach (var client in list.Clients)
        {
            RealTable.Value.ClientsByType.Should().ContainKey(client.Interface);
            RealTable.Value.ClientsByType.Should().ContainKey(client.Client);
            var mapped = RealTable.Value.ClientsByType[client.Interface];
            mapped.Namespace.Should().Be(client.Namespace);
            missing.AddRange(client.Methods.Where(m => !mapped.Operations.ContainsKey(m)).Select(m => $"{client.Interface}.{m}"));
        }
        list.Clients.Sum(c => c.Methods.Length).Should().BeGreaterThan(300, "the list must not be empty or truncated");
        missing.Should().BeEmpty();
    }

    [Fact]
    public void Operation_lines_point_at_the_operation()
    {
        foreach (var service in RealTable.Value.Services)
        {
            var lines = File.ReadAllLines(Path.Combine(RealTable.Directory, Path.GetFileName(service.File)));
            foreach (var op in service.Clients.SelectMany(c => c.Operations.Values))
                lines[op.Line - 1].Trim().Should().Be(op.Method + ":");
        }
    }

    [Fact]
    public void Every_no_permission_entry_says_why()
    {
        foreach (var op in RealTable.Value.Services.SelectMany(s => s.Clients).SelectMany(c => c.Operations.Values)
                     .Where(o => o.Grants.IsEmpty))
            op.Note.Should().NotBeNullOrWhiteSpace(op.Method);
    }
}
