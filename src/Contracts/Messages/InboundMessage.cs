namespace Inbox.Contracts.Messages;

/// <summary>A customer's message as it arrives from a channel.</summary>
/// <param name="ExternalId">The sender's id of the message (platform message id, or the widget's client-generated id).</param>
/// <param name="Text">The text.</param>
[GenerateSerializer, Immutable, Alias("inbox.inbound-message.v1")]
public sealed record InboundMessage(
    [property: Id(0)] string ExternalId,
    [property: Id(1)] string Text);
