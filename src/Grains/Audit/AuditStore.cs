using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Inbox.Contracts.Audit;
using Inbox.Contracts.Keys;
using Inbox.Grains.Storage;

namespace Inbox.Grains.Audit;

/// <summary>
/// The append-only audit table: PartitionKey = <c>{organisationId}:{yyyyMMdd}:{shard}</c>, one entity per block of up
/// to 100 consecutive entries (see <see cref="AuditBlock"/>), RowKey = the inverted first sequence of the block (so a
/// partition reads newest first). Entries are only ever added: an append merges new entry properties into the newest
/// block or adds blocks after it, all of one append in one request.
/// </summary>
public sealed class AuditStore(TableServiceClient tables)
{
    /// <summary>The most entries one append may hold.</summary>
    public const int MaxBatch = AuditBlock.MaxEntries;

    /// <summary>
    /// The most one append's entries may measure together (<see cref="AuditBlock.Measure"/>): a transaction carries at
    /// most 4 MiB, and the blocks' keys and the request's framing need some of it.
    /// </summary>
    public const int MaxTransactionBytes = 3_500_000;

    internal const long MaxSequence = 999_999_999_999;

    // How many entries a page of a read should bring, whatever the rows: a block holds up to 100 and a row written
    // before blocks holds one, so the number of rows per page follows what the previous page held.
    private const int EntriesPerPage = 1_000;
    private const int FirstPageRows = 4;

    private readonly TableClient _table = tables.GetTableClient(TableNames.Audit);

    /// <summary>
    /// How many shards a day without a stored shard count has: days written before the count was stored with each day
    /// (until 2026-11-27) had 4, the setting's default then; a day with no entries at all reads as empty either way.
    /// </summary>
    public const int UnrecordedDayShards = 4;

    // The row that fixes a day's shard count: its own partition ({org}:{yyyyMMdd}, no shard), so no shard's chain sees it.
    internal const string DayRow = "shards";
    internal const string ShardsProperty = "Shards";

    /// <summary>The partition (and audit log grain key) of an organisation's day and shard.</summary>
    public static string Partition(string organisationId, DateOnly day, int shard) =>
        GrainKeys.Compose(organisationId, DayText(day), shard.ToString(CultureInfo.InvariantCulture));

    /// <summary>The partition of the row holding the day's shard count (<see cref="FixShardsAsync"/>).</summary>
    internal static string DayPartition(string organisationId, DateOnly day) => GrainKeys.Compose(organisationId, DayText(day));

    private static string DayText(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The day's shard count as its first writer stored it; null when none is stored. A count altered below one reads
    /// as zero: no partition is read, and verification reports every partition of the day as left out.
    /// </summary>
    public async Task<int?> ReadShardsAsync(string organisationId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(DayPartition(organisationId, day), DayRow, [ShardsProperty], cancellationToken);
        return row.HasValue && row.Value!.GetInt32(ShardsProperty) is { } shards ? Math.Max(0, shards) : null;
    }

    /// <summary>
    /// Fixes the day's shard count at <paramref name="shards"/> unless a writer already fixed it (the first writer of a
    /// day decides, whatever the others are configured with); returns the day's count.
    /// </summary>
    public async Task<int> FixShardsAsync(string organisationId, DateOnly day, int shards, CancellationToken cancellationToken = default)
    {
        try
        {
            await _table.AddEntityAsync(new TableEntity(DayPartition(organisationId, day), DayRow) { [ShardsProperty] = shards }, cancellationToken);
            return shards;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return await ReadShardsAsync(organisationId, day, cancellationToken) is { } stored and > 0
                ? stored
                : throw new InvalidOperationException($"The shard count stored for {organisationId}'s audit day {day:yyyy-MM-dd} is not a count of partitions.");
        }
    }

    /// <summary>
    /// Every partition of the day that holds rows, whatever the day's shard count says: one scan of the day's keys,
    /// for verification (a shard count altered in storage would otherwise hide whole partitions from readers).
    /// </summary>
    public async Task<SortedSet<string>> PartitionsOfDayAsync(string organisationId, DateOnly day, CancellationToken cancellationToken = default)
    {
        // Shard partitions are "{day partition}:{shard}": every key from "…:" up to (not including) "…;" (';' follows ':').
        var dayPartition = DayPartition(organisationId, day);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {dayPartition + ":"} and PartitionKey lt {dayPartition + ";"}");
        var partitions = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            partitions.Add(row.PartitionKey);
        }

        return partitions;
    }

