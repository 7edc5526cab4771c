using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inbox.Channels.Inbound;
using Inbox.Channels.Outbound;

namespace Inbox.Channels.Telegram;

/// <summary>
/// Telegram Bot API failures: <c>{"ok":false,"error_code","description","parameters":{"retry_after","migrate_to_chat_id"}}</c>.
/// The code mirrors HTTP; the description tells 403 "blocked" apart from other refusals.
/// </summary>
public static class TelegramErrors
{
    public static SendFailure FromResponse(int httpStatus, ReadOnlySpan<byte> body)
    {
        JsonNode? answer = null;
        try
        {
            answer = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            // Not Bot API JSON: classify by the HTTP status alone.
        }

        var code = (int?)answer?["error_code"] ?? httpStatus;
        var description = (string?)answer?["description"] ?? $"HTTP {httpStatus}";
        var retryAfter = (int?)answer?["parameters"]?["retry_after"] is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        var error = new PlatformError(code.ToString(CultureInfo.InvariantCulture), description, null);
        var kind = code switch
        {
            401 or 404 => SendFailureKind.AuthExpired,
            403 => SendFailureKind.RecipientUnreachable,
            429 => SendFailureKind.RateLimited,
            400 when description.Contains("chat not found", StringComparison.OrdinalIgnoreCase) => SendFailureKind.RecipientUnreachable,
            400 => SendFailureKind.InvalidRequest,
            >= 500 => SendFailureKind.Transient,
            _ => SendFailureKind.Unknown,
        };
        return new SendFailure(kind, error, retryAfter);
    }
}
