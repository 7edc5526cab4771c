namespace Inbox.Grains.Storage;

/// <summary>The tables the grains write besides Orleans' own grain-state table.</summary>
public static class TableNames
{
    /// <summary>The message log: PartitionKey = <c>{organisationId}:{conversationId}</c>, RowKey = zero-padded sequence.</summary>
    public const string Messages = "InboxMessages";

    /// <summary>The conversation list: PartitionKey = organisation id, RowKey = conversation id.</summary>
    public const string Conversations = "InboxConversations";

    /// <summary>The user list: PartitionKey = organisation id, RowKey = user id.</summary>
    public const string Users = "InboxUsers";

    /// <summary>The audit log: PartitionKey = <c>{organisationId}:{yyyyMMdd}:{shard}</c>, RowKey = inverted sequence.</summary>
    public const string Audit = "InboxAudit";

    /// <summary>
    /// The channels' outboxes: replies stored and not yet taken by their platform. PartitionKey = the channel grain's
    /// key, RowKey = the zero-padded order the channel queued them in.
    /// </summary>
    public const string Outbox = "InboxOutbox";

    /// <summary>Every table above, created at silo start.</summary>
    public static IReadOnlyList<string> All { get; } = [Messages, Conversations, Users, Audit, Outbox];
}
