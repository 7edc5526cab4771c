using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Inbox.Channels.Inbound;

namespace Inbox.Channels.Outbound;

/// <summary>The HTTP exchange every sender makes: JSON out, raw bytes back, a network failure turned into a transient refusal.</summary>
internal static class PlatformHttp
{
    /// <summary>An answer: status, body bytes, and Retry-After when the platform sent one.</summary>
    public readonly record struct Answer(int Status, byte[] Body, TimeSpan? RetryAfter, string? ContentType = null)
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
    public static async Task<(Answer? Answer, SendFailure? Unreachable)> GetAsync(
        HttpClient http, Uri url, CancellationToken cancellationToken, Action<HttpRequestHeaders>? headers = null, long maxBytes = MaxAnswerBytes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        headers?.Invoke(request.Headers);
        return await SendAsync(http, request, cancellationToken, maxBytes);
    }

    /// <summary>POSTs a multipart form (files to upload); null when the platform could not be reached at all.</summary>
    public static async Task<(Answer? Answer, SendFailure? Unreachable)> PostFormAsync(
        HttpClient http, Uri url, MultipartFormDataContent form, Action<HttpRequestHeaders>? headers, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
        headers?.Invoke(request.Headers);
        return await SendAsync(http, request, cancellationToken);
    }

    /// <summary>The largest answer read from a platform that is not a media file.</summary>
    public const long MaxAnswerBytes = 1024 * 1024;

    /// <summary>The largest media file the inbox downloads or uploads (WhatsApp documents go to 100 MB; the rest stay below this).</summary>
    public const long MaxMediaBytes = 32 * 1024 * 1024;

    /// <summary>A file the platform cannot take this way, said plainly.</summary>
    public static SendResult Unsupported(string reason) =>
        new SendResult.Refused(new SendFailure(SendFailureKind.InvalidRequest, new PlatformError("unsupported", reason, null), null));

    /// <summary>The file's bytes as a multipart part with its media type.</summary>
    public static ByteArrayContent FilePart(OutboundFile file)
    {
        var part = new ByteArrayContent(file.Content);
        part.Headers.ContentType = new MediaTypeHeaderValue(file.MimeType);
        return part;
    }

    /// <summary>A file download that did not work, by its HTTP status.</summary>
    public static SendFailure DownloadFailed(int status) => new(
        status >= 500 ? SendFailureKind.Transient : SendFailureKind.InvalidRequest,
        new PlatformError("http-" + status.ToString(System.Globalization.CultureInfo.InvariantCulture), "The file could not be downloaded (its link may have expired).", null),
        null);

    private static async Task<(Answer? Answer, SendFailure? Unreachable)> SendAsync(
        HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken, long maxBytes = MaxAnswerBytes)
    {
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.Content.Headers.ContentLength > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }

            var body = await ReadAtMostAsync(response.Content, maxBytes, cancellationToken);
            if (body is null)
            {
                return (null, TooLarge(maxBytes));
            }

            var retryAfter = response.Headers.RetryAfter is { } header
                ? header.Delta ?? (header.Date is { } date ? date - DateTimeOffset.UtcNow : null)
                : null;
            return (new Answer((int)response.StatusCode, body, retryAfter, response.Content.Headers.ContentType?.MediaType), null);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            // Never reached: the platform cannot have the message, so sending it again is safe.
            return (null, new SendFailure(SendFailureKind.Transient, new PlatformError(SendFailure.UnreachableCode, "The platform could not be reached.", e.Message), null));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Sent but no answer (in time): the platform may or may not have the message.
            return (null, new SendFailure(SendFailureKind.Transient, new PlatformError(SendFailure.NoAnswerCode, "The platform did not answer in time.", e.Message), null));
        }
    }

    private static SendFailure TooLarge(long maxBytes) =>
        new(SendFailureKind.InvalidRequest, new PlatformError("too-large", $"The file is larger than {maxBytes / (1024 * 1024)} MB.", null), null);

    private static async Task<byte[]?> ReadAtMostAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
