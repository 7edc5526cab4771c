namespace Inbox.Channels.Inbound;

/// <summary>One thing a webhook told us, normalised across platforms. Core code never looks at the platform's own shapes.</summary>
public abstract record InboundEvent
{
    private protected InboundEvent()
    {
    }
}

/// <summary>A customer's message.</summary>
/// <param name="ExternalId">The platform's id of the message, unique within the channel: a redelivery carries the same one.</param>
/// <param name="ConversationKey">Who the conversation is with, as the platform addresses replies (a Telegram chat id, a wa_id, …).</param>
/// <param name="Sender">Who wrote it.</param>
/// <param name="SentAt">When the platform says it was sent.</param>
/// <param name="Text">Its text or caption, if any.</param>
/// <param name="Attachments">Its files.</param>
/// <param name="Location">A shared place, if any.</param>
/// <param name="Unsupported">
/// Set when the message is of a kind the inbox cannot show (a poll, a game, …): it is still stored, as a notice
/// naming the kind, so nothing the customer sent disappears silently.
/// </param>
public sealed record InboundMessage(
    string ExternalId,
    string ConversationKey,
    PlatformUser Sender,
    DateTimeOffset SentAt,
    string? Text,
    IReadOnlyList<InboundAttachment> Attachments,
    InboundLocation? Location,
    string? Unsupported) : InboundEvent;

/// <summary>The customer blocked or unblocked the business on the platform.</summary>
/// <param name="ConversationKey">The customer, as the platform addresses them.</param>
/// <param name="Blocked">True when they can no longer be reached.</param>
/// <param name="At">When it happened.</param>
public sealed record ReachabilityChanged(string ConversationKey, bool Blocked, DateTimeOffset At) : InboundEvent;

/// <summary>An event the inbox has no use for (a channel post, a poll answer, …): acknowledged and logged, not stored.</summary>
/// <param name="Kind">The platform's name for it.</param>
public sealed record IgnoredEvent(string Kind) : InboundEvent;

/// <summary>The platform reports what became of a message the business sent.</summary>
/// <param name="ConversationKey">The customer the message was sent to (as <see cref="InboundMessage.ConversationKey"/>).</param>
/// <param name="ExternalMessageId">The platform's id of the sent message (returned by its send API).</param>
/// <param name="Status">Where it got to.</param>
/// <param name="At">When.</param>
/// <param name="Error">Why it failed, for <see cref="DeliveryState.Failed"/>.</param>
public sealed record DeliveryStatusChanged(string ConversationKey, string ExternalMessageId, DeliveryState Status, DateTimeOffset At, PlatformError? Error) : InboundEvent;

/// <summary>A problem the platform reports about the channel itself rather than one message (e.g. a rate limit hit).</summary>
public sealed record ChannelProblemReported(PlatformError Error) : InboundEvent;

/// <summary>
/// Every message the business sent to <paramref name="ConversationKey"/> up to <paramref name="UpTo"/> reached
/// <paramref name="Status"/> (Messenger's delivery and read watermarks name no message ids).
/// </summary>
public sealed record DeliveryWatermark(string ConversationKey, DeliveryState Status, DateTimeOffset UpTo) : InboundEvent;
