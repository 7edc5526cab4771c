using System.Globalization;
using System.Security.Claims;

namespace Inbox.Gateway.Session;

/// <summary>
/// What the session cookie carries: whose session it is and which one. Everything else about the user (name, role,
/// teams, channels) is read from their grain on every request (<see cref="SessionValidator"/>), so the cookie, which
/// every request sends and every open hub connection keeps in its request's headers, stays small.
/// </summary>
/// <param name="OrganisationId">The user's organisation.</param>
/// <param name="UserId">The user's id.</param>
/// <param name="SessionId">This sign-in's own id, so signing out ends this session and no other.</param>
/// <param name="SessionVersion">The user's session version when the session began; a session of an older one is refused.</param>
public sealed record SessionKey(string OrganisationId, string UserId, string SessionId, int SessionVersion)
{
    // Short claim types: the cookie holds each one's name. Cookies issued when they carried the whole user named the
    // user id with ClaimTypes.NameIdentifier (68 characters), which is still read; the other three are unchanged.
    private const string UserClaim = "inbox:user";
    private const string OrganisationClaim = "inbox:org";
    private const string SessionVersionClaim = "inbox:session-version";
    private const string SessionIdClaim = "inbox:session";

    /// <summary>The session of <paramref name="user"/>.</summary>
    public static SessionKey Of(CurrentUser user) => new(user.OrganisationId, user.UserId, user.SessionId, user.SessionVersion);

    /// <summary>The claims the cookie carries.</summary>
    public IEnumerable<Claim> ToClaims() =>
    [
        new Claim(UserClaim, UserId),
        new Claim(OrganisationClaim, OrganisationId),
        new Claim(SessionVersionClaim, SessionVersion.ToString(CultureInfo.InvariantCulture)),
        new Claim(SessionIdClaim, SessionId),
    ];

    /// <summary>The session a cookie's principal names, or null when a claim is missing or malformed (a session to end, not an error).</summary>
    public static SessionKey? TryRead(ClaimsPrincipal principal) =>
        principal.FindFirstValue(OrganisationClaim) is { } organisationId
        && (principal.FindFirstValue(UserClaim) ?? principal.FindFirstValue(ClaimTypes.NameIdentifier)) is { } userId
        && principal.FindFirstValue(SessionIdClaim) is { } sessionId
        && int.TryParse(principal.FindFirstValue(SessionVersionClaim), NumberStyles.Integer, CultureInfo.InvariantCulture, out var sessionVersion)
            ? new SessionKey(organisationId, userId, sessionId, sessionVersion)
            : null;

    /// <summary>True for a cookie issued when cookies carried the whole user: it reads, but is worth reissuing small.</summary>
    public static bool IsOutdated(ClaimsPrincipal principal) => principal.FindFirst(UserClaim) is null;
}
