using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Inbox.Bench;

/// <summary>
/// Every message of the latency phase on one clock: when it was meant to be sent, when its webhook was answered, when the
/// agent's client had it. Written as CSV (milliseconds from the phase's start; the header gives the start as Unix time,
/// to line it up with other processes' logs), so a slow moment shows whether the answer or only the delivery was late.
/// </summary>
internal sealed class Timeline(string path)
{
    private readonly ConcurrentDictionary<long, (long Intended, long Answered, bool Ok)> _answered = new();
    private readonly ConcurrentDictionary<long, long> _delivered = new();

    public void Answered(long id, long intended, bool ok) => _answered[id] = (intended, Stopwatch.GetTimestamp(), ok);

    public void Delivered(long id) => _delivered[id] = Stopwatch.GetTimestamp();

    /// <summary>The CSV file the timeline is written to.</summary>
    public string Path { get; } = path;

    public void WriteCsv(long from)
    {
        var startUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - (long)Stopwatch.GetElapsedTime(from).TotalMilliseconds;
        double Ms(long ticks) => (ticks - from) * 1000.0 / Stopwatch.Frequency;
        using var writer = new StreamWriter(Path);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# phase start unix ms {startUnixMs}"));
        writer.WriteLine("id,intended_ms,answered_ms,delivered_ms,accepted");
        foreach (var (id, (intended, answered, ok)) in _answered.OrderBy(e => e.Value.Intended))
        {
            var delivered = _delivered.TryGetValue(id, out var at) ? Ms(at).ToString("0.0", CultureInfo.InvariantCulture) : "";
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{id},{Ms(intended):0.0},{Ms(answered):0.0},{delivered},{(ok ? 1 : 0)}"));
        }
    }
}
