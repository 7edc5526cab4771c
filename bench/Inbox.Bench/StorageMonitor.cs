using System.Diagnostics;
using System.Globalization;

namespace Inbox.Bench;

/// <summary>
/// What the benchmark's Azurite went through, second by second (<c>azurite-monitor.js</c>, preloaded into its process):
/// the longest its event loop was held (synchronous work, a major garbage collection, or the process waiting for a
/// CPU on this shared machine), how busy it was, and its garbage collections' pauses. Azurite is one Node thread, so
/// while it is held no storage request is answered: a latency figure is read beside it.
/// </summary>
internal sealed class StorageMonitor : IDisposable
{
    private readonly string _path;

    public StorageMonitor()
    {
        _path = Path.Combine(Path.GetTempPath(), $"inbox-bench-azurite-{Guid.NewGuid():N}.log");
        ProcessEnvironment = new Dictionary<string, string>
        {
            ["NODE_OPTIONS"] = $"--require \"{Path.Combine(AppContext.BaseDirectory, "azurite-monitor.js")}\"",
            ["INBOX_BENCH_AZURITE_MONITOR"] = _path,
        };
    }

    /// <summary>What Azurite's process needs in its environment to preload the monitor.</summary>
    public IReadOnlyDictionary<string, string> ProcessEnvironment { get; }

    /// <summary>
    /// In the seconds between two <see cref="Stopwatch"/> timestamps: the longest event-loop delay (ms), the share of
    /// them its event loop was busy (%), the longest garbage-collection pause (ms) and the share of them spent in
    /// collection pauses (%); NaN when the monitor reported nothing (it did not load).
    /// </summary>
    public StorageSeconds Between(long fromTicks, long toTicks)
    {
        // Each line covers the second before its time, on the monotonic clock Stopwatch reads (nanoseconds on Linux).
        var (from, to) = (Nanoseconds(fromTicks), Nanoseconds(toTicks) + 1_000_000_000);
        var seconds = File.Exists(_path)
            ? File.ReadLines(_path)
                .Select(line => line.Split(' '))
                .Where(f => f.Length == 5 && long.TryParse(f[0], CultureInfo.InvariantCulture, out var t) && t > from && t <= to)
                .Select(f => (Delay: Number(f[1]), Busy: Number(f[2]), LongestCollection: Number(f[3]), Collections: Number(f[4])))
                .ToList()
            : [];
        return seconds.Count == 0
            ? new(double.NaN, double.NaN, double.NaN, double.NaN)
            : new(
                seconds.Max(s => s.Delay),
                100 * seconds.Average(s => s.Busy),
                seconds.Max(s => s.LongestCollection),
                100 * seconds.Average(s => s.Collections / 1000)); // milliseconds of pauses in each second, as a share of it
    }

    public void Dispose() => File.Delete(_path);

    private static double Number(string value) => double.Parse(value, CultureInfo.InvariantCulture);

    private static long Nanoseconds(long ticks) => (long)(ticks * (1_000_000_000.0 / Stopwatch.Frequency));
}

/// <summary>What <see cref="StorageMonitor.Between"/> reports: milliseconds and percentages of the seconds it covers.</summary>
internal sealed record StorageSeconds(double LongestDelay, double Busy, double LongestCollection, double InCollection);
