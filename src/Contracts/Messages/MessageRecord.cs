namespace Inbox.Contracts.Messages;

/// <summary>One stored message of a conversation, as the message log holds it.</summary>
/// <param name="ConversationId">The conversation's id within its organisation.</param>
/// <param name="Sequence">Position in the conversation, from 1, without gaps.</param>
/// <param name="MessageId">Our unique id of the message.</param>
/// <param name="Kind">Incoming, outgoing, note or activity.</param>
/// <param name="Text">The message text.</param>
/// <param name="AuthorId">The agent's user id for outgoing messages and notes; the contact id for incoming ones.</param>
/// <param name="AuthorName">The author's display name.</param>
/// <param name="ExternalId">The id the sender gave the message (platform message id or the widget's client id), used to drop redeliveries.</param>
/// <param name="DeliveryStatus">Delivery state of an outgoing message.</param>
/// <param name="CreatedAt">When it was stored.</param>
/// <param name="Attachments">Files sent with it.</param>
/// <param name="Location">A place shared with it.</param>
/// <param name="Notice">Why part of it cannot be shown, or why it failed, in plain words.</param>
/// <param name="QuickReplies">The answers an outgoing message offered as buttons.</param>
/// <param name="PlatformMessageId">The platform's id for an outgoing message once the platform accepted it; status webhooks name it.</param>
[GenerateSerializer, Immutable, Alias("inbox.message-record.v1")]
public sealed record MessageRecord(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] string MessageId,
    [property: Id(3)] MessageKind Kind,
    [property: Id(4)] string Text,
    [property: Id(5)] string AuthorId,
    [property: Id(6)] string AuthorName,
    [property: Id(7)] string? ExternalId,
    [property: Id(8)] DeliveryStatus DeliveryStatus,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] IReadOnlyList<MessageAttachment>? Attachments = null,
    [property: Id(11)] MessageLocation? Location = null,
    [property: Id(12)] string? Notice = null,
    [property: Id(13)] string? PlatformMessageId = null,
    [property: Id(14)] IReadOnlyList<string>? QuickReplies = null);
