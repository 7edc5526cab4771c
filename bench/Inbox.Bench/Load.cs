using System.Diagnostics;
using HdrHistogram;

namespace Inbox.Bench;

/// <summary>Load shapes: closed loop (as fast as answers come: finds the maximum) and open loop (a constant arrival rate).</summary>
internal static class Load
{
    /// <summary>
    /// <paramref name="workers"/> loops each running <paramref name="operation"/> back to back for <paramref name="duration"/>;
    /// returns how many completed per second.
    /// </summary>
    public static async Task<double> ClosedLoopAsync(int workers, TimeSpan duration, Func<Task> operation)
    {
        long completed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                await operation();
                Interlocked.Increment(ref completed);
            }
        }));
        return completed / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Runs <paramref name="operation"/> for 0 … <paramref name="count"/> − 1, <paramref name="workers"/> at a time.</summary>
    public static async Task ForEachAsync(int workers, int count, Func<long, Task> operation)
    {
        long next = -1;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            long i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await operation(i);
            }
        }));
    }

    /// <summary>
    /// Starts <paramref name="operation"/> at <paramref name="ratePerSecond"/> for <paramref name="duration"/>, on schedule
    /// whether earlier ones finished or not, passing each its intended start (Stopwatch ticks): latencies measured from
    /// the intended start are free of coordinated omission. Returns how many were started.
    /// </summary>
    public static async Task<long> OpenLoopAsync(double ratePerSecond, TimeSpan duration, Func<long, long, Task> operation)
    {
        var interval = Stopwatch.Frequency / ratePerSecond;
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var running = new List<Task>();
        long index = 0;
        while (true)
        {
            var intended = start + (long)(index * interval);
            if (intended >= end)
            {
                break;
            }

            var wait = intended - Stopwatch.GetTimestamp();
            if (wait > Stopwatch.Frequency / 1000)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
            }

            running.Add(operation(index, intended));
            index++;
        }

        await Task.WhenAll(running);
        return index;
    }

    /// <summary>A histogram of latencies in microseconds, up to a minute.</summary>
    public static LongConcurrentHistogram NewHistogram() => new(1, 60_000_000, 3);

    /// <summary>Microseconds from <paramref name="fromTicks"/> to now.</summary>
    public static long MicrosecondsSince(long fromTicks) => (Stopwatch.GetTimestamp() - fromTicks) * 1_000_000 / Stopwatch.Frequency;

    /// <summary>The value at a percentile, in milliseconds.</summary>
    public static double Milliseconds(HistogramBase histogram, double percentile) => histogram.GetValueAtPercentile(percentile) / 1000.0;
}
