using Inbox.Contracts.Security;
using Inbox.Gateway.Realtime;
using Inbox.Gateway.Session;
using Microsoft.AspNetCore.Authentication.Cookies;
using System.Security.Claims;

namespace Inbox.Gateway.Security;

/// <summary>
/// Who the gateway's grain calls are made for: the signed-in user, the widget visitor, or the gateway itself (sign-in
/// lookups, session checks, event subscriptions). The Orleans request context flows down an asynchronous call chain
/// and never back up, so setting it at the top of an async method scopes it to that method's calls.
/// </summary>
public static class GatewayCallers
{
    /// <summary>The gateway acting for itself.</summary>
    public static Caller Service { get; } = Caller.Service("gateway");

    /// <summary>
    /// Makes the gateway itself the caller of the rest of the current asynchronous flow, acting for a client at
    /// <paramref name="from"/> when there is one (so a sign-in's audit entry says where it came from).
    /// </summary>
    public static void ActAsService(string? from = null) => CallerContext.Set(from is null ? Service : Service with { From = from });

    /// <summary>The caller an authenticated principal stands for, or null for an anonymous one.</summary>
    public static Caller? For(ClaimsPrincipal principal, string? from) => principal.Identity switch
    {
        { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme } => CurrentUser.From(principal).ToCaller(from),
        { IsAuthenticated: true, AuthenticationType: WidgetAuthenticationHandler.SchemeName } => WidgetVisitor.From(principal).ToCaller(from),
        _ => null,
    };
}
