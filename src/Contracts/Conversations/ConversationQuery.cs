namespace Inbox.Contracts.Conversations;

/// <summary>A filter for the conversation list.</summary>
/// <param name="Status">Only conversations in this status; all when null.</param>
/// <param name="Limit">At most this many, newest activity first.</param>
[GenerateSerializer, Immutable, Alias("inbox.conversation-query.v1")]
public sealed record ConversationQuery(
    [property: Id(0)] ConversationStatus? Status,
    [property: Id(1)] int Limit);
