using Inbox.Contracts.Security;

namespace Inbox.Contracts.Users;

/// <summary>
/// One user: profile, role, teams, channels, status, password hash and sign-in lockout. Key: <c>{organisationId}:{userId}</c>.
/// Admin actions refuse to act on the acting admin themself (no self-demotion or self-deactivation locking an
/// organisation out).
/// </summary>
[Alias("inbox.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Creates an active user, or returns the existing one unchanged (seeding). Throws when another user has the email.</summary>
    [Alias("Create")]
    Task<UserProfile> CreateAsync(NewUser user);

    /// <summary>
    /// Invites a new user under this key: claims the email, stores the invitation's hash and returns the token once.
    /// Throws <see cref="Errors.ConflictException"/> when the key or the email is taken.
    /// </summary>
    [Alias("Invite"), Requires(Permission.UsersManage)]
    Task<Invitation> InviteAsync(UserInvite invite);

    /// <summary>
    /// A new link token: for a user who has not accepted yet, a new invitation; for an active user, a password reset.
    /// Any older token stops working. Throws <see cref="Errors.ConflictException"/> for a deactivated user.
    /// </summary>
    [Alias("Reinvite"), Requires(Permission.UsersManage)]
    Task<Invitation> ReinviteAsync();

    /// <summary>
    /// Sets the password of a user whose link token is right and unexpired: an invited user becomes active; an active
    /// user's password is reset and every session made with the old one ends. Throws
    /// <see cref="InvitationNotFoundException"/> for a wrong, used or expired token.
    /// </summary>
    [Alias("AcceptInvitation"), Requires(Permission.ServiceSignIn)]
    Task<UserProfile> AcceptInvitationAsync(string token, string password);

    /// <summary>
    /// The user changes their own password, giving the current one. Every other session ends (the caller signs the
    /// current one in again). Throws <see cref="ArgumentException"/> when the current password is wrong (counted towards
    /// lockout) or the new one is unacceptable, <see cref="Errors.ConflictException"/> while locked out.
    /// </summary>
    [Alias("ChangePassword"), Requires(Permission.ServiceSignIn)]
    Task<UserProfile> ChangePasswordAsync(string currentPassword, string newPassword);

    /// <summary>
    /// The user, when a session begun at <paramref name="sessionVersion"/> still stands: the user is active, their
    /// sessions have not all been ended since, and this one was not signed out. Otherwise null.
    /// </summary>
    [Alias("CheckSession"), Requires(Permission.ServiceSessions)]
    Task<UserProfile?> CheckSessionAsync(string sessionId, int sessionVersion);

    /// <summary>Signs one session out: its cookie is refused from now on, even a copy, until it would have expired anyway.</summary>
    [Alias("EndSession"), Requires(Permission.ServiceSessions)]
    Task EndSessionAsync(string sessionId, DateTimeOffset expiresAt);

    /// <summary>Signs the user out everywhere: every session ends and their live connections are cut.</summary>
    [Alias("EndAllSessions"), Requires(Permission.ServiceSessions)]
    Task EndAllSessionsAsync();

    /// <summary>The user, or null when none exists under this key.</summary>
    [Alias("Get"), Requires(Permission.UsersRead)]
    Task<UserProfile?> GetAsync();

    /// <summary>Changes name, role, teams or channels. Returns the user as changed.</summary>
    [Alias("Update"), Requires(Permission.UsersManage)]
    Task<UserProfile> UpdateAsync(UserChange change);

    /// <summary>Deactivates the user: sign-in is refused and every open session and live connection is cut.</summary>
    [Alias("Deactivate"), Requires(Permission.UsersManage)]
    Task<UserProfile> DeactivateAsync();

    /// <summary>Lets a deactivated user sign in again (sessions from before the deactivation stay dead).</summary>
    [Alias("Reactivate"), Requires(Permission.UsersManage)]
    Task<UserProfile> ReactivateAsync();

    /// <summary>
    /// Checks a password. Five wrong ones in a row lock the user out for five minutes; the right one resets the count.
    /// </summary>
    [Alias("SignIn"), Requires(Permission.ServiceSignIn)]
    Task<SignInAnswer> SignInAsync(string password);
}
