using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Inbox.Contracts.Conversations;
using Inbox.Grains.Storage;

namespace Inbox.Grains.Conversations;

/// <summary>
/// The organisation's conversation list as a table (PartitionKey = organisation), written by the organisation's list
/// writer (<see cref="ConversationListWriterGrain"/>) a while after each conversation's changes; reads lay the rows it
/// has not stored yet over the table's. It also holds the newest sequence the conversation has stored, which is how a
/// reactivated conversation finds the end of its log without a grain-state write per message (a row that lags the
/// log only makes that read a little longer).
/// </summary>
/// <remarks>
/// Rows are written in batches: an organisation's partition starts a write at most once per <see cref="Gather"/>
/// (see <see cref="WritePace"/>), and the rows that arrive meanwhile, or while a write is in flight, go together as one
/// entity-group transaction (up to 100 rows). The list writer hands over the rows that fall due together, so a busy
/// organisation pays one storage request for many conversations, and stays well inside Azure Table's 2,000 entities/s
/// per partition for longer. A batch storage refuses is written again row by row, so one bad row costs only itself.
/// </remarks>
public sealed class ConversationIndex(TableServiceClient tables, IGrainFactory grains)
{
    private const int MaxBatch = 100;

    /// <summary>How often a busy organisation's partition starts a write: the longest a row waits for company.</summary>
    internal static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(50);

    private readonly TableClient _table = tables.GetTableClient(TableNames.Conversations);
    private readonly ConcurrentDictionary<string, PartitionWrites> _partitions = new(StringComparer.Ordinal);

    /// <summary>
    /// Writes the conversation's row; completes once it is stored. When the caller knows the row <paramref name="exists"/>,
    /// it is replaced rather than upserted (If-Match: *): the same result, and one key lookup in the emulator instead of
    /// two. A row that turns out to be missing is written again as an upsert.
    /// </summary>
    public Task UpsertAsync(ConversationSummary summary, bool exists = false)
    {
        var writes = _partitions.GetOrAdd(summary.OrganisationId, _ => new PartitionWrites());
        var pending = new PendingRow(ConversationEntity.From(summary), exists);
        bool start;
        lock (writes)
        {
            writes.Pending.Add(pending);
            (start, writes.Writing) = (!writes.Writing, true);
        }

        if (start)
        {
            // Off the caller's scheduler: the batch carries other grains' rows, and must not run on one of theirs.
            _ = Task.Run(() => DrainAsync(writes));
        }

        return pending.Stored.Task;
    }

