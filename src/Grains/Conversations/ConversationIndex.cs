using Azure;
using Azure.Data.Tables;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Grains;
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
/// Rows are written in batches: the list writer hands over the rows that fall due together, and they go as entity-group
/// transactions of up to <see cref="MaxBatch"/> rows, one after another, so a busy organisation pays one storage request
/// for many conversations and stays well inside Azure Table's 2,000 entities/s per partition for longer. A batch storage
/// refuses is written again row by row, so one bad row costs only itself.
/// </remarks>
public sealed class ConversationIndex(TableServiceClient tables, IGrainFactory grains)
{
    // Not Azure's limit of 100: nobody waits for these rows (they are written seconds after their change), while a
    // transaction is one unit of work for the store. The emulator's one thread was held 20–73 ms by a transaction of
    // 100 rows, and the messages of that moment waited behind it; 25 rows hold it a quarter as long, and the batches
    // go one at a time, so storage serves other requests between them (docs/benchmarks.md, sixth pass).
    internal const int MaxBatch = 25;

    private readonly TableClient _table = tables.GetTableClient(TableNames.Conversations);

    /// <summary>
    /// Stores the rows of one organisation's conversations (one row each) and returns those that could not be stored,
    /// with why. A row the caller knows <c>Exists</c> is replaced rather than upserted (If-Match: *): the same result,
    /// and one key lookup in the emulator instead of two; one that turns out to be missing is written again as an upsert.
    /// </summary>
    public async Task<IReadOnlyList<(string ConversationId, Exception Error)>> WriteAsync(IReadOnlyList<(ConversationSummary Summary, bool Exists)> rows)
    {
        var failed = new List<(string, Exception)>();
        foreach (var batch in rows.Chunk(MaxBatch))
        {
            failed.AddRange(await WriteBatchAsync(batch));
        }

        return failed;
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
        var all = await ReadAsync(organisationId, filter, c => query.Matches(c) && (visible is null || visible(c)), cancellationToken);
        return all.OrderByDescending(c => c.LastActivityAt).Take(query.Limit).ToList();
    }

    /// <summary>Every conversation of the organisation that is not resolved: what routing and the wallboard count.</summary>
    public Task<List<ConversationSummary>> ListUnresolvedAsync(string organisationId, CancellationToken cancellationToken = default) =>
        ReadAsync(
            organisationId,
            TableClient.CreateQueryFilter($"PartitionKey eq {organisationId} and Status ne {nameof(ConversationStatus.Resolved)}"),
            c => c.Status != ConversationStatus.Resolved,
            cancellationToken);

    /// <summary>Every conversation of the organisation with the customer <paramref name="contactId"/>.</summary>
    public Task<List<ConversationSummary>> ListOfContactAsync(string organisationId, string contactId, CancellationToken cancellationToken = default) =>
        ReadAsync(
            organisationId,
            TableClient.CreateQueryFilter($"PartitionKey eq {organisationId} and ContactId eq {contactId}"),
            c => c.ContactId == contactId,
            cancellationToken);

    /// <summary>
    /// The stored rows that <paramref name="filter"/> selects, with the list writer's unwritten rows laid over them: an
    /// unwritten row replaces its conversation's stored one, and counts if it <paramref name="matches"/>, whatever the
    /// stored row says. The unwritten rows are asked for first: a row stored meanwhile is then read from the table.
    /// </summary>
    private async Task<List<ConversationSummary>> ReadAsync(
        string organisationId, string filter, Func<ConversationSummary, bool> matches, CancellationToken cancellationToken)
    {
        var unwritten = await grains.Get<IConversationListWriterGrain>(organisationId).UnwrittenAsync();
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

    private async Task<IEnumerable<(string, Exception)>> WriteBatchAsync((ConversationSummary Summary, bool Exists)[] rows)
    {
        try
        {
            if (rows is [(var row, false)])
            {
                await _table.UpsertEntityAsync(ConversationEntity.From(row), TableUpdateMode.Replace);
            }
            else if (rows is [(var known, true)])
            {
                await _table.UpdateEntityAsync(ConversationEntity.From(known), ETag.All, TableUpdateMode.Replace);
            }
            else
            {
                await _table.SubmitTransactionAsync(rows.Select(r => r.Exists
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, ConversationEntity.From(r.Summary), ETag.All)
                    : new TableTransactionAction(TableTransactionActionType.UpsertReplace, ConversationEntity.From(r.Summary))));
            }

            return [];
        }
        catch (Exception) when (rows is not [(_, false)])
        {
            // One bad row fails its whole batch, and a row replaced that was not there fails alone: row by row, as upserts.
            var retried = await Task.WhenAll(rows.Select(r => UpsertOneAsync(r.Summary)));
            return retried.OfType<(string, Exception)>();
        }
        catch (Exception e)
        {
            return [(rows[0].Summary.ConversationId, e)];
        }
    }

    private async Task<(string, Exception)?> UpsertOneAsync(ConversationSummary summary)
    {
        try
        {
            await _table.UpsertEntityAsync(ConversationEntity.From(summary), TableUpdateMode.Replace);
            return null;
        }
        catch (Exception e)
        {
            return (summary.ConversationId, e);
        }
    }
}
