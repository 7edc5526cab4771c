namespace Inbox.Contracts.Messages;

/// <summary>A slice of a conversation's history, oldest first.</summary>
/// <param name="Messages">The messages, in sequence order.</param>
/// <param name="HasMore">True when older messages exist before the first one.</param>
[GenerateSerializer, Immutable, Alias("inbox.message-page.v1")]
public sealed record MessagePage(
    [property: Id(0)] IReadOnlyList<MessageRecord> Messages,
    [property: Id(1)] bool HasMore);
