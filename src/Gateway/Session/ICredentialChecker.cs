using Inbox.Contracts.Users;

namespace Inbox.Gateway.Session;

/// <summary>The one place sign-in credentials are checked.</summary>
public interface ICredentialChecker
{
    /// <summary>Checks an email and password; counts wrong passwords towards lockout.</summary>
    Task<SignInAnswer> CheckAsync(string email, string password, CancellationToken cancellationToken);
}
