using Inbox.Contracts.Channels;
using Inbox.Contracts.Conversations;

namespace Inbox.Grains.Conversations;

/// <summary>
/// The durable part of a conversation that changes rarely (who, where, lifecycle). The newest sequence and preview live
/// in the message log and the conversation index, which are written for every message anyway, so a message costs no
/// grain-state write.
/// </summary>
[GenerateSerializer, Alias("inbox.conversation-state.v1")]
public sealed class ConversationState
{
    [Id(0)] public string ChannelId { get; set; } = "";
    [Id(1)] public Platform Platform { get; set; }
    [Id(2)] public string ContactId { get; set; } = "";
    [Id(3)] public string ContactName { get; set; } = "";
    [Id(4)] public string ChannelUserId { get; set; } = "";
    [Id(5)] public ConversationStatus Status { get; set; }
    [Id(6)] public string? AssigneeId { get; set; }
    [Id(7)] public DateTimeOffset CreatedAt { get; set; }
    [Id(8)] public string? TeamId { get; set; }
    [Id(9)] public bool ContactHasAvatar { get; set; }

    // Ids 10-20 came with the lifecycle and routing; conversations stored before them read as never routed.
    [Id(10)] public ConversationPriority Priority { get; set; }
    [Id(11)] public long Revision { get; set; }
    [Id(12)] public DateTimeOffset? WaitingSince { get; set; }
    [Id(13)] public DateTimeOffset? SnoozedUntil { get; set; }
    [Id(14)] public DateTimeOffset? AssignedAt { get; set; }
    [Id(15)] public DateTimeOffset? ResolvedAt { get; set; }
    [Id(16)] public int ReopenCount { get; set; }
    [Id(17)] public int ReassignCount { get; set; }
    [Id(18)] public List<string> ObserverIds { get; set; } = [];

    // Whether the conversation has been handed to routing at least once (its first customer message did that).
    [Id(19)] public bool Routed { get; set; }
    [Id(20)] public DateTimeOffset? FirstCustomerMessageAt { get; set; }

    // When the platform said the customer blocked the business (LINE unfollow, Telegram kicked the bot, WeChat
    // unsubscribe), until they unblock it.
    [Id(21)] public DateTimeOffset? BlockedAt { get; set; }
}
