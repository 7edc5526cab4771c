using Azure;
using Azure.Data.Tables;
using Inbox.Contracts.Channels;
using Inbox.Contracts.Conversations;

namespace Inbox.Grains.Conversations;

/// <summary>One row of the conversation list table: the conversation's summary, rewritten on every change.</summary>
internal sealed class ConversationEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ChannelId { get; set; } = "";
    public string Platform { get; set; } = "";
    public string ContactId { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ChannelUserId { get; set; } = "";
    public string Status { get; set; } = "";
    public string? AssigneeId { get; set; }
    public string? TeamId { get; set; }
    public long LastSequence { get; set; }
    public string LastMessagePreview { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }
    public bool ContactHasAvatar { get; set; }
    public string? Priority { get; set; }
    public DateTimeOffset? WaitingSince { get; set; }
    public DateTimeOffset? SnoozedUntil { get; set; }
    public long Revision { get; set; }

    // Comma-separated: a table row has no lists.
    public string? ObserverIds { get; set; }

    public DateTimeOffset? ReplyWindowClosesAt { get; set; }

    public static ConversationEntity From(ConversationSummary summary) => new()
    {
        PartitionKey = summary.OrganisationId,
        RowKey = summary.ConversationId,
        ChannelId = summary.ChannelId,
        Platform = summary.Platform.ToString(),
        ContactId = summary.ContactId,
        ContactName = summary.ContactName,
        ChannelUserId = summary.ChannelUserId,
        Status = summary.Status.ToString(),
        AssigneeId = summary.AssigneeId,
        TeamId = summary.TeamId,
        LastSequence = summary.LastSequence,
        LastMessagePreview = summary.LastMessagePreview,
        CreatedAt = summary.CreatedAt,
        LastActivityAt = summary.LastActivityAt,
        ContactHasAvatar = summary.ContactHasAvatar,
        Priority = summary.Priority.ToString(),
        WaitingSince = summary.WaitingSince,
        SnoozedUntil = summary.SnoozedUntil,
        Revision = summary.Revision,
        ObserverIds = summary.ObserverIds is { Count: > 0 } observers ? string.Join(',', observers) : null,
        ReplyWindowClosesAt = summary.ReplyWindowClosesAt,
    };

    public ConversationSummary ToSummary() => new(
        PartitionKey,
        RowKey,
        ChannelId,
        Enum.Parse<Platform>(Platform),
        ContactId,
        ContactName,
        ChannelUserId,
        Enum.Parse<ConversationStatus>(Status),
        AssigneeId,
        LastSequence,
        LastMessagePreview,
        CreatedAt,
        LastActivityAt,
        TeamId,
        ContactHasAvatar,
        Priority is null ? ConversationPriority.None : Enum.Parse<ConversationPriority>(Priority),
        WaitingSince,
        SnoozedUntil,
        Revision,
        ObserverIds?.Split(','),
        ReplyWindowClosesAt);
}
