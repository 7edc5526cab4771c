using Inbox.Contracts.Audit;

namespace Inbox.Grains.Audit;

/// <summary>An entry as the audit table holds it: the record, its place in the partition's chain and the hashes that link it.</summary>
internal sealed record AuditStoredEntry(string Partition, long Sequence, AuditRecord Record, string PreviousHash, string Hash)
{
    public AuditEntry ToEntry() => new(Partition, Sequence, Record, Hash);
}
