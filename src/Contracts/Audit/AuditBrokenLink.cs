namespace Inbox.Contracts.Audit;

/// <summary>Where a chain breaks and why.</summary>
/// <param name="Partition">The partition.</param>
/// <param name="Sequence">The first entry that does not check out.</param>
/// <param name="Reason">What is wrong: altered, missing, or out of place.</param>
[GenerateSerializer, Immutable, Alias("inbox.audit-broken-link.v1")]
public sealed record AuditBrokenLink(
    [property: Id(0)] string Partition,
    [property: Id(1)] long Sequence,
    [property: Id(2)] string Reason);
