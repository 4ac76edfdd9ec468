namespace RoleGen.Cli;

/// <summary>Process exit codes, documented in README ("Exit codes").</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int GateFailed = 1;
    public const int BadInput = 2;
}
