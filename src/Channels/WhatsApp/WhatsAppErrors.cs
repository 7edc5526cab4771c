using Inbox.Channels.Inbound;
using Inbox.Channels.Meta;
using Inbox.Channels.Outbound;

namespace Inbox.Channels.WhatsApp;

/// <summary>WhatsApp Cloud API error codes (synchronous answers and failed-status webhooks alike) → what they mean.</summary>
public static class WhatsAppErrors
{
    public static SendFailureKind Classify(PlatformError error) => GraphErrors.Split(error.Code).Code switch
    {
        // Token expired or invalidated, permission missing or revoked, account locked or blocked: an admin must act.
        "0" or "190" or "3" or "10" or "131031" or "368" => SendFailureKind.AuthExpired,
        var code when int.TryParse(code, out var number) && number is >= 200 and <= 299 => SendFailureKind.AuthExpired,
        "4" or "80007" or "130429" or "131048" or "131056" => SendFailureKind.RateLimited,
        "131047" => SendFailureKind.WindowClosed,
        "131026" or "131050" => SendFailureKind.RecipientUnreachable,
        "1" or "2" or "131000" or "131049" or "131057" => SendFailureKind.Transient,
        "100" or "131008" or "131009" or "131052" or "131053" or "132000" or "132001" => SendFailureKind.InvalidRequest,
        var code when code.StartsWith("http-5", StringComparison.Ordinal) => SendFailureKind.Transient,
        _ => SendFailureKind.Unknown,
    };

    /// <summary>A synchronous send answer (non-2xx) classified.</summary>
    public static SendFailure FromResponse(int httpStatus, ReadOnlySpan<byte> body, TimeSpan? retryAfter)
    {
        var error = GraphErrors.Read(httpStatus, body);
        return new SendFailure(Classify(error), error, retryAfter);
    }
}
