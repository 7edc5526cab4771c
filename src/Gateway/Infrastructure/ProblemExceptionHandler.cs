using Inbox.Contracts.Channels;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Errors;
using Inbox.Contracts.Security;
using Inbox.Contracts.Users;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Inbox.Gateway.Infrastructure;

/// <summary>
/// Turns exceptions into problem-details answers: bad requests (unreadable JSON, wrong parameter types, a body over
/// the size limit) say what was wrong; anything unexpected is a 500 that reveals nothing.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    private const string RetryAfterSeconds = "2";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "The request is not valid.", bad.Message),
            ConversationNotFoundException => (StatusCodes.Status404NotFound, "Conversation not found.", exception.Message),
            UserNotFoundException => (StatusCodes.Status404NotFound, "User not found.", exception.Message),
            InvitationNotFoundException => (StatusCodes.Status404NotFound, "Invitation not found.", exception.Message),
            ChannelNotFoundException => (StatusCodes.Status404NotFound, "Channel not found.", exception.Message),
            ConflictException => (StatusCodes.Status409Conflict, "The request conflicts with the current state.", exception.Message),

            // The gateway let the call through but the grain refused it: one layer caught what the other missed.
            AccessDeniedException => (StatusCodes.Status403Forbidden, "Not allowed.", "Your role may not do this."),
            ArgumentException => (StatusCodes.Status400BadRequest, "The request is not valid.", UserMessage.Of(exception)),

            // The cluster is briefly out of reach (a silo restarting, the gateway reconnecting): nothing was done.
            OrleansMessageRejectionException or SiloUnavailableException or ClientNotAvailableException =>
                (StatusCodes.Status503ServiceUnavailable, "Briefly unavailable.", "The service is reconnecting to its cluster; try again in a moment."),
            _ => (StatusCodes.Status500InternalServerError, "Something went wrong on our side.", null),
        };
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            LogClusterUnavailable(exception, httpContext.Request.Method, httpContext.Request.Path);
        }
        else if (status >= 500)
        {
            LogUnexpected(exception, httpContext.Request.Method, httpContext.Request.Path);
        }
        else if (status == StatusCodes.Status403Forbidden)
        {
            LogGrainRefused(exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Cluster unavailable during {Method} {Path}")]
    private partial void LogClusterUnavailable(Exception exception, string method, PathString path);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "A grain refused {Method} {Path} that the gateway had authorised")]
    private partial void LogGrainRefused(Exception exception, string method, PathString path);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Unhandled error in {Method} {Path}")]
    private partial void LogUnexpected(Exception exception, string method, PathString path);
}
