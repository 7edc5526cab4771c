namespace Inbox.Contracts.Users;

/// <summary>One user: profile, password hash and sign-in lockout. Key: <c>{organisationId}:{userId}</c>.</summary>
[Alias("inbox.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Creates the user, or returns the existing one unchanged. Claims the email first; throws when another user has it.</summary>
    [Alias("Create")]
    Task<UserProfile> CreateAsync(NewUser user);

    /// <summary>The user, or null when none exists under this key.</summary>
    [Alias("Get")]
    Task<UserProfile?> GetAsync();

    /// <summary>
    /// Checks a password. Five wrong ones in a row lock the user out for five minutes; the right one resets the count.
    /// </summary>
    [Alias("SignIn")]
    Task<SignInAnswer> SignInAsync(string password);
}
