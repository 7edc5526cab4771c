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
    // The claim types session cookies have always used, so a cookie issued when it carried the whole user still reads.
    private const string OrganisationClaim = "inbox:org";
    private const string SessionVersionClaim = "inbox:session-version";
    private const string SessionIdClaim = "inbox:session";

    /// <summary>How many claims a session cookie carries; one with more was issued before cookies carried only these.</summary>
    public const int ClaimCount = 4;

    /// <summary>The session of <paramref name="user"/>.</summary>
    public static SessionKey Of(CurrentUser user) => new(user.OrganisationId, user.UserId, user.SessionId, user.SessionVersion);

    /// <summary>The claims the cookie carries.</summary>
    public IEnumerable<Claim> ToClaims() =>
    [
        new Claim(ClaimTypes.NameIdentifier, UserId),
        new Claim(OrganisationClaim, OrganisationId),
        new Claim(SessionVersionClaim, SessionVersion.ToString(CultureInfo.InvariantCulture)),
        new Claim(SessionIdClaim, SessionId),
    ];

    /// <summary>The session a cookie's principal names, or null when a claim is missing or malformed (a session to end, not an error).</summary>
    public static SessionKey? TryRead(ClaimsPrincipal principal) =>
        principal.FindFirstValue(OrganisationClaim) is { } organisationId
        && principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
        && principal.FindFirstValue(SessionIdClaim) is { } sessionId
        && int.TryParse(principal.FindFirstValue(SessionVersionClaim), NumberStyles.Integer, CultureInfo.InvariantCulture, out var sessionVersion)
            ? new SessionKey(organisationId, userId, sessionId, sessionVersion)
            : null;
}
