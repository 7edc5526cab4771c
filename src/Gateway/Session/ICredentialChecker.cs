namespace Inbox.Gateway.Session;

/// <summary>
/// The one seam between sign-in and where users live. Today it is the demo list from configuration; the identity
/// work replaces it with hashed passwords in storage, lockout and the rest.
/// </summary>
public interface ICredentialChecker
{
    /// <summary>The user these credentials belong to, or null when they are wrong.</summary>
    Task<CurrentUser?> CheckAsync(string email, string password, CancellationToken cancellationToken);
}
