using System.Globalization;
using Azure.Data.Tables;
using Inbox.Contracts.Audit;
using Inbox.Contracts.Keys;
using Inbox.Grains.Storage;

namespace Inbox.Grains.Audit;

/// <summary>
/// The append-only audit table: PartitionKey = <c>{organisationId}:{yyyyMMdd}:{shard}</c>, RowKey = the inverted
/// sequence (so a partition reads newest first). Rows are only ever added, in entity-group transactions of up to 100.
/// </summary>
public sealed class AuditStore(TableServiceClient tables)
{
    /// <summary>The most rows one entity-group transaction may hold.</summary>
    public const int MaxBatch = 100;

    private const long MaxSequence = 999_999_999_999;
    private readonly TableClient _table = tables.GetTableClient(TableNames.Audit);

    /// <summary>The partition (and audit log grain key) of an organisation's day and shard.</summary>
    public static string Partition(string organisationId, DateOnly day, int shard) =>
        GrainKeys.Compose(organisationId, day.ToString("yyyyMMdd", CultureInfo.InvariantCulture), shard.ToString(CultureInfo.InvariantCulture));

    /// <summary>The RowKey of a sequence: inverted and zero-padded, so string order is newest first.</summary>
    public static string RowKey(long sequence) => (MaxSequence - sequence).ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>Adds the entries in one transaction. False when one of their sequences is already taken (nothing is written then).</summary>
    internal async Task<bool> AppendAsync(IReadOnlyList<AuditEntity> entries, CancellationToken cancellationToken = default)
    {
        try
        {
            await _table.SubmitTransactionAsync(entries.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>The partition's entries with a sequence above <paramref name="afterSequence"/>, newest first.</summary>
    internal async Task<List<AuditEntity>> ReadNewerAsync(string partition, long afterSequence, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {RowKey(afterSequence)}");
        var rows = new List<AuditEntity>();
        await foreach (var row in _table.QueryAsync<AuditEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// The partition's entries with a sequence below <paramref name="beforeSequence"/> (all when null) that match the
    /// filters, newest first, read page by page as the caller consumes them.
    /// </summary>
    internal IAsyncEnumerable<AuditEntity> ReadOlderAsync(string partition, long? beforeSequence, AuditQuery? filters, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        if (beforeSequence is { } before)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey gt {RowKey(before)}");
        }

        if (filters?.ActorId is { } actor)
        {
            filter += " and " + TableClient.CreateQueryFilter($"ActorId eq {actor}");
        }

        if (filters?.SubjectId is { } subject)
        {
            filter += " and " + TableClient.CreateQueryFilter($"SubjectId eq {subject}");
        }

        if (filters?.Action is { } action)
        {
            // "user" matches "user" and "user.*": '/' is the character after '.'.
            filter += " and " + TableClient.CreateQueryFilter($"(Action eq {action} or (Action ge {action + "."} and Action lt {action + "/"}))");
        }

        return _table.QueryAsync<AuditEntity>(filter, cancellationToken: cancellationToken);
    }
}
