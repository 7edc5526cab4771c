namespace Inbox.Contracts.Audit;

/// <summary>One stored audit entry, as admins read it.</summary>
/// <param name="Partition">The log partition it is chained in (<c>{organisationId}:{yyyyMMdd}:{shard}</c>).</param>
/// <param name="Sequence">Its place in the partition's chain, from 1 without gaps.</param>
/// <param name="Record">What happened.</param>
/// <param name="Hash">SHA-256 over the record and the previous entry's hash (hex).</param>
[GenerateSerializer, Immutable, Alias("inbox.audit-entry.v1")]
public sealed record AuditEntry(
    [property: Id(0)] string Partition,
    [property: Id(1)] long Sequence,
    [property: Id(2)] AuditRecord Record,
    [property: Id(3)] string Hash);
