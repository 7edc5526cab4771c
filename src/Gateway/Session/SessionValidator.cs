using Inbox.Contracts.Grains;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Users;
using Inbox.Gateway.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Inbox.Gateway.Session;

/// <summary>
/// Checks every request's session cookie against the user's grain: a deactivated user, a session signed out (even a
/// copy of its cookie), or one begun before the user's sessions were all ended, is refused at once; otherwise the request sees the user's current name, role, teams
/// and channels. One in-memory grain call per request buys access changes that take effect immediately.
/// </summary>
internal static class SessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var cookie = context.Principal;
        var session = cookie is null ? null : SessionKey.TryRead(cookie);
        var grains = context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>();
        var user = session is null ? null : await GetUserAsync(grains, session);
        if (user is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        context.ReplacePrincipal(CurrentUser.From(user, session!.SessionId).ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme));

        // A cookie issued when cookies carried the whole user is reissued now with only the session's claims.
        context.ShouldRenew = SessionKey.IsOutdated(cookie!);
    }

    private static async Task<UserProfile?> GetUserAsync(IGrainFactory grains, SessionKey session)
    {
        GatewayCallers.ActAsService();
        return await grains.Get<IUserGrain>(GrainKeys.Compose(session.OrganisationId, session.UserId)).CheckSessionAsync(session.SessionId, session.SessionVersion);
    }
}
