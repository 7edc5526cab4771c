namespace Inbox.Grains.Storage;

/// <summary>
/// Spaces one writer's storage requests at least <see cref="Interval"/> apart. A writer that has been quiet for that
/// long writes at once; a busy one waits out the rest of the interval, and whatever arrives meanwhile goes in the same
/// request. So a busy partition costs storage at most one request per interval, however many changes it carries, and
/// each change waits at most one interval for its company.
/// </summary>
/// <remarks>Not thread-safe: its writer calls it from one write loop at a time.</remarks>
public sealed class WritePace(TimeSpan interval)
{
    private long _lastWrite = long.MinValue / 2;

    public TimeSpan Interval { get; } = interval;

    /// <summary>How long until the next write may start: zero when it may start now.</summary>
    public TimeSpan Remaining =>
        _lastWrite + (long)Interval.TotalMilliseconds - Environment.TickCount64 is var wait and > 0 ? TimeSpan.FromMilliseconds(wait) : TimeSpan.Zero;

    /// <summary>Completes when the next write may start, and counts it as started.</summary>
    public async Task NextAsync()
    {
        if (Remaining is var wait && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        _lastWrite = Environment.TickCount64;
    }
}
