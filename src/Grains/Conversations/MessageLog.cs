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
/// A message with an external id (a platform message id, a client's idempotency id) also gets a marker row
/// <c>x:{hash}</c> in the same partition, written in the same entity-group transaction: a redelivery, however late,
/// fails that transaction and finds the stored message, at no extra storage call for a new message.
/// </summary>
public sealed class MessageLog(TableServiceClient tables)
{
    // Sequence rows are digits; marker rows start with "x:". ':' sorts after every digit, so it bounds sequence ranges.
    private const string SequenceRowsEnd = ":";
    private const string MarkerPrefix = "x:";

    private readonly TableClient _table = tables.GetTableClient(TableNames.Messages);

    /// <summary>The RowKey of a sequence: 12 digits, zero-padded, so string order is sequence order.</summary>
    public static string RowKey(long sequence) => sequence.ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>
    /// Appends a message, with its redelivery marker when it has an external id. Says whether it was stored, whether
    /// its sequence is taken (an earlier attempt whose answer was lost, or another writer: the caller reloads instead
    /// of overwriting), or whether the marker names an already stored message.
    /// </summary>
    public async Task<AppendResult> AppendAsync(string conversationKey, MessageRecord message, CancellationToken cancellationToken = default)
    {
        var row = MessageEntity.From(conversationKey, message);
        var dedupeKey = message.ExternalId is { } externalId ? DedupeKey(message.Kind, externalId) : null;
        try
        {
            if (dedupeKey is null)
            {
                await _table.AddEntityAsync(row, cancellationToken);
            }
            else
            {
                var marker = new TableEntity(conversationKey, MarkerRowKey(dedupeKey)) { ["Sequence"] = message.Sequence };
                await _table.SubmitTransactionAsync([new(TableTransactionActionType.Add, row), new(TableTransactionActionType.Add, marker)], cancellationToken);
            }

            return AppendResult.Stored;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            if (dedupeKey is not null && await FindAsync(conversationKey, dedupeKey, cancellationToken) is { } stored)
            {
                return AppendResult.Duplicate(stored);
            }

            return AppendResult.SequenceTaken;
        }
    }

    // The stored message whose redelivery marker is the dedupe key, or null.
    private async Task<MessageRecord?> FindAsync(string conversationKey, string dedupeKey, CancellationToken cancellationToken)
    {
        var marker = await _table.GetEntityIfExistsAsync<TableEntity>(conversationKey, MarkerRowKey(dedupeKey), ["Sequence"], cancellationToken);
        if (!marker.HasValue || marker.Value!.GetInt64("Sequence") is not { } sequence)
        {
            return null;
        }

        var row = await _table.GetEntityIfExistsAsync<MessageEntity>(conversationKey, RowKey(sequence), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.ToRecord() : null;
    }

    /// <summary>Rewrites a stored message (its delivery status, its platform id, its attachments' copies).</summary>
    public async Task ReplaceAsync(string conversationKey, MessageRecord message, CancellationToken cancellationToken = default) =>
        await _table.UpsertEntityAsync(MessageEntity.From(conversationKey, message), TableUpdateMode.Replace, cancellationToken);

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

    // Incoming and outgoing ids come from different senders (a platform, an agent's client), so each kind is its own namespace.
    private static string DedupeKey(MessageKind kind, string externalId) => $"{kind}:{externalId}";

    // Hashed: external ids may hold characters a RowKey forbids ('/', '#', '?') and may be long.
    private static string MarkerRowKey(string dedupeKey) =>
        MarkerPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dedupeKey)));
}

/// <summary>What became of an append.</summary>
/// <param name="Outcome">Stored, sequence taken, or a duplicate of <paramref name="Existing"/>.</param>
/// <param name="Existing">The message stored earlier under the same external id, for a duplicate.</param>
public readonly record struct AppendResult(AppendOutcome Outcome, MessageRecord? Existing)
{
    public static AppendResult Stored => new(AppendOutcome.Stored, null);

    public static AppendResult SequenceTaken => new(AppendOutcome.SequenceTaken, null);

    public static AppendResult Duplicate(MessageRecord existing) => new(AppendOutcome.Duplicate, existing);
}

/// <summary>The three ends of an append.</summary>
public enum AppendOutcome
{
    Stored,
    SequenceTaken,
    Duplicate,
}
