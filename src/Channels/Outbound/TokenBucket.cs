namespace Inbox.Channels.Outbound;

/// <summary>
/// A token bucket: holds up to <c>capacity</c> tokens, gains <c>perSecond</c> of them a second, and a send takes one.
/// Pure arithmetic on the times it is given, so it is tested without a clock.
/// </summary>
/// <remarks>
/// Hand-written rather than System.Threading.RateLimiting's <c>TokenBucketRateLimiter</c>: that one replenishes on its
/// own timer (no <see cref="TimeProvider"/>), and the channel needs to ask "when is the next token?" to schedule a
/// queue of sends, not to wait in line for a lease.
/// </remarks>
public sealed class TokenBucket
{
    private readonly double _perSecond;
    private readonly double _capacity;
    private double _tokens;
    private DateTimeOffset _at;

    /// <summary>A full bucket at <paramref name="now"/>.</summary>
    public TokenBucket(double perSecond, double capacity, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        (_perSecond, _capacity, _tokens, _at) = (perSecond, capacity, capacity, now);
    }

    /// <summary>How long from <paramref name="now"/> until a token is there (zero when one is).</summary>
    public TimeSpan WaitTime(DateTimeOffset now)
    {
        Refill(now);
        return _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / _perSecond);
    }

    /// <summary>Takes a token if there is one at <paramref name="now"/>.</summary>
    public bool TryTake(DateTimeOffset now)
    {
        Refill(now);
        if (_tokens < 1)
        {
            return false;
        }

        _tokens -= 1;
        return true;
    }

    /// <summary>Whether the bucket is full again at <paramref name="now"/> (so it can be forgotten and made anew).</summary>
    public bool IsFull(DateTimeOffset now)
    {
        Refill(now);
        return _tokens >= _capacity;
    }

    private void Refill(DateTimeOffset now)
    {
        if (now > _at)
        {
            _tokens = Math.Min(_capacity, _tokens + (now - _at).TotalSeconds * _perSecond);
            _at = now;
        }
    }
}
