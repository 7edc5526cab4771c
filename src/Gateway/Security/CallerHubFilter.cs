using Inbox.Contracts.Conversations;
using Inbox.Contracts.Errors;
using Inbox.Contracts.Security;
using Inbox.Contracts.Users;
using Inbox.Gateway.Infrastructure;
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
        try
        {
            return await next(invocationContext);
        }
        catch (Exception e) when (Readable(e) is { } message)
        {
            // What the REST API answers with 400/403/404/409, the hub says in words; anything else stays a generic error.
            throw new HubException(message, e);
        }
    }

    private static string? Readable(Exception exception) => exception switch
    {
        ArgumentException or ConflictException => UserMessage.Of(exception),
        ConversationNotFoundException => "No such conversation.",
        UserNotFoundException => "No such user.",
        AccessDeniedException => "Your role may not do this.",
        _ => null,
    };

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
