using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Inbox.Contracts.Messages;
using Inbox.Grains.Storage;

namespace Inbox.Grains.Conversations;

/// <summary>
/// The durable message log: one table partition per conversation, one row per message, RowKey = zero-padded sequence,
/// so a page of history is one range query. Sequences have no gaps, which lets "the N before X" be a bounded range.
/// A message is one entity: redeliveries are recognised by the conversation from the external ids of its recent log
/// (<see cref="RedeliveryWindow"/>), not by a marker row per message. An outgoing message the platform has named gets
/// a marker row <c>p:{hash}</c>, so the platform's status webhooks find it.
/// </summary>
public sealed class MessageLog(TableServiceClient tables)
{
    // Sequence rows are digits; marker rows start with a letter and ':' ("p:" platform id; "x:" redelivery markers of
    // earlier versions). ':' sorts after every digit, so it bounds sequence ranges.
    private const string SequenceRowsEnd = ":";
    private const string PlatformIdPrefix = "p:";

    private readonly TableClient _table = tables.GetTableClient(TableNames.Messages);

    /// <summary>The RowKey of a sequence: 12 digits, zero-padded, so string order is sequence order.</summary>
    public static string RowKey(long sequence) => sequence.ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>
    /// Appends a message. False when its sequence is taken (an earlier attempt whose answer was lost, or another
    /// writer): the caller reads the log from there instead of overwriting.
    /// </summary>
    public async Task<bool> AppendAsync(string conversationKey, MessageRecord message, CancellationToken cancellationToken = default)
    {
        try
        {
            await _table.AddEntityAsync(MessageEntity.From(conversationKey, message), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Rewrites a stored message (its delivery status, its platform id, its attachments' copies). A platform id not
    /// stored before gets its marker row in the same transaction, so status webhooks that name it find the message.
    /// </summary>
    public async Task ReplaceAsync(string conversationKey, MessageRecord message, bool newPlatformId, CancellationToken cancellationToken = default)
    {
        var row = MessageEntity.From(conversationKey, message);
        if (newPlatformId && message.PlatformMessageId is { } platformId)
        {
            await _table.SubmitTransactionAsync(
                [
                    new(TableTransactionActionType.UpsertReplace, row),
                    new(TableTransactionActionType.UpsertReplace, Marker(conversationKey, platformId, message.Sequence)),
                ],
                cancellationToken);
        }
        else
        {
            await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        }
    }

    /// <summary>The sequence of the message the platform knows as <paramref name="platformMessageId"/>, or null.</summary>
    public async Task<long?> FindByPlatformIdAsync(string conversationKey, string platformMessageId, CancellationToken cancellationToken = default)
    {
        var marker = await _table.GetEntityIfExistsAsync<TableEntity>(conversationKey, MarkerRowKey(platformMessageId), ["Sequence"], cancellationToken);
        return marker.HasValue ? marker.Value!.GetInt64("Sequence") : null;
    }

    /// <summary>Messages with <paramref name="fromSequence"/> ≤ sequence &lt; <paramref name="toSequence"/> (unbounded above when null), in order.</summary>
    public async Task<List<MessageRecord>> ReadRangeAsync(
        string conversationKey, long fromSequence, long? toSequence, CancellationToken cancellationToken = default)
    {
        var end = toSequence is { } to ? RowKey(to) : SequenceRowsEnd;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {conversationKey} and RowKey ge {RowKey(fromSequence)} and RowKey lt {end}");
        var messages = new List<MessageRecord>();
        await foreach (var entity in _table.QueryAsync<MessageEntity>(filter, cancellationToken: cancellationToken))
        {
            messages.Add(entity.ToRecord());
        }

        return messages;
    }

    /// <summary>
    /// The external ids of the messages with <paramref name="fromSequence"/> ≤ sequence &lt; <paramref name="toSequence"/>
    /// stored since <paramref name="since"/>, in order: only the four columns a redelivery check needs are read.
    /// </summary>
    public async Task<List<(long Sequence, MessageKind Kind, string ExternalId, DateTimeOffset CreatedAt)>> ReadExternalIdsAsync(
        string conversationKey, long fromSequence, long toSequence, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {conversationKey} and RowKey ge {RowKey(fromSequence)} and RowKey lt {RowKey(toSequence)} and CreatedAt ge {since}");
        var ids = new List<(long, MessageKind, string, DateTimeOffset)>();
        var columns = new[] { nameof(MessageEntity.Sequence), nameof(MessageEntity.Kind), nameof(MessageEntity.ExternalId), nameof(MessageEntity.CreatedAt) };
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: columns, cancellationToken: cancellationToken))
        {
            if (row.GetString(nameof(MessageEntity.ExternalId)) is { Length: > 0 } externalId)
            {
                ids.Add((row.GetInt64(nameof(MessageEntity.Sequence))!.Value, Enum.Parse<MessageKind>(row.GetString(nameof(MessageEntity.Kind))), externalId,
                    row.GetDateTimeOffset(nameof(MessageEntity.CreatedAt))!.Value));
            }
        }

        return ids;
    }

    private static TableEntity Marker(string conversationKey, string platformMessageId, long sequence) =>
        new(conversationKey, MarkerRowKey(platformMessageId)) { ["Sequence"] = sequence };

    // Hashed: platform ids may hold characters a RowKey forbids ('/', '#', '?') and may be long.
    private static string MarkerRowKey(string platformMessageId) =>
        PlatformIdPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(platformMessageId)));
}
