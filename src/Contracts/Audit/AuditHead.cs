namespace Inbox.Contracts.Audit;

/// <summary>The newest entry of an audit log partition.</summary>
/// <param name="Sequence">Its sequence (0 when the partition is empty).</param>
/// <param name="Hash">Its hash (empty when the partition is empty).</param>
[GenerateSerializer, Immutable, Alias("inbox.audit-head.v1")]
public sealed record AuditHead(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string Hash);
