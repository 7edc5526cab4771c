namespace Inbox.Contracts.Events;

/// <summary>
/// The wire names of live events, <c>noun.verb</c>, shared with the front end (<c>src/Web/src/api/events.ts</c>
/// mirrors this list; a test keeps the two in step).
/// </summary>
public static class EventNames
{
    /// <summary>A conversation began.</summary>
    public const string ConversationCreated = "conversation.created";

    /// <summary>A conversation's summary changed (status, assignee, …).</summary>
    public const string ConversationUpdated = "conversation.updated";

    /// <summary>A message was stored in a conversation.</summary>
    public const string MessageCreated = "message.created";

    /// <summary>A message changed (delivery status).</summary>
    public const string MessageUpdated = "message.updated";

    /// <summary>Every name above.</summary>
    public static IReadOnlyList<string> All { get; } =
        [ConversationCreated, ConversationUpdated, MessageCreated, MessageUpdated];
}
