using Inbox.Contracts.Security;
using Inbox.Gateway.Realtime;

namespace Inbox.Gateway.Security;

/// <summary>
/// Puts the authenticated caller of each HTTP request into the Orleans request context, so every grain call the
/// request makes carries who it is for and the silo checks it again.
/// </summary>
public static class CallerMiddleware
{
    public static IApplicationBuilder UseInboxCaller(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        // A hub's requests make no grain calls of their own (its methods get their caller from CallerHubFilter), and
        // a WebSocket request lasts as long as its connection: a caller set here would stay in that request's
        // execution context, one copy of the request context per idle connection.
        if (!http.IsHubRequest()
            && GatewayCallers.For(http.User, http.Connection.RemoteIpAddress?.ToString()) is { } caller)
        {
            CallerContext.Set(caller);
        }

        await next(http);
    });
}