    /// <summary>The RowKey of a block that starts at a sequence: inverted and zero-padded, so string order is newest first.</summary>
    public static string RowKey(long sequence) => (MaxSequence - sequence).ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>
    /// Adds consecutive entries, chained after the partition's newest (<paramref name="newest"/>, null for an empty
    /// partition): into that block while it has room, the rest as new blocks, all in one request. What the newest block
    /// is afterwards, or null when another writer got there first (nothing is written then).
    /// </summary>
    internal async Task<AuditNewestBlock?> AppendAsync(
        string partition, IReadOnlyList<AuditStoredEntry> entries, AuditNewestBlock? newest, CancellationToken cancellationToken = default)
    {
        var (extension, blocks, fill) = AuditBlock.Pack(partition, entries, newest);
        var last = entries[^1].Sequence;
        try
        {
            if (blocks.Count == 0)
            {
                var merged = await _table.UpdateEntityAsync(extension!, newest!.ETag, TableUpdateMode.Merge, cancellationToken);
                return newest with { Last = last, Fill = fill, ETag = merged.Headers.ETag ?? throw MissingETag() };
            }

            // The newest block changes with every append, even when only closed, so a writer that still thinks it open fails.
            var actions = new List<TableTransactionAction>(blocks.Count + 1);
            var update = extension ?? (newest is { Legacy: false } ? AuditBlock.Close(partition, newest) : null);
            if (update is not null)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge, update, newest!.ETag));
            }

            actions.AddRange(blocks.Select(b => new TableTransactionAction(TableTransactionActionType.Add, b)));
            var written = await _table.SubmitTransactionAsync(actions, cancellationToken);
            return new AuditNewestBlock(AuditBlock.FirstOf(blocks[^1]), last, fill, written.Value[^1].Headers.ETag ?? throw MissingETag(), Legacy: false);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            // Taken (409), changed (412) or gone (404): another writer was here. A failed transaction reports the same.
            return null;
        }
    }

    /// <summary>
    /// The entries after <paramref name="afterSequence"/>, newest first, and the partition's newest block (null when it
    /// has none). The log passes its head; the block holding it may have grown since, so it is read too.
    /// </summary>
    internal async Task<(List<AuditStoredEntry> Entries, AuditNewestBlock? Newest)> ReadNewerAsync(
        string partition, long afterSequence, CancellationToken cancellationToken = default)
    {
        var entries = new List<AuditStoredEntry>();
        AuditNewestBlock? newest = null;
        var newer = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {RowKey(afterSequence)}");
        await foreach (var row in _table.QueryAsync<TableEntity>(newer, cancellationToken: cancellationToken))
        {
            newest ??= AuditBlock.Describe(row);
            entries.AddRange(AuditBlock.Read(row).AsEnumerable().Reverse());
        }

        var holding = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {RowKey(afterSequence)}");
        await foreach (var row in _table.QueryAsync<TableEntity>(holding, maxPerPage: 1, cancellationToken: cancellationToken))
        {
            newest ??= AuditBlock.Describe(row);
            entries.AddRange(AuditBlock.Read(row).Where(e => e.Sequence > afterSequence).Reverse());
            break;
        }

        return (entries, newest);
    }

    private static InvalidOperationException MissingETag() => new("The table answered a write without the entity's ETag.");

    /// <summary>
    /// The partition's entries with a sequence below <paramref name="beforeSequence"/> (all when null) that match the
    /// filters, newest first, read page by page as the caller consumes them. The filters apply here rather than in the
    /// table's query, since one row holds many entries.
    /// </summary>
    internal async IAsyncEnumerable<AuditStoredEntry> ReadOlderAsync(
        string partition, long? beforeSequence, AuditQuery? filters, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // A block starting below the position may hold entries above it too (a page can end inside a block).
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        if (beforeSequence is { } before)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey gt {RowKey(before)}");
        }

        var (continuation, rowsPerPage) = ((string?)null, FirstPageRows);
        do
        {
            Page<TableEntity>? page = null;
            await foreach (var next in _table.QueryAsync<TableEntity>(filter, rowsPerPage, cancellationToken: cancellationToken).AsPages(continuation, rowsPerPage))
            {
                page = next;
                break;
            }

            if (page is null)
            {
                yield break;
            }

            var entriesInPage = 0;
            foreach (var row in page.Values)
            {
                var entries = AuditBlock.Read(row);
                entriesInPage += entries.Count;
                for (var i = entries.Count - 1; i >= 0; i--)
                {
                    if ((beforeSequence is null || entries[i].Sequence < beforeSequence) && Matches(entries[i].Record, filters))
                    {
                        yield return entries[i];
                    }
                }
            }

            if (entriesInPage > 0)
            {
                rowsPerPage = Math.Clamp(EntriesPerPage * page.Values.Count / entriesInPage, 1, EntriesPerPage);
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
    }

    private static bool Matches(AuditRecord record, AuditQuery? filters) =>
        (filters?.ActorId is not { } actor || record.ActorId == actor)
        && (filters?.SubjectId is not { } subject || record.SubjectId == subject)

        // "user" matches "user" and "user.*" (what the table's range "user." to "user/" matched before blocks).
        && (filters?.Action is not { } action || record.Action == action || record.Action.StartsWith(action + ".", StringComparison.Ordinal));
}
