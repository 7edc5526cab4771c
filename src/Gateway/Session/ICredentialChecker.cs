using Inbox.Contracts.Users;

namespace Inbox.Gateway.Session;

/// <summary>The one place sign-in credentials are checked.</summary>
public interface ICredentialChecker
{
    /// <summary>Checks an email and password from a client at <paramref name="from"/>; counts wrong passwords towards lockout.</summary>
    Task<SignInAnswer> CheckAsync(string email, string password, string? from, CancellationToken cancellationToken);
}
