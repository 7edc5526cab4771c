namespace Inbox.Contracts.Conversations;

/// <summary>Where a conversation is in its lifecycle.</summary>
public enum ConversationStatus
{
    /// <summary>Waiting for or being handled by an agent.</summary>
    Open = 0,

    /// <summary>Waiting on the customer.</summary>
    Pending = 1,

    /// <summary>Hidden until a time, then open again.</summary>
    Snoozed = 2,

    /// <summary>Done; a new customer message reopens it.</summary>
    Resolved = 3,
}
