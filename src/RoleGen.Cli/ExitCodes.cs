namespace RoleGen.Cli;

/// <summary>Process exit codes, documented in README ("Exit codes").</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary><c>check</c>: a finding reached the <c>--fail-on</c> severity; <c>generate</c>: a function has an error finding.</summary>
    public const int GateFailed = 1;
    public const int BadInput = 2;
}
