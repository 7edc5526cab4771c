using System.ComponentModel.DataAnnotations;

namespace Inbox.Grains.Audit;

/// <summary>How the audit log is laid out.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Inbox:Audit";

    /// <summary>
    /// Partitions per organisation per day. Azure Table storage serves about 2,000 entities/s per partition, and each
    /// partition is one chain written by one grain, so 4 shards carry ~8,000 audit entities/s for one organisation
    /// (each a block of up to 100 entries when appends arrive together).
    /// Raise it if needed, never lower it: readers look at shards 0 to N-1 of every day.
    /// </summary>
    [Range(1, 64)]
    public int Shards { get; set; } = 4;
}
