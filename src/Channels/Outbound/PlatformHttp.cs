using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Inbox.Channels.Inbound;

namespace Inbox.Channels.Outbound;

/// <summary>The HTTP exchange every sender makes: JSON out, raw bytes back, a network failure turned into a transient refusal.</summary>
internal static class PlatformHttp
{
    /// <summary>An answer: status, body bytes, and Retry-After when the platform sent one.</summary>
    public readonly record struct Answer(int Status, byte[] Body, TimeSpan? RetryAfter)
    {
        public bool IsSuccess => Status is >= 200 and < 300;

        public JsonNode? Json()
        {
            try
            {
                return JsonNode.Parse(Body);
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>A button label or title cut to a platform's limit, with an ellipsis when cut.</summary>
    public static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>POSTs <paramref name="body"/> as JSON; null when the platform could not be reached at all.</summary>
    public static async Task<(Answer? Answer, SendFailure? Unreachable)> PostJsonAsync(
        HttpClient http, Uri url, JsonNode body, Action<HttpRequestHeaders>? headers, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        headers?.Invoke(request.Headers);
        return await SendAsync(http, request, cancellationToken);
    }

    /// <summary>GETs <paramref name="url"/>; null when the platform could not be reached at all.</summary>
    public static async Task<(Answer? Answer, SendFailure? Unreachable)> GetAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        return await SendAsync(http, request, cancellationToken);
    }

    private static async Task<(Answer? Answer, SendFailure? Unreachable)> SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var retryAfter = response.Headers.RetryAfter is { } header
                ? header.Delta ?? (header.Date is { } date ? date - DateTimeOffset.UtcNow : null)
                : null;
            return (new Answer((int)response.StatusCode, body, retryAfter), null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Not reached, or no answer in time: the platform may or may not have the message, so it is transient.
            return (null, new SendFailure(SendFailureKind.Transient, new PlatformError("network", "The platform could not be reached.", e.Message), null));
        }
    }
}
