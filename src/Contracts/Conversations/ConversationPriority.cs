namespace Inbox.Contracts.Conversations;

/// <summary>How urgent a conversation is; the waiting queue serves higher priorities first.</summary>
public enum ConversationPriority
{
    /// <summary>Not set.</summary>
    None = 0,

    /// <summary>Low.</summary>
    Low = 1,

    /// <summary>Medium.</summary>
    Medium = 2,

    /// <summary>High.</summary>
    High = 3,

    /// <summary>Urgent: served before everything else.</summary>
    Urgent = 4,
}
