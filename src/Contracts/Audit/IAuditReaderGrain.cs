using Inbox.Contracts.Security;
using Orleans.Concurrency;

namespace Inbox.Contracts.Audit;

/// <summary>Reads and verifies an organisation's audit log. Key: the organisation id. Stateless, so reads scale out.</summary>
[Alias("inbox.IAuditReaderGrain")]
public interface IAuditReaderGrain : IGrainWithStringKey
{
    /// <summary>The entries matching <paramref name="query"/>, newest first.</summary>
    [Alias("Query"), ReadOnly, Requires(Permission.AuditRead)]
    Task<AuditPage> QueryAsync(AuditQuery query);

    /// <summary>Records that the caller exported the entries matching <paramref name="query"/> (an export is itself audited).</summary>
    [Alias("RecordExport"), Requires(Permission.AuditRead)]
    Task RecordExportAsync(AuditQuery query);

    /// <summary>Re-checks every chain of the days from <paramref name="firstDay"/> to <paramref name="lastDay"/> and reports the first broken link.</summary>
    [Alias("Verify"), ReadOnly, Requires(Permission.AuditRead)]
    Task<AuditVerification> VerifyAsync(DateOnly firstDay, DateOnly lastDay);
}
