using Inbox.Contracts.Security;

namespace Inbox.Gateway.Security;

/// <summary>
/// Puts the authenticated caller of each HTTP request into the Orleans request context, so every grain call the
/// request makes carries who it is for and the silo checks it again.
/// </summary>
public static class CallerMiddleware
{
    public static IApplicationBuilder UseInboxCaller(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (GatewayCallers.For(http.User, http.Connection.RemoteIpAddress?.ToString()) is { } caller)
        {
            CallerContext.Set(caller);
        }

        await next(http);
    });
}
