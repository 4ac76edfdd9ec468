using Amazon.Kinesis;
using Amazon.Kinesis.Model;
using Amazon.Lambda.KinesisEvents;

namespace App;

public class Forward
{
    private readonly IAmazonKinesis _kinesis = new AmazonKinesisClient();

    public async Task Handle(KinesisEvent evnt)
    {
        for (var i = 0; i < evnt.Records.Count; i++)
        {
            var record = evnt.Records[i];
            await _kinesis.PutRecordAsync(new PutRecordRequest { StreamARN = record.EventSourceARN, PartitionKey = "replay", Data = record.Kinesis.Data });
        }
    }
}
