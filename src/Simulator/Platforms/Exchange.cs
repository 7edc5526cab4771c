using System.Text;
using System.Text.Json.Nodes;

namespace Inbox.Simulator.Platforms;

/// <summary>One request to a simulated platform API: read once, answered once, recorded with what was answered.</summary>
internal sealed class Exchange
{
    private Exchange(string platform, HttpContext http, string body, JsonNode? json)
    {
        Platform = platform;
        Http = http;
        Body = body;
        Json = json;
    }

    public string Platform { get; }

    public HttpContext Http { get; }

    public string Body { get; }

    /// <summary>The body as JSON, or null when it is not JSON.</summary>
    public JsonNode? Json { get; }

    public static async Task<Exchange> ReadAsync(string platform, HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        JsonNode? json = null;
        try
        {
            json = body.Length == 0 ? null : JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            // Left null: each platform answers a non-JSON body its own way.
        }

        return new Exchange(platform, http, body, json);
    }

    /// <summary>The bearer token of the Authorization header, or null.</summary>
    public string? Bearer =>
        Http.Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal) && header.Length > 7 ? header[7..] : null;

    /// <summary>Records the request with what it was answered and returns the answer.</summary>
    public IResult Answer(SimulatorState state, IResult answer, string? platformMessageId, string prefix)
    {
        var path = Http.Request.Path.Value ?? "";
        var headers = Http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        state.Record(new ReceivedRequest(
            Platform,
            Http.Request.Method,
            path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : path,
            Http.Request.QueryString.Value ?? "",
            headers,
            Body,
            platformMessageId is not null,
            platformMessageId,
            DateTimeOffset.UtcNow));
        return answer;
    }
}
