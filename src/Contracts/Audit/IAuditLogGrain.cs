namespace Inbox.Contracts.Audit;

/// <summary>
/// One partition of an organisation's audit log: appends entries in order, each hashed with the previous one.
/// Key: <c>{organisationId}:{yyyyMMdd}:{shard}</c>. Written by grains only; nothing can edit or delete an entry.
/// </summary>
[Alias("inbox.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithStringKey
{
    /// <summary>Appends <paramref name="record"/> and returns once it is stored.</summary>
    [Alias("Append")]
    Task<AuditEntry> AppendAsync(AuditRecord record);

    /// <summary>
    /// The sequence and hash of the newest entry this partition has stored (0 and empty when none), so verification
    /// can tell when entries are missing at the end or the newest one was altered.
    /// </summary>
    [Alias("GetHead")]
    Task<AuditHead> GetHeadAsync();
}
