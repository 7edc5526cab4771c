using Inbox.Contracts.Security;
using Microsoft.AspNetCore.SignalR;

namespace Inbox.Gateway.Security;

/// <summary>
/// The hubs' counterpart of <see cref="CallerMiddleware"/>: hub methods and connect/disconnect handlers run outside the
/// HTTP request's asynchronous flow, so each one gets the connection's caller put into the Orleans request context.
/// </summary>
public sealed class CallerHubFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        SetCaller(invocationContext.Context);
        return await next(invocationContext);
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        SetCaller(context.Context);
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        SetCaller(context.Context);
        await next(context, exception);
    }

    private static void SetCaller(HubCallerContext connection)
    {
        var from = connection.GetHttpContext()?.Connection.RemoteIpAddress?.ToString();
        if (connection.User is { } principal && GatewayCallers.For(principal, from) is { } caller)
        {
            CallerContext.Set(caller);
        }
    }
}
