using Inbox.Contracts.Audit;
using Inbox.Grains.Storage;
using Orleans.Concurrency;

namespace Inbox.Grains.Audit;

/// <summary>
/// One audit partition's single writer, so its chain has one order. Appends arriving together are written as one
/// request (the grain is reentrant so they can gather while a write is in flight, and a busy partition starts a write
/// at most once per <see cref="Gather"/>), into the partition's newest block while it has room (see
/// <see cref="AuditBlock"/>). The head (last sequence and hash) is saved every <see cref="SaveHeadEvery"/> entries and
/// on deactivation; the table is the truth, and activation catches up with any blocks written after the saved head.
/// </summary>
[Reentrant]
public sealed class AuditLogGrain(
    [PersistentState(stateName: "audit-head", storageName: GrainStorage.Name)] IPersistentState<AuditHeadState> head,
    AuditStore store) : Grain, IAuditLogGrain
{
    internal const int SaveHeadEvery = 1_000;

    /// <summary>
    /// A partition starts a write at most this often (see <see cref="WritePace"/>): a busy organisation's entries wait
    /// up to this long and go to storage together, one request for many entries instead of one each; a quiet
    /// partition writes at once. Live events are published before the audit entry is written and never wait for it.
    /// </summary>
    internal static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(50);

    private readonly List<(AuditRecord Record, int Bytes, TaskCompletionSource<AuditEntry> Stored)> _pending = [];
    private bool _writing;
    private long _savedSequence;
    private readonly WritePace _pace = new(Gather);

    // The partition's newest block as this activation last wrote or read it: every append is conditional on it.
    private AuditNewestBlock? _newest;

    private string Partition => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _savedSequence = head.State.LastSequence;
        await CatchUpAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (head.State.LastSequence != _savedSequence)
        {
            await head.WriteStateAsync(cancellationToken);
        }
    }

    public Task<AuditEntry> AppendAsync(AuditRecord record)
    {
        // A record no block can hold is refused on its own, rather than failing the transaction of every record
        // batched with it (and again on each of their retries).
        var bytes = AuditBlock.Measure(Partition, record);
        if (bytes > AuditBlock.MaxBytes)
        {
            return Task.FromException<AuditEntry>(new ArgumentException($"The audit record measures {bytes} bytes; at most {AuditBlock.MaxBytes} can be stored.", nameof(record)));
        }

        var stored = new TaskCompletionSource<AuditEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending.Add((record, bytes, stored));
        if (!_writing)
        {
            _writing = true;
            WriteAllAsync().Ignore();
        }

        return stored.Task;
    }

    public Task<AuditHead> GetHeadAsync() => Task.FromResult(new AuditHead(head.State.LastSequence, head.State.LastHash));

    // Runs on the grain's scheduler, interleaved with AppendAsync calls that add to the pending list meanwhile.
    private async Task WriteAllAsync()
    {
        try
        {
            while (_pending.Count > 0)
            {
                await _pace.NextAsync();
                var (count, bytes) = (0, 0L);
                while (count < Math.Min(_pending.Count, AuditStore.MaxBatch) && (count == 0 || bytes + _pending[count].Bytes <= AuditStore.MaxTransactionBytes))
                {
                    bytes += _pending[count++].Bytes;
                }

                var batch = _pending.GetRange(0, count);
                _pending.RemoveRange(0, count);
                try
                {
                    var entries = await WriteAsync(batch.ConvertAll(b => b.Record));
                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch[i].Stored.TrySetResult(entries[i]);
                    }
                }
                catch (Exception e)
                {
                    batch.ForEach(b => b.Stored.TrySetException(e));
                }
            }
        }
        finally
        {
            _writing = false;
        }
    }

    private async Task<List<AuditEntry>> WriteAsync(List<AuditRecord> records)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (sequence, previous) = (head.State.LastSequence, head.State.LastHash);
            var entries = new List<AuditStoredEntry>(records.Count);
            foreach (var record in records)
            {
                var hash = AuditChain.Hash(Partition, ++sequence, record, previous);
                entries.Add(new AuditStoredEntry(Partition, sequence, record, previous, hash));
                previous = hash;
            }

            if (await store.AppendAsync(Partition, entries, _newest) is { } newest)
            {
                _newest = newest;
                (head.State.LastSequence, head.State.LastHash) = (sequence, previous);
                if (head.State.LastSequence - _savedSequence >= SaveHeadEvery)
                {
                    await head.WriteStateAsync();
                    _savedSequence = head.State.LastSequence;
                }

                return entries.ConvertAll(e => e.ToEntry());
            }

            // A sequence is taken: another activation wrote (a silo died mid-way). Catch up and chain after it.
            if (attempt >= 2)
            {
                throw new InvalidOperationException($"Audit partition '{Partition}' could not append after catching up with its table.");
            }

            await CatchUpAsync(CancellationToken.None);
        }
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        (var newer, _newest) = await store.ReadNewerAsync(Partition, head.State.LastSequence, cancellationToken);
        if (newer.Count > 0)
        {
            (head.State.LastSequence, head.State.LastHash) = (newer[0].Sequence, newer[0].Hash);
        }
    }
}
