using Inbox.Contracts.Audit;
using Inbox.Grains.Storage;
using Orleans.Concurrency;

namespace Inbox.Grains.Audit;

/// <summary>
/// One audit partition's single writer, so its chain has one order. Appends arriving together are written as one
/// entity-group transaction (up to 100 rows): the grain is reentrant so they can gather while a write is in flight.
/// The head (last sequence and hash) is saved every <see cref="SaveHeadEvery"/> entries and on deactivation; the
/// table is the truth, and activation catches up with any rows written after the saved head.
/// </summary>
[Reentrant]
public sealed class AuditLogGrain(
    [PersistentState(stateName: "audit-head", storageName: GrainStorage.Name)] IPersistentState<AuditHeadState> head,
    AuditStore store) : Grain, IAuditLogGrain
{
    internal const int SaveHeadEvery = 1_000;

    private readonly List<(AuditRecord Record, TaskCompletionSource<AuditEntry> Stored)> _pending = [];
    private bool _writing;
    private long _savedSequence;

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
        var stored = new TaskCompletionSource<AuditEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending.Add((record, stored));
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
                var batch = _pending.Take(AuditStore.MaxBatch).ToList();
                _pending.RemoveRange(0, batch.Count);
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
            var rows = new List<AuditEntity>(records.Count);
            foreach (var record in records)
            {
                var hash = AuditChain.Hash(Partition, ++sequence, record, previous);
                rows.Add(AuditEntity.Create(Partition, sequence, record, previous, hash));
                previous = hash;
            }

            if (await store.AppendAsync(rows))
            {
                (head.State.LastSequence, head.State.LastHash) = (sequence, previous);
                if (head.State.LastSequence - _savedSequence >= SaveHeadEvery)
                {
                    await head.WriteStateAsync();
                    _savedSequence = head.State.LastSequence;
                }

                return rows.ConvertAll(r => r.ToEntry());
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
        var newer = await store.ReadNewerAsync(Partition, head.State.LastSequence, cancellationToken);
        if (newer.Count > 0)
        {
            (head.State.LastSequence, head.State.LastHash) = (newer[0].Sequence, newer[0].Hash);
        }
    }
}
