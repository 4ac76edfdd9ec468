namespace RoleGen.Core.Diff.GitHub;

/// <summary>A GitHub API call that failed, with a message meant for the user (never holding the token).</summary>
public sealed class GitHubApiException(string message, int? status = null) : Exception(message)
{
    /// <summary>The HTTP status, or null when GitHub could not be reached.</summary>
    public int? Status { get; } = status;
}
