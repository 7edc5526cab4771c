using Microsoft.AspNetCore.Http.HttpResults;

namespace Inbox.Gateway.Infrastructure;

/// <summary>The problem answers the APIs share, worded one way everywhere.</summary>
public static class Problems
{
    /// <summary>400: what was wrong with the request.</summary>
    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid.");

    /// <summary>404: there is no <paramref name="thing"/> with that id (in the caller's organisation).</summary>
    public static ProblemHttpResult NotFound(string thing, string id) =>
        TypedResults.Problem($"There is no {thing} '{id}'.", statusCode: StatusCodes.Status404NotFound, title: $"{char.ToUpperInvariant(thing[0])}{thing[1..]} not found.");
}
