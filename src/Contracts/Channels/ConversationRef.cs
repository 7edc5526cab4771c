namespace Inbox.Contracts.Channels;

/// <summary>Where a channel identity's messages go now.</summary>
/// <param name="ContactId">The contact behind the identity.</param>
/// <param name="ConversationId">The current conversation.</param>
[GenerateSerializer, Immutable, Alias("inbox.conversation-ref.v1")]
public sealed record ConversationRef(
    [property: Id(0)] string ContactId,
    [property: Id(1)] string ConversationId);
