using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RoleGen.Core.Analysis.Values;

namespace RoleGen.Core.Analysis;

/// <summary>Whose credentials a client calls AWS with: the function's role, or credentials of its own.</summary>
public sealed partial class SdkCallFinder
{
    /// <summary>How deep a client's construction is followed into the objects it is given (a context made from a client made from credentials).</summary>
    private const int MaxCredentialsDepth = 4;

    /// <summary>
    /// What the receiver client signs its calls with, when every construction of it the code shows gives it credentials
    /// that are not the function's role: access keys (<c>new BasicAWSCredentials(key, secret)</c>, <c>new AmazonS3Client(key,
    /// secret)</c>), a credentials profile, an assumed role (<c>new AssumeRoleAWSCredentials(..)</c>, an AssumeRole response's
    /// <c>Credentials</c>). Null for the function's own (no credentials given, keys read from <c>AWS_ACCESS_KEY_ID</c>, the
    /// SDK's default chain) or when the code does not show how the client was made.
    /// </summary>
    private ClientCredentials? CredentialsOfReceiver(SemanticModel model, ExpressionSyntax receiver) =>
        SourcesOf(model, receiver).Count > 0 ? Credentials(model, receiver, 0) : HandedInCredentials(model, receiver);

    /// <summary>A client handed in: the credentials of the clients its callers or registrations built.</summary>
    private ClientCredentials? HandedInCredentials(SemanticModel model, ExpressionSyntax receiver) =>
        HandedIn(model, receiver) is (_, { } client) ? CredentialsOf(client, 0) : null;

    /// <summary>The foreign credentials of a client value: every client it can be made with the same ones; null otherwise.</summary>
    private ClientCredentials? CredentialsOf(Value client, int depth)
    {
        if (depth > MaxCredentialsDepth) return null;
        switch (client)
        {
            case OneOfValue oneOf:
                var found = oneOf.Options.Where(o => o is not NullValue).Select(o => CredentialsOf(o, depth + 1)).ToList();
                return found.Count > 0 && found.All(f => f is not null) && found.Distinct().Count() == 1 ? found[0] : null;
            case ObjectValue made when clients.Matches(made.TypeName, null):
                if (made.Arguments is [LiteralValue or EnvVarValue, LiteralValue or EnvVarValue, ..] keys)
                    return IsFunctionsKey(keys[0]) ? null : ClientCredentials.KeysPassedToConstructor;
                foreach (var argument in made.Arguments.OfType<ObjectValue>())
                {
                    var foreign = ClientCredentials.OfType(argument.TypeName, argument.Arguments is [var key, ..] && IsFunctionsKey(key)) ?? CredentialsOf(argument, depth + 1);
                    if (foreign is not null) return foreign;
                }
                return null;
            default:
                return null;
        }
    }

    private ClientCredentials? Credentials(SemanticModel model, ExpressionSyntax expression, int depth)
    {
        if (depth > MaxCredentialsDepth) return null;
        var sources = SourcesOf(model, expression);
        if (sources.Count == 0) return null;
        var found = sources.Select(source => source is BaseObjectCreationExpressionSyntax creation ? CredentialsOf(creation, depth) : null).ToList();
        return found.All(f => f is not null) && found.Distinct().Count() == 1 ? found[0] : null;
    }

    /// <summary>
    /// The creations and calls a value comes from: itself, what a local, field or property is given, what a helper of the
    /// project returns (followed <see cref="MaxCredentialsDepth"/> deep).
    /// </summary>
    private List<ExpressionSyntax> SourcesOf(SemanticModel model, ExpressionSyntax expression, int depth = 0)
    {
        var unwrapped = Unwrap(expression);
        if (depth > MaxCredentialsDepth || unwrapped is BaseObjectCreationExpressionSyntax) return [unwrapped];
        if (unwrapped is InvocationExpressionSyntax invocation)
            return model.GetSymbolInfo(invocation).Symbol is IMethodSymbol { DeclaringSyntaxReferences.IsEmpty: false } helper
                ? Returned(helper).SelectMany(r => SourcesOf(project.Model(r.SyntaxTree), r, depth + 1)).ToList()
                : [unwrapped];
        var symbol = model.GetSymbolInfo(unwrapped).Symbol;
        return symbol is ILocalSymbol or IFieldSymbol or IPropertySymbol
            ? Sources(symbol).SelectMany(s => s is InvocationExpressionSyntax { ArgumentList.Arguments: var arguments } && arguments.Any(a => a.RefKindKeyword.ValueText == "out")
                ? [s] // the call that sets it as an out argument
                : SourcesOf(project.Model(s.SyntaxTree), s, depth + 1)).ToList()
            : [];
    }

