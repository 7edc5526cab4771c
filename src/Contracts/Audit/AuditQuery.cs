namespace Inbox.Contracts.Audit;

/// <summary>Which audit entries to read, newest first.</summary>
/// <param name="From">The first day to search (UTC).</param>
/// <param name="To">The last day to search (UTC), inclusive.</param>
/// <param name="ActorId">Only entries by this actor.</param>
/// <param name="Action">Only entries whose action is this or starts with it followed by '.' (e.g. <c>user</c> matches <c>user.deactivated</c>).</param>
/// <param name="SubjectId">Only entries about this thing.</param>
/// <param name="Limit">At most this many entries.</param>
/// <param name="Cursor">Continue after the last entry of a previous page (its <see cref="AuditPage.NextCursor"/>).</param>
[GenerateSerializer, Immutable, Alias("inbox.audit-query.v1")]
public sealed record AuditQuery(
    [property: Id(0)] DateOnly From,
    [property: Id(1)] DateOnly To,
    [property: Id(2)] string? ActorId,
    [property: Id(3)] string? Action,
    [property: Id(4)] string? SubjectId,
    [property: Id(5)] int Limit,
    [property: Id(6)] string? Cursor);
