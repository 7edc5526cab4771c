namespace Inbox.Contracts.Users;

/// <summary>
/// Finds the user who signs in with an email, across organisations. Key: the normalised email (trimmed, upper-case
/// invariant; see <see cref="Emails.Normalise"/>).
/// </summary>
[Alias("inbox.IEmailGrain")]
public interface IEmailGrain : IGrainWithStringKey
{
    /// <summary>Claims the email for a user key (<c>{organisationId}:{userId}</c>). False when another user has it.</summary>
    [Alias("Claim")]
    Task<bool> ClaimAsync(string userKey);

    /// <summary>The key of the user who has this email, or null.</summary>
    [Alias("GetUser")]
    Task<string?> GetUserKeyAsync();
}
