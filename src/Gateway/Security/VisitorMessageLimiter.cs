using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Inbox.Gateway.Security;

/// <summary>
/// Limits how fast one widget visitor may send messages, over however many connections: a token bucket per visitor,
/// so a script cannot flood the inbox through a single open connection. Idle buckets are dropped by the limiter.
/// </summary>
public sealed class VisitorMessageLimiter(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(visitor =>
        RateLimitPartition.GetTokenBucketLimiter(visitor, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.WidgetMessagesPerMinute,
            TokensPerPeriod = options.Value.WidgetMessagesPerMinute,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>True when the visitor may send one more message now.</summary>
    public bool TryAcquire(string visitorKey)
    {
        using var lease = _limiter.AttemptAcquire(visitorKey);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
