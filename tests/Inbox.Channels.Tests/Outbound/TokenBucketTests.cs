using Inbox.Channels.Outbound;

namespace Inbox.Channels.Tests.Outbound;

public sealed class TokenBucketTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_full_bucket_gives_its_burst_at_once_then_one_token_per_interval()
    {
        var bucket = new TokenBucket(perSecond: 20, capacity: 2, Start);
        Assert.True(bucket.TryTake(Start));
        Assert.True(bucket.TryTake(Start));
        Assert.False(bucket.TryTake(Start));
        Assert.Equal(TimeSpan.FromMilliseconds(50), bucket.WaitTime(Start));
        Assert.False(bucket.TryTake(Start.AddMilliseconds(49)));
        Assert.True(bucket.TryTake(Start.AddMilliseconds(50)));
    }

    [Fact]
    public void Over_any_second_it_never_gives_more_than_the_rate_plus_the_burst()
    {
        var bucket = new TokenBucket(perSecond: 20, capacity: 2, Start);
        var taken = new List<DateTimeOffset>();
        for (var ms = 0; ms < 10_000; ms++)
        {
            var at = Start.AddMilliseconds(ms);
            while (bucket.TryTake(at))
            {
                taken.Add(at);
            }
        }

        Assert.InRange(taken.Count, 200, 202);
        Assert.All(taken, t => Assert.InRange(taken.Count(o => o >= t && o < t.AddSeconds(1)), 1, 22));
    }

    [Fact]
    public void It_refills_to_its_capacity_and_no_further()
    {
        var bucket = new TokenBucket(perSecond: 1, capacity: 3, Start);
        Assert.True(bucket.TryTake(Start));
        Assert.False(bucket.IsFull(Start));
        Assert.True(bucket.IsFull(Start.AddHours(1)));
        Assert.Equal(3, Enumerable.Range(0, 10).Count(_ => bucket.TryTake(Start.AddHours(1))));
    }

    [Fact]
    public void Every_platform_states_its_documented_limits()
    {
        Assert.All(ChannelSenders.All, s => Assert.True(s.Limits.PerSecond > 0 && s.Limits.Burst >= 1, s.Platform));
        Assert.Equal((80, 1.0 / 6), (ChannelSenders.For("whatsapp")!.Limits.PerSecond, ChannelSenders.For("whatsapp")!.Limits.RecipientPerSecond));
        Assert.Equal((30, 1.0), (ChannelSenders.For("telegram")!.Limits.PerSecond, ChannelSenders.For("telegram")!.Limits.RecipientPerSecond));
        Assert.Equal(300, ChannelSenders.For("messenger")!.Limits.PerSecond);
        Assert.True(ChannelSenders.For("line")!.HasIdempotencyKey);
        Assert.False(ChannelSenders.For("telegram")!.HasIdempotencyKey);
        Assert.Equal((20, 2), (ChannelSenders.For("telegram")!.Limits.WithRate(20).PerSecond, ChannelSenders.For("telegram")!.Limits.WithRate(20).Burst));
    }
}
