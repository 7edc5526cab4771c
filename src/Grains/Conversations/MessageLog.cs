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
    // Sequence rows are digits; marker rows start with a letter and ':' ("x:" redelivery, "p:" platform id). ':' sorts
    // after every digit, so it bounds sequence ranges.
    private const string SequenceRowsEnd = ":";
    private const string DedupePrefix = "x:";
    private const string PlatformIdPrefix = "p:";

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
                var marker = Marker(conversationKey, DedupePrefix, dedupeKey, message.Sequence);
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
                    new(TableTransactionActionType.UpsertReplace, Marker(conversationKey, PlatformIdPrefix, platformId, message.Sequence)),
                ],
                cancellationToken);
        }
        else
        {
            await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        }
    }

    /// <summary>The sequence of the message the platform knows as <paramref name="platformMessageId"/>, or null.</summary>
    public Task<long?> FindByPlatformIdAsync(string conversationKey, string platformMessageId, CancellationToken cancellationToken = default) =>
        MarkedSequenceAsync(conversationKey, PlatformIdPrefix, platformMessageId, cancellationToken);

    // The stored message whose redelivery marker is the dedupe key, or null.
    private async Task<MessageRecord?> FindAsync(string conversationKey, string dedupeKey, CancellationToken cancellationToken)
    {
        if (await MarkedSequenceAsync(conversationKey, DedupePrefix, dedupeKey, cancellationToken) is not { } sequence)
        {
            return null;
        }

        var row = await _table.GetEntityIfExistsAsync<MessageEntity>(conversationKey, RowKey(sequence), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.ToRecord() : null;
    }

    private async Task<long?> MarkedSequenceAsync(string conversationKey, string prefix, string key, CancellationToken cancellationToken)
    {
        var marker = await _table.GetEntityIfExistsAsync<TableEntity>(conversationKey, MarkerRowKey(prefix, key), ["Sequence"], cancellationToken);
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

    // Incoming and outgoing ids come from different senders (a platform, an agent's client), so each kind is its own namespace.
    private static string DedupeKey(MessageKind kind, string externalId) => $"{kind}:{externalId}";

    private static TableEntity Marker(string conversationKey, string prefix, string key, long sequence) =>
        new(conversationKey, MarkerRowKey(prefix, key)) { ["Sequence"] = sequence };

    // Hashed: external ids may hold characters a RowKey forbids ('/', '#', '?') and may be long.
    private static string MarkerRowKey(string prefix, string key) =>
        prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
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
