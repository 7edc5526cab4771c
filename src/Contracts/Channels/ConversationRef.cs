namespace Inbox.Contracts.Channels;

/// <summary>Where a channel identity's messages go now.</summary>
/// <param name="ContactId">The contact behind the identity.</param>
/// <param name="ConversationId">The current conversation.</param>
/// <param name="IsNew">True when this call created the contact and conversation (the customer's first message).</param>
[GenerateSerializer, Immutable, Alias("inbox.conversation-ref.v1")]
public sealed record ConversationRef(
    [property: Id(0)] string ContactId,
    [property: Id(1)] string ConversationId,
    [property: Id(2)] bool IsNew = false);