    /// <summary>The conversation's row, or null when it has none.</summary>
    public async Task<ConversationSummary?> GetAsync(string organisationId, string conversationId, CancellationToken cancellationToken = default)
    {
        var response = await _table.GetEntityIfExistsAsync<ConversationEntity>(organisationId, conversationId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ToSummary() : null;
    }

    /// <summary>The organisation's conversations matching the query and <paramref name="visible"/>, newest activity first.</summary>
    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(
        string organisationId, ConversationQuery query, Func<ConversationSummary, bool>? visible = null, CancellationToken cancellationToken = default)
    {
        var filter = query.Status is { } status
            ? TableClient.CreateQueryFilter($"PartitionKey eq {organisationId} and Status eq {status.ToString()}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {organisationId}");

        // Table storage orders by RowKey only; the list is small per organisation until search and paging land,
        // so order in memory.
        var all = await ReadAsync(organisationId, filter, c => (query.Status is null || c.Status == query.Status) && query.Matches(c) && (visible is null || visible(c)), cancellationToken);
        return all.OrderByDescending(c => c.LastActivityAt).Take(query.Limit).ToList();
    }

    /// <summary>Every conversation of the organisation that is not resolved: what routing and the wallboard count.</summary>
    public Task<List<ConversationSummary>> ListUnresolvedAsync(string organisationId, CancellationToken cancellationToken = default) =>
        ReadAsync(
            organisationId,
            TableClient.CreateQueryFilter($"PartitionKey eq {organisationId} and Status ne {nameof(ConversationStatus.Resolved)}"),
            c => c.Status != ConversationStatus.Resolved,
            cancellationToken);

    /// <summary>
    /// The stored rows that <paramref name="filter"/> selects, with the list writer's unwritten rows laid over them: an
    /// unwritten row replaces its conversation's stored one, and counts if it <paramref name="matches"/>, whatever the
    /// stored row says. The unwritten rows are asked for first: a row stored meanwhile is then read from the table.
    /// </summary>
    private async Task<List<ConversationSummary>> ReadAsync(
        string organisationId, string filter, Func<ConversationSummary, bool> matches, CancellationToken cancellationToken)
    {
        var unwritten = await grains.GetGrain<IConversationListWriterGrain>(organisationId).UnwrittenAsync();
        var newer = unwritten.ToDictionary(c => c.ConversationId, StringComparer.Ordinal);
        var all = unwritten.Where(matches).ToList();
        await foreach (var entity in _table.QueryAsync<ConversationEntity>(filter, cancellationToken: cancellationToken))
        {
            if (!newer.ContainsKey(entity.RowKey) && entity.ToSummary() is var summary && matches(summary))
            {
                all.Add(summary);
            }
        }

        return all;
    }

    private async Task DrainAsync(PartitionWrites writes)
    {
        while (true)
        {
            lock (writes)
            {
                if (writes.Pending.Count == 0)
                {
                    writes.Writing = false;
                    return;
                }
            }

            // Only this loop takes rows, so the pending ones are still there when the pace lets it write.
            await writes.Pace.NextAsync();
            List<PendingRow> batch;
            lock (writes)
            {
                batch = writes.Pending.Take(MaxBatch).ToList();
                writes.Pending.RemoveRange(0, batch.Count);
            }

            await WriteAsync(batch);
        }
    }

    private async Task WriteAsync(List<PendingRow> batch)
    {
        // A transaction may name a row once: the newest write of a row stands for the older ones in the same batch.
        var rows = batch.GroupBy(p => p.Entity.RowKey, StringComparer.Ordinal).ToList();
        var newest = rows.ConvertAll(r => r.Last());
        try
        {
            if (newest is [{ Exists: false } row])
            {
                await _table.UpsertEntityAsync(row.Entity, TableUpdateMode.Replace);
            }
            else if (newest is [var known])
            {
                await _table.UpdateEntityAsync(known.Entity, ETag.All, TableUpdateMode.Replace);
            }
            else
            {
                await _table.SubmitTransactionAsync(newest.Select(p => p.Exists
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, p.Entity, ETag.All)
                    : new TableTransactionAction(TableTransactionActionType.UpsertReplace, p.Entity)));
            }

            batch.ForEach(p => p.Stored.TrySetResult());
        }
        catch (Exception) when (newest is not [{ Exists: false }])
        {
            // One bad row fails its whole batch, and a row replaced that was not there fails alone: row by row, as upserts.
            await Task.WhenAll(rows.Select(WriteOneAsync));
        }
        catch (Exception e)
        {
            batch.ForEach(p => p.Stored.TrySetException(e));
        }
    }

    private async Task WriteOneAsync(IGrouping<string, PendingRow> row)
    {
        try
        {
            await _table.UpsertEntityAsync(row.Last().Entity, TableUpdateMode.Replace);
            row.ToList().ForEach(p => p.Stored.TrySetResult());
        }
        catch (Exception e)
        {
            row.ToList().ForEach(p => p.Stored.TrySetException(e));
        }
    }

    private sealed class PartitionWrites
    {
        public List<PendingRow> Pending { get; } = [];

        public WritePace Pace { get; } = new(Gather);

        public bool Writing { get; set; }
    }

    private sealed record PendingRow(ConversationEntity Entity, bool Exists)
    {
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
