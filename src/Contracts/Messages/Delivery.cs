namespace Inbox.Contracts.Messages;

/// <summary>An agent's reply on its way to a platform channel, queued there until the platform takes it.</summary>
/// <param name="ConversationId">The conversation it was written in, told what became of it.</param>
/// <param name="Sequence">Its sequence number in that conversation.</param>
/// <param name="MessageId">The inbox's id of the message (an idempotency key where the platform has one).</param>
/// <param name="RecipientId">The customer's id on the platform.</param>
/// <param name="Text">The reply.</param>
/// <param name="QuickReplies">Answers the customer can tap, where the platform has buttons.</param>
/// <param name="Attachment">A file to send (in the media store), the text being its caption.</param>
[GenerateSerializer, Immutable, Alias("inbox.outbound-reply.v1")]
public sealed record OutboundReply(
    [property: Id(5)] string ConversationId,
    [property: Id(6)] long Sequence,
    [property: Id(0)] string MessageId,
    [property: Id(1)] string RecipientId,
    [property: Id(2)] string Text,
    [property: Id(3)] IReadOnlyList<string>? QuickReplies = null,
    [property: Id(4)] MessageAttachment? Attachment = null);

/// <summary>What became of a message on its way to the customer: the platform's answer to a send, or a status webhook.</summary>
/// <param name="Status">Where it got to; <see cref="DeliveryStatus.Pending"/> when the channel holds it (the notice says why).</param>
/// <param name="PlatformMessageId">The platform's id of the message, when it gave one.</param>
/// <param name="Notice">For a failure: why, in plain words, with the platform's code for support.</param>
/// <param name="FailureKind">For a failure: its class (<c>recipient_unreachable</c>, <c>auth_expired</c>, …).</param>
[GenerateSerializer, Immutable, Alias("inbox.delivery-report.v1")]
public sealed record DeliveryReport(
    [property: Id(0)] DeliveryStatus Status,
    [property: Id(1)] string? PlatformMessageId,
    [property: Id(2)] string? Notice = null,
    [property: Id(3)] string? FailureKind = null);

/// <summary>A customer's file to download from the platform into the inbox's media store.</summary>
/// <param name="Attachment">The attachment as the webhook described it (its platform media id or URL).</param>
/// <param name="BlobName">Where to keep the file.</param>
[GenerateSerializer, Immutable, Alias("inbox.media-request.v1")]
public sealed record MediaRequest(
    [property: Id(0)] MessageAttachment Attachment,
    [property: Id(1)] string BlobName);

/// <summary>What became of a download: the attachment with its stored copy, or unchanged with the reason it is missing.</summary>
/// <param name="Attachment">The attachment, with <see cref="MessageAttachment.BlobName"/>, media type and size once stored.</param>
/// <param name="Notice">Why the file could not be kept, in plain words; null when it was.</param>
[GenerateSerializer, Immutable, Alias("inbox.media-report.v1")]
public sealed record MediaReport(
    [property: Id(0)] MessageAttachment Attachment,
    [property: Id(1)] string? Notice);

/// <summary>A new customer whose name and picture the platform's profile API may know.</summary>
/// <param name="ConversationId">Their conversation, to show the name and picture on.</param>
/// <param name="ContactId">The contact.</param>
/// <param name="UserId">Their id on the platform.</param>
[GenerateSerializer, Immutable, Alias("inbox.profile-request.v1")]
public sealed record ProfileRequest(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] string ContactId,
    [property: Id(2)] string UserId);

/// <summary>A platform's status webhook for messages sent to one customer.</summary>
/// <param name="Status">The new status.</param>
/// <param name="At">When the platform says it happened.</param>
/// <param name="PlatformMessageId">The message it is about, or null for a watermark.</param>
/// <param name="Notice">For a failure: why, in plain words.</param>
/// <param name="FailureKind">For a failure: its class (<c>recipient_unreachable</c>, …).</param>
[GenerateSerializer, Immutable, Alias("inbox.delivery-update.v1")]
public sealed record DeliveryUpdate(
    [property: Id(0)] DeliveryStatus Status,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string? PlatformMessageId,
    [property: Id(3)] string? Notice = null,
    [property: Id(4)] string? FailureKind = null);
