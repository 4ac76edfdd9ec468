using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RoleGen.Core.Analysis.Values;
using SourceLocation = RoleGen.Core.Diagnostics.SourceLocation;
using RoleGen.Core.Workspace;

namespace RoleGen.Core.Analysis;

/// <summary>The region a client was built for: its construction, or the config it was given.</summary>
public sealed partial class SdkCallFinder
{
    /// <summary>
    /// The region the receiver client was built for, when every construction of it the code shows pins the same one:
    /// <c>new AmazonS3Client(RegionEndpoint.USEast1)</c>, <c>RegionEndpoint.GetBySystemName("eu-west-1")</c>, also inside a
    /// client config's initializer. Null otherwise (the stack's region).
    /// </summary>
    private Value? ClientRegion(SemanticModel model, ExpressionSyntax receiver)
    {
        var expression = Unwrap(receiver);
        var symbol = model.GetSymbolInfo(expression).Symbol;
        List<ExpressionSyntax> sources = expression is BaseObjectCreationExpressionSyntax creation
            ? [creation]
            : symbol is ILocalSymbol or IFieldSymbol or IPropertySymbol ? Sources(symbol).Select(Unwrap).ToList() : [];
        var regions = sources.Select(s => s is BaseObjectCreationExpressionSyntax made ? RegionOf(made) : null).ToList();
        return regions.Count > 0 && regions[0] is { } first && regions.All(r => r is not null && ValueText.Of(r) == ValueText.Of(first)) ? first : null;
    }

    private Value? RegionOf(BaseObjectCreationExpressionSyntax creation, bool followArguments = true)
    {
        if (RegionIn(creation) is { } own) return own;
        if (!followArguments || creation.ArgumentList is not { } list) return null;
        // new AmazonS3Client(config), the config built elsewhere: by its initializer, or set up after it (config.RegionEndpoint = ...).
        foreach (var argument in list.Arguments)
        {
            var held = project.Model(argument.SyntaxTree).GetSymbolInfo(argument.Expression).Symbol;
            if (held is not (ILocalSymbol or IFieldSymbol or IPropertySymbol)) continue;
            foreach (var source in Sources(held).Select(Unwrap))
                if (source is BaseObjectCreationExpressionSyntax made && RegionOf(made, followArguments: false) is { } region) return region;
            foreach (var assigned in MemberAssignments(held, "RegionEndpoint"))
                if (RegionIn(assigned) is { } region) return region;
        }
        return null;
    }

    /// <summary>The region a RegionEndpoint field or GetBySystemName call in the node names.</summary>
    private Value? RegionIn(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodesAndSelf())
        {
            if (node is MemberAccessExpressionSyntax { Expression: var owner, Name: IdentifierNameSyntax field } && IsRegionEndpoint(owner) && node.Parent is not InvocationExpressionSyntax)
                return new LiteralValue(clients.OtherClients.RegionOf(field.Identifier.ValueText));
            // The region's name, followed as a resource name is: an environment variable becomes what the template sets.
            if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetBySystemName", Expression: var type }, ArgumentList.Arguments: [var name] } && IsRegionEndpoint(type))
                return values.Resolve(name.Expression);
        }
        return null;
    }

    private static bool IsRegionEndpoint(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax { Identifier.ValueText: "RegionEndpoint" } => true,
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "RegionEndpoint" } => true,
        _ => false,
    };
}
