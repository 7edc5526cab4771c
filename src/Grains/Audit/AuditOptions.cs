using System.ComponentModel.DataAnnotations;

namespace Inbox.Grains.Audit;

/// <summary>How the audit log is laid out.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Inbox:Audit";

    /// <summary>
    /// Partitions per organisation per day, fixed for each day by its first entry and stored with the day: a change
    /// applies from the next day, up or down, and readers read each day's own count. A partition is one hash chain
    /// written by one grain in requests of up to 100 entries, at most one per 50 ms while busy (back to back only past
    /// ~2,000 entries/s), each request one or two entities: far inside Azure Table's 2,000 entities/s per partition.
    /// Every partition adds its own stream of requests, so more shards cost more storage requests per entry: at 455
    /// messages/s, 4 shards (the default until 2026-11-27) made 71 requests/s and 1 makes about 15
    /// (docs/benchmarks.md, tenth pass).
    /// </summary>
    [Range(1, 64)]
    public int Shards { get; set; } = 1;
}
