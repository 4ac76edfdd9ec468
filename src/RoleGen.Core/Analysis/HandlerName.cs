namespace RoleGen.Core.Analysis;

/// <summary>
/// A .NET Lambda handler string: <c>Assembly::Namespace.Type::Method</c>, or an executable assembly (<see cref="Executable"/>:
/// its <c>Main</c> or top-level statements start the Lambda runtime client, as native AOT functions do).
/// </summary>
public sealed record HandlerName(string Assembly, string TypeName, string Method)
{
    public static HandlerName Executable(string assembly) => new(assembly, "", "");

    public bool IsExecutable => TypeName.Length == 0;

    /// <summary>
    /// For an executable built by Lambda Annotations with <c>GenerateMain = true</c>: the <c>[LambdaFunction]</c> method the
    /// generated <c>Main</c> runs, which the function's <c>ANNOTATIONS_HANDLER</c> environment variable names.
    /// </summary>
    public string? AnnotationsHandler { get; init; }

    /// <summary>The environment variable Lambda Annotations' generated <c>Main</c> reads to choose the method it runs.</summary>
    public const string AnnotationsHandlerVariable = "ANNOTATIONS_HANDLER";

    public static HandlerName? TryParse(string? handler)
    {
        if (string.IsNullOrWhiteSpace(handler)) return null;
        var parts = handler.Split("::");
        if (parts.Length != 3 || parts.Any(string.IsNullOrWhiteSpace)) return null;
        return new HandlerName(parts[0].Trim(), parts[1].Trim(), parts[2].Trim());
    }

    public override string ToString() => IsExecutable ? Assembly : $"{Assembly}::{TypeName}::{Method}";
}
