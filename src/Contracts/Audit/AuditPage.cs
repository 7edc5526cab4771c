namespace Inbox.Contracts.Audit;

/// <summary>A page of audit entries, newest first.</summary>
/// <param name="Items">The entries.</param>
/// <param name="NextCursor">Pass as the cursor to read on; null when there is nothing older in the range.</param>
[GenerateSerializer, Immutable, Alias("inbox.audit-page.v1")]
public sealed record AuditPage(
    [property: Id(0)] IReadOnlyList<AuditEntry> Items,
    [property: Id(1)] string? NextCursor);
