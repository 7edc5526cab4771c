namespace Inbox.Channels.Outbound;

/// <summary>What a platform error means for the inbox, whatever platform said it (docs/channels.md maps every documented code).</summary>
public enum SendFailureKind
{
    /// <summary>The platform had a passing problem: retry with backoff (the same idempotency key where there is one).</summary>
    Transient,

    /// <summary>A rate limit: hold the message and send it when the limit allows (honouring any retry-after).</summary>
    RateLimited,

    /// <summary>The channel's token expired, was revoked or lacks a permission: the channel needs an admin to reconnect it.</summary>
    AuthExpired,

    /// <summary>The customer blocked the business, left, or cannot be reached on this platform: do not retry.</summary>
    RecipientUnreachable,

    /// <summary>The platform's messaging window has closed (WhatsApp/Messenger 24 h, WeChat 48 h): only the customer can reopen it.</summary>
    WindowClosed,

    /// <summary>The request itself was wrong (a bug, an oversized text, bad media): do not retry unchanged.</summary>
    InvalidRequest,

    /// <summary>The platform had already accepted this very request (LINE's retry key): it counts as sent.</summary>
    AlreadyAccepted,

    /// <summary>An error this inbox does not know: fail safe (no retry), keep the raw code for support.</summary>
    Unknown,
}
