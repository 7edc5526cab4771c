using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Inbox.Contracts.Messages;

namespace Inbox.Grains.Conversations;

/// <summary>One row of the message log table.</summary>
internal sealed class MessageEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ConversationId { get; set; } = "";
    public long Sequence { get; set; }
    public string MessageId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Text { get; set; } = "";
    public string AuthorId { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public string? ExternalId { get; set; }
    public string DeliveryStatus { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The attachments as JSON (a table row has no lists), or null when there are none.</summary>
    public string? Attachments { get; set; }

    /// <summary>The shared location as JSON, or null.</summary>
    public string? Location { get; set; }

    public string? Notice { get; set; }

    /// <summary>The quick replies as JSON, or null.</summary>
    public string? QuickReplies { get; set; }
    public string? PlatformMessageId { get; set; }

    public static MessageEntity From(string partitionKey, MessageRecord message) => new()
    {
        PartitionKey = partitionKey,
        RowKey = MessageLog.RowKey(message.Sequence),
        ConversationId = message.ConversationId,
        Sequence = message.Sequence,
        MessageId = message.MessageId,
        Kind = message.Kind.ToString(),
        Text = message.Text,
        AuthorId = message.AuthorId,
        AuthorName = message.AuthorName,
        ExternalId = message.ExternalId,
        DeliveryStatus = message.DeliveryStatus.ToString(),
        CreatedAt = message.CreatedAt,
        Attachments = message.Attachments is { Count: > 0 } attachments ? JsonSerializer.Serialize(attachments, Json) : null,
        Location = message.Location is { } location ? JsonSerializer.Serialize(location, Json) : null,
        Notice = message.Notice,
        PlatformMessageId = message.PlatformMessageId,
        QuickReplies = message.QuickReplies is { Count: > 0 } replies ? JsonSerializer.Serialize(replies, Json) : null,
    };

    public MessageRecord ToRecord() => new(
        ConversationId,
        Sequence,
        MessageId,
        Enum.Parse<MessageKind>(Kind),
        Text,
        AuthorId,
        AuthorName,
        ExternalId,
        Enum.Parse<DeliveryStatus>(DeliveryStatus),
        CreatedAt,
        Attachments is null ? null : JsonSerializer.Deserialize<List<MessageAttachment>>(Attachments, Json),
        Location is null ? null : JsonSerializer.Deserialize<MessageLocation>(Location, Json),
        Notice,
        PlatformMessageId,
        QuickReplies is null ? null : JsonSerializer.Deserialize<List<string>>(QuickReplies, Json));

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
