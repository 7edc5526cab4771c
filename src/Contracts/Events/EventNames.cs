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

    /// <summary>A conversation was assigned, reassigned or unassigned (the event carries the chat's notice).</summary>
    public const string ConversationAssigned = "conversation.assigned";

    /// <summary>A conversation's status changed (the event carries the chat's notice).</summary>
    public const string ConversationStatusChanged = "conversation.status_changed";

    /// <summary>An agent's presence, capacity or connection changed.</summary>
    public const string AgentPresenceChanged = "agent.presence_changed";

    /// <summary>The wallboard's figures changed (at most a few times a second).</summary>
    public const string WallboardUpdated = "wallboard.updated";

    /// <summary>A customer has waited past the organisation's threshold.</summary>
    public const string WallboardAlert = "wallboard.alert";

    /// <summary>A channel's status changed: disabled, enabled, needs reconnecting, rate-limited, working again (to every signed-in user of the organisation).</summary>
    public const string ChannelStatusChanged = "channel.status_changed";

    /// <summary>A channel went wrong or recovered, with its health: for the admins who can fix it.</summary>
    public const string ChannelAlert = "channel.alert";

    /// <summary>Every name above.</summary>
    public static IReadOnlyList<string> All { get; } =
        [ConversationCreated, ConversationUpdated, MessageCreated, MessageUpdated, ConversationAssigned, ConversationStatusChanged,
            AgentPresenceChanged, WallboardUpdated, WallboardAlert, ChannelStatusChanged, ChannelAlert];
}
