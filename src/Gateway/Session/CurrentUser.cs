using System.Security.Claims;
using Inbox.Contracts.Users;

namespace Inbox.Gateway.Session;

/// <summary>The signed-in user, as every endpoint and hub sees them.</summary>
/// <param name="UserId">The user's id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Email">Sign-in email.</param>
/// <param name="OrganisationId">The one organisation the user belongs to; every grain key the user reaches starts with it.</param>
/// <param name="Role">agent, supervisor or admin.</param>
public sealed record CurrentUser(string UserId, string Name, string Email, string OrganisationId, string Role)
{
    private const string OrganisationClaim = "inbox:org";

    public ClaimsPrincipal ToPrincipal(string authenticationType) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, UserId),
            new Claim(ClaimTypes.Name, Name),
            new Claim(ClaimTypes.Email, Email),
            new Claim(ClaimTypes.Role, Role),
            new Claim(OrganisationClaim, OrganisationId),
        ],
        authenticationType));

    /// <summary>The session user of a signed-in user.</summary>
    public static CurrentUser From(UserProfile user) =>
        new(user.UserId, user.Name, user.Email, user.OrganisationId, user.Role.ToString().ToLowerInvariant());

    /// <summary>The user of an authenticated principal; throws when a claim is missing (an endpoint without authorization).</summary>
    public static CurrentUser From(ClaimsPrincipal principal)
    {
        string Claim(string type) => principal.FindFirstValue(type)
            ?? throw new InvalidOperationException($"The signed-in principal has no '{type}' claim.");
        return new CurrentUser(Claim(ClaimTypes.NameIdentifier), Claim(ClaimTypes.Name), Claim(ClaimTypes.Email), Claim(OrganisationClaim), Claim(ClaimTypes.Role));
    }
}
