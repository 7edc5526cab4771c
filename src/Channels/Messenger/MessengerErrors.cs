using Inbox.Channels.Inbound;
using Inbox.Channels.Meta;
using Inbox.Channels.Outbound;

namespace Inbox.Channels.Messenger;

/// <summary>Messenger and Instagram Send API errors (Graph <c>code/subcode</c>) → what they mean.</summary>
public static class MessengerErrors
{
    public static SendFailureKind Classify(PlatformError error) => GraphErrors.Split(error.Code) switch
    {
        ("551", _) => SendFailureKind.RecipientUnreachable,
        ("100", "2018001") => SendFailureKind.RecipientUnreachable,
        ("10", "2018278" or "2534022") => SendFailureKind.WindowClosed,
        ("190" or "10" or "200" or "1" or "99", _) => SendFailureKind.AuthExpired,
        ("4" or "613" or "32" or "17", _) => SendFailureKind.RateLimited,
        ("2", _) => SendFailureKind.Transient,
        ("100", _) => SendFailureKind.InvalidRequest,
        var (code, _) when code.StartsWith("http-5", StringComparison.Ordinal) => SendFailureKind.Transient,
        _ => SendFailureKind.Unknown,
    };

    /// <summary>A synchronous send answer (non-2xx) classified.</summary>
    public static SendFailure FromResponse(int httpStatus, ReadOnlySpan<byte> body, TimeSpan? retryAfter)
    {
        var error = GraphErrors.Read(httpStatus, body);
        return new SendFailure(Classify(error), error, retryAfter);
    }
}
