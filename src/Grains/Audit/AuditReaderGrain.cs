using Inbox.Contracts.Audit;
using Inbox.Contracts.Grains;
using Orleans.Concurrency;

namespace Inbox.Grains.Audit;

/// <summary>
/// Reads an organisation's audit log newest first across the shards of each day (as many as the day's first writer
/// fixed), and re-checks its hash chains. Stateless: any silo answers.
/// </summary>
[StatelessWorker]
public sealed class AuditReaderGrain(AuditStore store, AuditTrail audit) : Grain, IAuditReaderGrain
{
    // Days whose shard count was read: once stored it never changes.
    private readonly Dictionary<DateOnly, int> _shards = [];

    private string OrganisationId => this.GetPrimaryKeyString();

    public async Task<AuditPage> QueryAsync(AuditQuery query)
    {
        var (day, positions) = await AuditCursor.ParseAsync(query.Cursor, query.To, ShardsAsync);
        var items = new List<AuditEntry>(query.Limit);
        while (day >= query.From)
        {
            var exhausted = await ReadDayAsync(day, positions, query, items);
            if (!exhausted)
            {
                return new AuditPage(items, AuditCursor.Format(day, positions));
            }

            day = day.AddDays(-1);
            positions = AuditCursor.Top(await ShardsAsync(day));
            if (items.Count == query.Limit)
            {
                return new AuditPage(items, day >= query.From ? AuditCursor.Format(day, positions) : null);
            }
        }

        return new AuditPage(items, null);
    }

    public Task RecordExportAsync(AuditQuery query) =>
        audit.RecordAsync(
            OrganisationId,
            AuditActions.AuditExported,
            AuditSubjects.AuditLog,
            OrganisationId,
            after: new { query.From, query.To, query.ActorId, query.Action, query.SubjectId });

    public async Task<AuditVerification> VerifyAsync(DateOnly firstDay, DateOnly lastDay)
    {
        var (partitions, entries) = (0, 0L);
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            // Read afresh, not from what earlier queries remembered: verifying is checking what storage holds now.
            var shards = await ReadShardsAsync(day);
            for (var shard = 0; shard < shards; shard++)
            {
                var partition = AuditStore.Partition(OrganisationId, day, shard);
                var (checkedEntries, broken) = await VerifyPartitionAsync(partition);
                (partitions, entries) = (partitions + (checkedEntries > 0 ? 1 : 0), entries + checkedEntries);
                if (broken is not null)
                {
                    return new AuditVerification(partitions, entries, broken);
                }
            }

            // A partition past the day's shard count is one no reader sees: the count was altered to hide it.
            var expected = Enumerable.Range(0, shards).Select(shard => AuditStore.Partition(OrganisationId, day, shard)).ToHashSet(StringComparer.Ordinal);
            if ((await store.PartitionsOfDayAsync(OrganisationId, day)).FirstOrDefault(p => !expected.Contains(p)) is { } hidden)
            {
                return new AuditVerification(partitions, entries, new AuditBrokenLink(hidden, 1, $"the day's shard count ({shards}) leaves this partition out, so readers do not see it"));
            }
        }

        return new AuditVerification(partitions, entries, null);
    }

    private async Task<int> ShardsAsync(DateOnly day) => _shards.TryGetValue(day, out var known) ? known : await ReadShardsAsync(day);

    private async Task<int> ReadShardsAsync(DateOnly day)
    {
        if (await store.ReadShardsAsync(OrganisationId, day) is not { } shards)
        {
            // Not remembered: the day's first entry may still come and fix a count.
            return AuditStore.UnrecordedDayShards;
        }

        _shards[day] = shards;
        return shards;
    }

    /// <summary>
    /// Merges the day's shards newest first into <paramref name="items"/> until the page is full; moves each shard's
    /// position past what it took. True when the day has nothing more.
    /// </summary>
    private async Task<bool> ReadDayAsync(DateOnly day, long?[] positions, AuditQuery query, List<AuditEntry> items)
    {
        var readers = new List<(int Shard, IAsyncEnumerator<AuditStoredEntry> Entries)>();
        var heads = new Dictionary<int, AuditStoredEntry>();
        try
        {
            for (var shard = 0; shard < positions.Length; shard++)
            {
                if (positions[shard] == AuditCursor.Exhausted)
                {
                    continue;
                }

                var entries = store.ReadOlderAsync(AuditStore.Partition(OrganisationId, day, shard), positions[shard], query).GetAsyncEnumerator();
                readers.Add((shard, entries));
                if (await entries.MoveNextAsync())
                {
                    heads[shard] = entries.Current;
                }
                else
                {
                    positions[shard] = AuditCursor.Exhausted;
                }
            }

            while (heads.Count > 0 && items.Count < query.Limit)
            {
                var (shard, newest) = heads.MaxBy(h => (h.Value.Record.At, h.Value.Sequence));
                items.Add(newest.ToEntry());
                positions[shard] = newest.Sequence;
                var entries = readers.Single(r => r.Shard == shard).Entries;
                if (await entries.MoveNextAsync())
                {
                    heads[shard] = entries.Current;
                }
                else
                {
                    heads.Remove(shard);
                    positions[shard] = AuditCursor.Exhausted;
                }
            }

            return heads.Count == 0;
        }
        finally
        {
            foreach (var (_, entries) in readers)
            {
                await entries.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Walks a partition's entries newest first, checking each one's hash, sequence and link; reports the lowest break.
    /// A deleted block is a gap of all its entries; an entry changed inside a block no longer matches its hash.
    /// </summary>
    private async Task<(long Entries, AuditBrokenLink? Broken)> VerifyPartitionAsync(string partition)
    {
        var head = await GrainFactory.Get<IAuditLogGrain>(partition).GetHeadAsync();
        AuditBrokenLink? broken = null;
        void Break(long sequence, string reason)
        {
            if (broken is null || sequence <= broken.Sequence)
            {
                broken = new AuditBrokenLink(partition, sequence, reason);
            }
        }

        AuditStoredEntry? newer = null;
        var entries = 0L;
        await foreach (var entry in store.ReadOlderAsync(partition, null, null))
        {
            entries++;
            if (newer is null)
            {
                if (entry.Sequence < head.Sequence)
                {
                    Break(entry.Sequence + 1, $"entries {entry.Sequence + 1} to {head.Sequence} are missing");
                }
                else if (entry.Sequence == head.Sequence && entry.Hash != head.Hash)
                {
                    Break(entry.Sequence, "the newest entry differs from what the log wrote");
                }
            }
            else if (newer.Sequence != entry.Sequence + 1)
            {
                Break(entry.Sequence + 1, $"entries {entry.Sequence + 1} to {newer.Sequence - 1} are missing");
            }
            else if (newer.PreviousHash != entry.Hash)
            {
                Break(newer.Sequence, "its previous-entry hash does not match the entry before it");
            }

            if (AuditChain.Hash(partition, entry.Sequence, entry.Record, entry.PreviousHash) != entry.Hash)
            {
                Break(entry.Sequence, "its content does not match its hash (altered)");
            }

            newer = entry;
        }

        if (newer is not null && newer.Sequence != 1)
        {
            Break(1, $"entries 1 to {newer.Sequence - 1} are missing");
        }
        else if (newer is not null && newer.PreviousHash.Length != 0)
        {
            Break(1, "the first entry claims a predecessor");
        }
        else if (newer is null && head.Sequence > 0)
        {
            Break(1, $"all {head.Sequence} entries are missing");
        }

        return (entries, broken);
    }
}
