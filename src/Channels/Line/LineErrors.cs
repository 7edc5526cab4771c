using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inbox.Channels.Inbound;
using Inbox.Channels.Outbound;

namespace Inbox.Channels.Line;

/// <summary>LINE Messaging API failures: the HTTP status decides, <c>{"message","details":[…]}</c> explains.</summary>
public static class LineErrors
{
    public static SendFailure FromResponse(int httpStatus, ReadOnlySpan<byte> body, TimeSpan? retryAfter)
    {
        string? message = null;
        string? details = null;
        try
        {
            var answer = JsonNode.Parse(body);
            message = (string?)answer?["message"];
            details = (answer?["details"] as JsonArray)?.Select(d => $"{(string?)d?["property"]}: {(string?)d?["message"]}") is { } lines ? string.Join("; ", lines) : null;
        }
        catch (JsonException)
        {
            // Not LINE JSON: the status alone.
        }

        var error = new PlatformError(httpStatus.ToString(CultureInfo.InvariantCulture), message ?? $"HTTP {httpStatus}", details);
        var kind = httpStatus switch
        {
            401 or 403 => SendFailureKind.AuthExpired,
            404 => SendFailureKind.RecipientUnreachable,
            409 => SendFailureKind.AlreadyAccepted,
            429 => SendFailureKind.RateLimited,
            400 or 410 or 413 or 415 => SendFailureKind.InvalidRequest,
            >= 500 => SendFailureKind.Transient,
            _ => SendFailureKind.Unknown,
        };
        return new SendFailure(kind, error, retryAfter);
    }
}
