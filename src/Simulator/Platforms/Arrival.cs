namespace Inbox.Simulator.Platforms;

/// <summary>When a platform API request arrived, and what the platform's rate limit said at that instant.</summary>
/// <param name="Sequence">Its place in the order of arrival, over all platforms.</param>
/// <param name="At">When it arrived; strictly increasing with <paramref name="Sequence"/>.</param>
/// <param name="RetryAfter">Set when the rate limit refuses it: how long until the window has room.</param>
/// <param name="Place">The place it took in its window (null without a limit, or when refused); given back unless it is accepted.</param>
internal readonly record struct Arrival(long Sequence, DateTimeOffset At, TimeSpan? RetryAfter, LinkedListNode<DateTimeOffset>? Place)
{
    /// <summary>The wait to announce, in the whole seconds platforms use (at least 1), or null when the send may go on.</summary>
    public int? RetryAfterSeconds => RetryAfter is { } wait ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : null;
}
