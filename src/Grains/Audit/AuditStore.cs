using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Inbox.Contracts.Audit;
using Inbox.Contracts.Keys;
using Inbox.Grains.Storage;

namespace Inbox.Grains.Audit;

/// <summary>
/// The append-only audit table: PartitionKey = <c>{organisationId}:{yyyyMMdd}:{shard}</c>, one entity per block of
/// consecutive entries (see <see cref="AuditBlock"/>), RowKey = the inverted first sequence of the block (so a
/// partition reads newest first). Blocks are only ever added, all of one append in one entity-group transaction.
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

    /// <summary>The partition (and audit log grain key) of an organisation's day and shard.</summary>
    public static string Partition(string organisationId, DateOnly day, int shard) =>
        GrainKeys.Compose(organisationId, day.ToString("yyyyMMdd", CultureInfo.InvariantCulture), shard.ToString(CultureInfo.InvariantCulture));

    /// <summary>The RowKey of a block that starts at a sequence: inverted and zero-padded, so string order is newest first.</summary>
    public static string RowKey(long sequence) => (MaxSequence - sequence).ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>
    /// Adds consecutive entries, chained after the partition's newest, as blocks in one transaction. False when their
    /// first sequence is already taken (nothing is written then).
    /// </summary>
    internal async Task<bool> AppendAsync(string partition, IReadOnlyList<AuditStoredEntry> entries, CancellationToken cancellationToken = default)
    {
        var blocks = AuditBlock.Pack(partition, entries);
        try
        {
            await _table.SubmitTransactionAsync(blocks.Select(b => new TableTransactionAction(TableTransactionActionType.Add, b)), cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// The entries of the blocks that start above <paramref name="afterSequence"/>, newest first. The log passes its
    /// head, which is always the end of a block, so these are exactly the entries written after it.
    /// </summary>
    internal async Task<List<AuditStoredEntry>> ReadNewerAsync(string partition, long afterSequence, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {RowKey(afterSequence)}");
        var entries = new List<AuditStoredEntry>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.AddRange(AuditBlock.Read(row).AsEnumerable().Reverse());
        }

        return entries;
    }

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
