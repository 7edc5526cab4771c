using Azure;

namespace Inbox.Grains.Audit;

/// <summary>
/// What a partition's writer knows of its newest row: the block's first and last sequence, how full it is, and the
/// ETag it had when last written or read. Every append is conditional on that ETag (it extends the block, or closes it
/// and adds the next), so a writer whose picture is stale fails instead of forking the chain.
/// </summary>
/// <param name="First">The sequence the block starts at (its RowKey).</param>
/// <param name="Last">The sequence of its last entry.</param>
/// <param name="Fill">How full it is.</param>
/// <param name="ETag">Its ETag when this writer last wrote or read it.</param>
/// <param name="Legacy">A row written before blocks (one entry in named properties): never extended or closed.</param>
internal sealed record AuditNewestBlock(long First, long Last, AuditBlockFill Fill, ETag ETag, bool Legacy)
{
    /// <summary>True when entries may still be added to this block.</summary>
    public bool Open => !Legacy && Fill.Entries < AuditBlock.MaxEntries;
}

/// <summary>How full a block is: its entries, its size as the table counts it, and its entry properties.</summary>
internal readonly record struct AuditBlockFill(int Entries, int Bytes, int Parts);
