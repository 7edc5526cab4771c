using Microsoft.AspNetCore.Http.HttpResults;

namespace Inbox.Gateway.Infrastructure;

/// <summary>The problem answers the APIs share, worded one way everywhere.</summary>
public static class Problems
{
    /// <summary>400: what was wrong with the request.</summary>
    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid.");
}
