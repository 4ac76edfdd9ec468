using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RoleGen.Core.Analysis.Values;

public sealed partial class ValueResolver
{
    /// <summary>
    /// What a response path holds that the service stores under a name the request gives (mapping <c>stored</c>):
    /// <c>(await ssm.GetParameterAsync(new GetParameterRequest { Name = name })).Parameter.Value</c>, also with <c>?.</c>
    /// and through a local holding the response or the request, is what parameter <c>name</c> stores. Null for anything else.
    /// </summary>
    private Value? StoredResult(ExpressionSyntax expression, ResolveScope scope)
    {
        if (_sdkStored.IsEmpty || MemberChain(expression) is not var (response, path)) return null;
        response = TaskResult(response);
        if (response is IdentifierNameSyntax && LocalInitializer(response) is { } held) response = TaskResult(held);
        if (response is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var method } } call) return null;
        var operation = method.EndsWith("Async", StringComparison.Ordinal) ? method[..^5] : method;
        if (!_sdkStored.TryGetValue(operation + "." + path, out var stored)) return null;
        var arguments = call.ArgumentList.Arguments;
        if (arguments.Count == 0 || arguments[0].NameColon is not null) return null;
        var first = Resolve(arguments[0].Expression, scope.Deeper());
        var name = first switch
        {
            ObjectValue request => request.Properties.GetValueOrDefault(stored.RequestProperty),
            _ when stored.Position == 0 => first,
            _ => null,
        };
        return name is null ? null : new StoredValue(name, stored.Service, Location(expression));
    }

    /// <summary><c>r.Parameter.Value</c>, <c>r?.Parameter?.Value</c>: the expression the members are read on, and their path ("Parameter.Value").</summary>
    private static (ExpressionSyntax Receiver, string Path)? MemberChain(ExpressionSyntax expression)
    {
        var names = new List<string>();
        while (true)
        {
            switch (expression)
            {
                case MemberAccessExpressionSyntax access:
                    names.Insert(0, access.Name.Identifier.ValueText);
                    expression = access.Expression;
                    continue;
                case ConditionalAccessExpressionSyntax conditional when Bindings(conditional.WhenNotNull) is { } bound:
                    names.InsertRange(0, bound);
                    expression = conditional.Expression;
                    continue;
            }
            return names.Count == 0 ? null : (expression, string.Join('.', names));
        }

        static List<string>? Bindings(ExpressionSyntax expression) => expression switch
        {
            MemberBindingExpressionSyntax binding => [binding.Name.Identifier.ValueText],
            MemberAccessExpressionSyntax access when Bindings(access.Expression) is { } inner => [.. inner, access.Name.Identifier.ValueText],
            ConditionalAccessExpressionSyntax nested when Bindings(nested.Expression) is { } first && Bindings(nested.WhenNotNull) is { } rest => [.. first, .. rest],
            _ => null,
        };
    }

    /// <summary>
    /// The call whose result an expression waits for: <c>await x</c>, <c>x.Result</c>, <c>x.GetAwaiter().GetResult()</c>,
    /// <c>x.ConfigureAwait(false)</c> (in parentheses or not) all give what the task <c>x</c> returns.
    /// </summary>
    private static ExpressionSyntax TaskResult(ExpressionSyntax expression) => expression switch
    {
        ParenthesizedExpressionSyntax p => TaskResult(p.Expression),
        AwaitExpressionSyntax a => TaskResult(a.Expression),
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Result" } result => TaskResult(result.Expression),
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetResult" } getResult, ArgumentList.Arguments.Count: 0 }
            when getResult.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter" } awaiter, ArgumentList.Arguments.Count: 0 } =>
            TaskResult(awaiter.Expression),
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } configured, ArgumentList.Arguments.Count: 1 } => TaskResult(configured.Expression),
        _ => expression,
    };
}
