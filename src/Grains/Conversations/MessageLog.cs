using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Inbox.Contracts.Messages;
using Inbox.Grains.Storage;

namespace Inbox.Grains.Conversations;

/// <summary>
/// The durable message log: one table partition per conversation, one row per message, RowKey = zero-padded sequence,
/// so a page of history is one range query. Sequences have no gaps, which lets "the N before X" be a bounded range.
/// </summary>
public sealed class MessageLog(TableServiceClient tables)
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.Messages);

    /// <summary>The RowKey of a sequence: 12 digits, zero-padded, so string order is sequence order.</summary>
    public static string RowKey(long sequence) => sequence.ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>
    /// Appends a message. Returns false when a row with that sequence already exists (an earlier attempt whose answer
    /// was lost); the caller then reloads instead of overwriting what is stored.
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

    /// <summary>Messages with <paramref name="fromSequence"/> ≤ sequence &lt; <paramref name="toSequence"/> (unbounded above when null), in order.</summary>
    public async Task<List<MessageRecord>> ReadRangeAsync(
        string conversationKey, long fromSequence, long? toSequence, CancellationToken cancellationToken = default)
    {
        var filter = toSequence is { } to
            ? TableClient.CreateQueryFilter($"PartitionKey eq {conversationKey} and RowKey ge {RowKey(fromSequence)} and RowKey lt {RowKey(to)}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {conversationKey} and RowKey ge {RowKey(fromSequence)}");
        var messages = new List<MessageRecord>();
        await foreach (var entity in _table.QueryAsync<MessageEntity>(filter, cancellationToken: cancellationToken))
        {
            messages.Add(entity.ToRecord());
        }

        return messages;
    }
}
