using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Inbox.Simulator.Platforms;

/// <summary>LINE Messaging API push: bearer token, <c>X-Line-Retry-Key</c> idempotency (409 on a retry), <c>{ message, details }</c> errors.</summary>
internal static class LineApi
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/line/v2/bot/message/push", async (HttpContext http, SimulatorState state) =>
        {
            // LINE limits each channel, and the access token is what names the channel.
            var exchange = await Exchange.ReadAsync("line", http, state, Exchange.BearerOf(http));
            var requestId = Guid.NewGuid().ToString();
            http.Response.Headers["x-line-request-id"] = requestId;
            var (answer, id) = Push(exchange, state, requestId);
            return exchange.Answer(state, answer, id, "/line/");
        });

    private static (IResult, string?) Push(Exchange exchange, SimulatorState state, string requestId)
    {
        if (exchange.Bearer is null || state.IsRevoked("line", exchange.Bearer))
        {
            return (AuthenticationFailed(), null);
        }

        var retryKey = exchange.Http.Request.Headers["X-Line-Retry-Key"].ToString();
        if (retryKey.Length > 0 && !Guid.TryParse(retryKey, out _))
        {
            return (Error(400, "The value for the 'X-Line-Retry-Key' header is invalid"), null);
        }

        if (exchange.RetryAfterSeconds is { } wait)
        {
            return (RateLimitExceeded(exchange, wait), null);
        }

        if (state.NextFault("line") is { } fault)
        {
            return (fault switch
            {
                Fault.TokenExpired => AuthenticationFailed(),

                // LINE answers 200 and delivers nothing to a user who blocked the account: the simulator does the same.
                Fault.UserBlocked => (Results.Json(new JsonObject { ["sentMessages"] = new JsonArray() })),
                Fault.RateLimited => RateLimitExceeded(exchange, 1),
                Fault.WindowClosed => Error(400, "Failed to send messages"),
                _ => Error(500, "An error occurred in the server"),
            }, null);
        }

        var messages = exchange.Json?["messages"] as JsonArray;
        var problem = string.IsNullOrEmpty((string?)exchange.Json?["to"]) ? ("to", "May not be empty")
            : messages is not { Count: >= 1 and <= 5 } ? ("messages", "Size must be between 1 and 5")
            : messages.Select((m, i) => (m, i)).FirstOrDefault(x => (string?)x.m?["type"] == "text" && (string?)x.m?["text"] is not { Length: > 0 and <= 5000 }) is { m: not null } bad
                ? ($"messages[{bad.i}].text", "Length must be between 1 and 5000")
            : messages.Select((m, i) => (m, i)).FirstOrDefault(x => (string?)x.m?["type"] == "image" && !(FetchableLink(x.m?["originalContentUrl"]) && FetchableLink(x.m?["previewImageUrl"]))) is { m: not null } image
                ? ($"messages[{image.i}].originalContentUrl", "Must be an HTTPS URL")
                : ((string, string)?)null;
        if (problem is { } p)
        {
            return (Results.Json(new JsonObject
            {
                ["message"] = "The request body has 1 error(s)",
                ["details"] = new JsonArray(new JsonObject { ["message"] = p.Item2, ["property"] = p.Item1 }),
            }, statusCode: 400), null);
        }

        if (retryKey.Length > 0 && state.AcceptRetryKey(retryKey, requestId) is { } accepted)
        {
            exchange.Http.Response.Headers["x-line-accepted-request-id"] = accepted;
            return (Error(409, "The retry key is already accepted"), null);
        }

        var sent = messages!.Select(_ => (JsonNode)new JsonObject
        {
            ["id"] = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture) + "42",
            ["quoteToken"] = "q" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
        }).ToArray();
        return (Results.Json(new JsonObject { ["sentMessages"] = new JsonArray(sent) }), (string?)sent[0]["id"]);
    }

    private static IResult AuthenticationFailed() =>
        Error(401, "Authentication failed. Confirm that the access token in the authorization header is valid.");

    private static IResult RateLimitExceeded(Exchange exchange, int seconds)
    {
        exchange.AnnounceRetryAfter(seconds);
        return Error(429, "The API rate limit has been exceeded. Try again later.");
    }

    // LINE fetches images itself and insists on HTTPS; the simulator also lets a test's plain-HTTP loopback gateway through.
    private static bool FetchableLink(JsonNode? url) =>
        Uri.TryCreate((string?)url, UriKind.Absolute, out var link) && (link.Scheme == "https" || (link.Scheme == "http" && link.IsLoopback));

    private static IResult Error(int status, string message) => Results.Json(new JsonObject { ["message"] = message }, statusCode: status);
}
