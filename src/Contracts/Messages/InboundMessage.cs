namespace Inbox.Contracts.Messages;

/// <summary>A customer's message as a channel delivers it.</summary>
/// <param name="ExternalId">The channel's id for the message (the widget's client message id, a platform message id): a redelivery carries the same one and is stored once.</param>
/// <param name="Text">What the customer wrote; may be empty when the message is only an attachment or a location.</param>
/// <param name="Attachments">Files sent with it.</param>
/// <param name="Location">A place shared with it.</param>
/// <param name="Notice">Why part of it cannot be shown (a platform message type the inbox does not support), in plain words.</param>
/// <param name="SentAt">When the customer sent it by the platform's clock (a late redelivery can be hours old); null means now (the widget's messages).</param>
[GenerateSerializer, Immutable, Alias("inbox.inbound-message.v1")]
public sealed record InboundMessage(
    [property: Id(0)] string ExternalId,
    [property: Id(1)] string Text,
    [property: Id(2)] IReadOnlyList<MessageAttachment>? Attachments = null,
    [property: Id(3)] MessageLocation? Location = null,
    [property: Id(4)] string? Notice = null,
    [property: Id(5)] DateTimeOffset? SentAt = null)
{
    /// <summary>True when the message carries anything besides text.</summary>
    public bool HasContentBesidesText => Attachments is { Count: > 0 } || Location is not null || Notice is not null;
}