    /// <summary>The foreign credentials a client (or an object made from one) is constructed with; null for the function's own.</summary>
    private ClientCredentials? CredentialsOf(BaseObjectCreationExpressionSyntax creation, int depth)
    {
        if (creation.ArgumentList is not { Arguments: var arguments } || arguments.Count == 0) return null;
        var model = project.Model(creation.SyntaxTree);
        // new AmazonS3Client(accessKey, secretKey[, token][, region]): keys passed as text.
        if (arguments.Count >= 2 && IsText(model, arguments[0].Expression) && IsText(model, arguments[1].Expression))
            return IsOwnAccessKey(arguments[0].Expression) ? null : ClientCredentials.KeysPassedToConstructor;
        foreach (var argument in arguments)
        {
            if (ForeignCredentials(model, argument.Expression, depth) is { } foreign) return foreign;
        }
        return null;
    }

    /// <summary>An argument that is (or holds) credentials other than the function's, or a client made with them.</summary>
    private ClientCredentials? ForeignCredentials(SemanticModel model, ExpressionSyntax argument, int depth)
    {
        var unwrapped = Unwrap(argument);
        // response.Credentials of sts.AssumeRoleAsync(..), directly or through a local holding the response.
        if (unwrapped is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Credentials" } credentials &&
            SourcesOf(model, credentials.Expression).Any(s => s.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(IsAssumeRole)))
            return ClientCredentials.AssumeRoleResponse;
        var sources = SourcesOf(model, unwrapped);
        if (sources.Count == 0) return null;
        var found = sources.Select(source => source switch
        {
            ObjectCreationExpressionSyntax { Type: var type } made =>
                ClientCredentials.OfType(SyntaxIndex.TypeName(type), made.ArgumentList is { Arguments: [var key, ..] } && IsOwnAccessKey(key.Expression))
                // A client or context made from such credentials (new DynamoDBContext(new AmazonDynamoDBClient(creds))).
                ?? (SyntaxIndex.TypeName(type) is { } name && clients.Matches(name, null) ? CredentialsOf(made, depth + 1) : null),
            // chain.TryGetAWSCredentials("dev", out var creds)
            InvocationExpressionSyntax call when SyntaxIndex.CalledName(call.Expression) is "TryGetAWSCredentials" or "GetAWSCredentials" => ClientCredentials.Profile,
            _ => null,
        }).ToList();
        return found.All(f => f is not null) && found.Distinct().Count() == 1 ? found[0] : null;
    }

    private static bool IsAssumeRole(InvocationExpressionSyntax call) =>
        SyntaxIndex.CalledName(call.Expression) is "AssumeRole" or "AssumeRoleAsync" or "AssumeRoleWithWebIdentity" or "AssumeRoleWithWebIdentityAsync" or "AssumeRoleWithSAML" or "AssumeRoleWithSAMLAsync";

    private static bool IsText(SemanticModel model, ExpressionSyntax expression) =>
        model.GetTypeInfo(expression).Type?.SpecialType == SpecialType.System_String ||
        Unwrap(expression) is LiteralExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralExpression } or InterpolatedStringExpressionSyntax;

    /// <summary>Keys read from the variables the Lambda runtime fills with the function's role credentials.</summary>
    private bool IsOwnAccessKey(ExpressionSyntax key) => IsFunctionsKey(values.Resolve(key));

    private static bool IsFunctionsKey(Value key) => key is EnvVarValue { Name: var name } && ClientCredentials.IsFunctionsKeyVariable(name);
}
