using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Inbox.Contracts.Security;
using Inbox.Contracts.Users;

namespace Inbox.Gateway.Session;

/// <summary>The signed-in user, as every endpoint and hub sees them (refreshed from their grain on every request).</summary>
/// <param name="UserId">The user's id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Email">Sign-in email.</param>
/// <param name="OrganisationId">The one organisation the user belongs to; every grain key the user reaches starts with it.</param>
/// <param name="Role">Agent, supervisor or admin.</param>
/// <param name="Teams">The teams the user belongs to.</param>
/// <param name="Channels">The channels the user may work.</param>
/// <param name="SessionVersion">The user's session version when the session began; a session of an older one is refused.</param>
/// <param name="SessionId">This sign-in's own id, so signing out ends this session and no other.</param>
public sealed record CurrentUser(
    string UserId,
    string Name,
    string Email,
    string OrganisationId,
    UserRole Role,
    IReadOnlyList<string> Teams,
    IReadOnlyList<string> Channels,
    [property: JsonIgnore] int SessionVersion,
    [property: JsonIgnore] string SessionId)
{
    /// <summary>What the user may do, for the front end to show only what works (the server checks again).</summary>
    public IReadOnlyList<Permission> Permissions => [.. RolePermissions.For(Role).Order()];

    /// <summary>The grain-call identity of this user, coming from <paramref name="from"/>.</summary>
    public Caller ToCaller(string? from) => Caller.User(OrganisationId, UserId, Name, Role, Channels, Teams, from);

    /// <summary>The principal of this user's session: the session's claims (what the cookie carries) and the user.</summary>
    public ClaimsPrincipal ToPrincipal(string authenticationType) => new(new SessionIdentity(this, authenticationType));

    /// <summary>The user of session <paramref name="sessionId"/>, as their grain has them now.</summary>
    public static CurrentUser From(UserProfile user, string sessionId) =>
        new(user.UserId, user.Name, user.Email, user.OrganisationId, user.Role, user.Teams, user.Channels, user.SessionVersion, sessionId);

    /// <summary>A new session's id: 128 random bits.</summary>
    public static string NewSessionId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The user of a principal whose session was accepted; throws for any other (an endpoint without authorization).</summary>
    public static CurrentUser From(ClaimsPrincipal principal) =>
        (principal.Identity as SessionIdentity)?.User
        ?? throw new InvalidOperationException("The principal is not a signed-in user's accepted session.");
}
