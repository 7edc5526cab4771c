using System.Text;
using System.Text.Json.Nodes;

namespace Inbox.Simulator.Platforms;

/// <summary>One request to a simulated platform API: read once, answered once, recorded with what was answered.</summary>
internal sealed class Exchange
{
    private Exchange(string platform, HttpContext http, Arrival arrival, string body, JsonNode? json, IFormCollection? form)
    {
        Platform = platform;
        Http = http;
        Arrival = arrival;
        Body = body;
        Json = json;
        Form = form;
    }

    /// <summary>When it arrived, and whether the platform's rate limit lets it through.</summary>
    public Arrival Arrival { get; }

    /// <summary>Seconds to wait when the platform's rate limit refuses this send (at least 1), or null when it may go on.</summary>
    public int? RetryAfterSeconds => Arrival.RetryAfterSeconds;

    /// <summary>The multipart form of an upload, or null for a JSON request.</summary>
    public IFormCollection? Form { get; }

    /// <summary>The bytes of the uploaded file named <paramref name="name"/>, or null.</summary>
    public async Task<(byte[] Content, IFormFile File)?> FileAsync(string name)
    {
        if (Form?.Files.GetFile(name) is not { } file)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        return (buffer.ToArray(), file);
    }

    public string Platform { get; }

    public HttpContext Http { get; }

    public string Body { get; }

    /// <summary>The body as JSON, or null when it is not JSON.</summary>
    public JsonNode? Json { get; }

    /// <summary>
    /// Stamps the request's arrival (and asks the rate limit, which counts per <paramref name="account"/> when set to)
    /// before reading its body, then reads the body.
    /// </summary>
    public static async Task<Exchange> ReadAsync(string platform, HttpContext http, SimulatorState state, string? account)
    {
        var arrival = state.Arrive(platform, account);
        if (http.Request.HasFormContentType)
        {
            // An upload: recorded as a summary of its fields and files (with each file's SHA-256), not its bytes.
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var summary = new JsonObject();
            foreach (var (name, value) in form)
            {
                summary[name] = value.ToString();
            }

            var files = new JsonArray();
            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, http.RequestAborted);
                files.Add(new JsonObject
                {
                    ["name"] = file.Name,
                    ["fileName"] = file.FileName,
                    ["contentType"] = file.ContentType,
                    ["size"] = buffer.Length,
                    ["sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(buffer.ToArray())),
                });
            }

            summary["files"] = files;
            return new Exchange(platform, http, arrival, summary.ToJsonString(), summary, form);
        }

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

        return new Exchange(platform, http, arrival, body, json, null);
    }

    /// <summary>The bearer token of the Authorization header, or null.</summary>
    public string? Bearer => BearerOf(Http);

    /// <summary>The bearer token of a request's Authorization header, or null; readable before the body is.</summary>
    public static string? BearerOf(HttpContext http) =>
        http.Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal) && header.Length > 7 ? header[7..] : null;

    /// <summary>The Retry-After header WhatsApp and LINE put on a rate-limited answer.</summary>
    public void AnnounceRetryAfter(int seconds) =>
        Http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

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
            Arrival.At), Arrival);
        return answer;
    }
}
