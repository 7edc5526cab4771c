using System.Buffers.Text;
using System.Globalization;
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
    private const string OrganisationClaim = "inbox:org";
    private const string TeamClaim = "inbox:team";
    private const string ChannelClaim = "inbox:channel";
    private const string SessionVersionClaim = "inbox:session-version";
    private const string SessionIdClaim = "inbox:session";

    /// <summary>What the user may do, for the front end to show only what works (the server checks again).</summary>
    public IReadOnlyList<Permission> Permissions => [.. RolePermissions.For(Role).Order()];

    /// <summary>The grain-call identity of this user, coming from <paramref name="from"/>.</summary>
    public Caller ToCaller(string? from) => Caller.User(OrganisationId, UserId, Name, Role, Channels, Teams, from);

    public ClaimsPrincipal ToPrincipal(string authenticationType) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, UserId),
            new Claim(ClaimTypes.Name, Name),
            new Claim(ClaimTypes.Email, Email),
            new Claim(ClaimTypes.Role, Role.ToString()),
            new Claim(OrganisationClaim, OrganisationId),
            new Claim(SessionVersionClaim, SessionVersion.ToString(CultureInfo.InvariantCulture)),
            new Claim(SessionIdClaim, SessionId),
            .. Teams.Select(t => new Claim(TeamClaim, t)),
            .. Channels.Select(c => new Claim(ChannelClaim, c)),
        ],
        authenticationType));

    /// <summary>The user of session <paramref name="sessionId"/>, as their grain has them now.</summary>
    public static CurrentUser From(UserProfile user, string sessionId) =>
        new(user.UserId, user.Name, user.Email, user.OrganisationId, user.Role, user.Teams, user.Channels, user.SessionVersion, sessionId);

    /// <summary>A new session's id: 128 random bits.</summary>
    public static string NewSessionId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The user of an authenticated principal; throws when a claim is missing (an endpoint without authorization).</summary>
    public static CurrentUser From(ClaimsPrincipal principal)
    {
        string Claim(string type) => principal.FindFirstValue(type)
            ?? throw new InvalidOperationException($"The signed-in principal has no '{type}' claim.");
        return new CurrentUser(
            Claim(ClaimTypes.NameIdentifier),
            Claim(ClaimTypes.Name),
            Claim(ClaimTypes.Email),
            Claim(OrganisationClaim),
            Enum.Parse<UserRole>(Claim(ClaimTypes.Role)),
            principal.FindAll(TeamClaim).Select(c => c.Value).ToList(),
            principal.FindAll(ChannelClaim).Select(c => c.Value).ToList(),
            int.Parse(Claim(SessionVersionClaim), CultureInfo.InvariantCulture),
            Claim(SessionIdClaim));
    }
}
