using Inbox.Contracts.Security;

namespace Inbox.Contracts.Audit;

/// <summary>What happened, as a grain records it; the audit log adds the sequence and the chained hash.</summary>
/// <param name="At">When it happened.</param>
/// <param name="ActorKind">Who did it: a user, a visitor, the gateway, or <c>null</c> for the system itself (seeding).</param>
/// <param name="ActorId">The user, visitor or service id; <c>system</c> for the system.</param>
/// <param name="ActorName">The actor's display name at the time.</param>
/// <param name="From">Where the request came from (the client's IP address), when known.</param>
/// <param name="Action">One of <see cref="AuditActions"/>.</param>
/// <param name="SubjectType">What kind of thing it happened to: <c>user</c>, <c>conversation</c>, <c>channel</c>, <c>team</c>.</param>
/// <param name="SubjectId">Its id within the organisation.</param>
/// <param name="Before">The relevant state before, as JSON; null for a creation or an event.</param>
/// <param name="After">The relevant state after, as JSON.</param>
[GenerateSerializer, Immutable, Alias("inbox.audit-record.v1")]
public sealed record AuditRecord(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] CallerKind? ActorKind,
    [property: Id(2)] string ActorId,
    [property: Id(3)] string ActorName,
    [property: Id(4)] string? From,
    [property: Id(5)] string Action,
    [property: Id(6)] string SubjectType,
    [property: Id(7)] string SubjectId,
    [property: Id(8)] string? Before,
    [property: Id(9)] string? After);
