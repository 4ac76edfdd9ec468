using Amazon.Lambda.Annotations;

namespace App;

public class Functions(IItemStore store)
{
    [LambdaFunction]
    public Task PutItem(string id) => store.PutAsync(id);

    [LambdaFunction]
    public Task Audit([FromServices] IAuditLog log, string id) => log.WriteAsync(id);
}
