using Inbox.Contracts.Security;

namespace Inbox.Contracts.Users;

/// <summary>
/// A unique handle (an email, an invitation) and the user it leads to, across organisations, so sign-in needs only the
/// email. Key: see <see cref="UserHandles"/>.
/// </summary>
[Alias("inbox.IUserHandleGrain")]
public interface IUserHandleGrain : IGrainWithStringKey
{
    /// <summary>Claims the handle for a user key (<c>{organisationId}:{userId}</c>). False when another user has it.</summary>
    [Alias("Claim")]
    Task<bool> ClaimAsync(string userKey);

    /// <summary>Lets the handle go, if <paramref name="userKey"/> holds it.</summary>
    [Alias("Release")]
    Task ReleaseAsync(string userKey);

    /// <summary>The key of the user who holds this handle, or null.</summary>
    [Alias("GetUser"), Requires(Permission.ServiceSignIn)]
    Task<string?> GetUserKeyAsync();
}
