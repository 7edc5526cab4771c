using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Inbox.Bench;

/// <summary>
/// The managed heap of another .NET process, measured the way <c>dotnet-gcdump</c> does: over the diagnostics port, ask
/// the runtime for a full blocking collection and read the heap's size from the statistics it reports right after.
/// What is left is what the process holds, not garbage waiting for the next collection: the heap's size, which counts
/// the free space a collection that does not compact leaves between objects, and the bytes of live objects (what the
/// collection kept, what <c>dotnet-gcdump</c> counts).
/// </summary>
internal static class Heap
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The bytes on <paramref name="processId"/>'s managed heap after a full collection, and those of live objects.</summary>
    public static async Task<HeapSize> AfterFullCollectionAsync(int processId)
    {
        var client = new DiagnosticsClient(processId);
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        using var session = await client.StartEventPipeSessionAsync(
            [new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Informational, keywords)], requestRundown: false, circularBufferMB: 64, CancellationToken.None);
        using var source = new EventPipeEventSource(session.EventStream);
        var size = new TaskCompletionSource<HeapSize>(TaskCreationOptions.RunContinuationsAsynchronously);
        var induced = false;
        source.Clr.GCStart += e => induced |= e.Reason == GCReason.Induced;
        source.Clr.GCHeapStats += e =>
        {
            if (induced)
            {
                size.TrySetResult(new HeapSize(e.TotalHeapSize, e.TotalPromoted));
            }
        };

        // Reading ends when the session stops, which is as soon as the collection's statistics are in.
        var reading = Task.Run(source.Process);
        await Task.WhenAny(size.Task, Task.Delay(Timeout));
        await session.StopAsync(CancellationToken.None);
        await reading;
        return size.Task.IsCompletedSuccessfully
            ? size.Task.Result
            : throw new InvalidOperationException($"Process {processId} reported no heap statistics after a collection within {Timeout.TotalSeconds:0} s.");
    }
}
