namespace Inbox.Bench;

/// <summary>A managed heap after a full collection.</summary>
/// <param name="Total">The heap's size, free space between objects included.</param>
/// <param name="Live">The bytes of the objects the collection kept.</param>
internal readonly record struct HeapSize(long Total, long Live)
{
    public static HeapSize operator -(HeapSize after, HeapSize before) => new(after.Total - before.Total, after.Live - before.Live);

    public HeapSize PerItem(int count) => new(Total / count, Live / count);
}
