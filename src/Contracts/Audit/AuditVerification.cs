namespace Inbox.Contracts.Audit;

/// <summary>The result of re-checking the audit log's hash chains.</summary>
/// <param name="Partitions">How many partitions were checked.</param>
/// <param name="Entries">How many entries were checked.</param>
/// <param name="FirstBroken">The first broken link found (partitions in day and shard order), or null when every chain holds.</param>
[GenerateSerializer, Immutable, Alias("inbox.audit-verification.v1")]
public sealed record AuditVerification(
    [property: Id(0)] int Partitions,
    [property: Id(1)] long Entries,
    [property: Id(2)] AuditBrokenLink? FirstBroken);
