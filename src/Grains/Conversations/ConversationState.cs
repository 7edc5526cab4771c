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
}
