using Inbox.Simulator.Platforms;
using Microsoft.Extensions.Time.Testing;

namespace Inbox.Simulator.Tests.Platforms;

/// <summary>The sliding window itself, on a fake clock: which arrivals get through, and the wait the refused ones are told.</summary>
public sealed class ArrivalsTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_send_gets_through_once_the_oldest_accepted_one_is_a_full_second_old()
    {
        var arrivals = new Arrivals(_clock);
        arrivals.Limit("telegram", 2, perAccount: false);

        Assert.Null(arrivals.Arrive("telegram", null).RetryAfter);
        _clock.Advance(TimeSpan.FromMilliseconds(400));
        Assert.Null(arrivals.Arrive("telegram", null).RetryAfter);
        _clock.Advance(TimeSpan.FromMilliseconds(300));

        // Two accepted at 0 and 400 ms: at 700 ms the first leaves the window in 300 ms; Telegram says "1" (whole seconds).
        var refused = arrivals.Arrive("telegram", null);
        Assert.Equal((TimeSpan.FromMilliseconds(300), 1), (refused.RetryAfter, refused.RetryAfterSeconds));

        _clock.Advance(TimeSpan.FromMilliseconds(300));
        Assert.Null(arrivals.Arrive("telegram", null).RetryAfter);
        Assert.NotNull(arrivals.Arrive("telegram", null).RetryAfter);
    }

    [Fact]
    public void A_place_given_back_is_free_again_and_other_platforms_are_not_limited()
    {
        var arrivals = new Arrivals(_clock);
        arrivals.Limit("line", 1, perAccount: false);

        var first = arrivals.Arrive("line", null);
        Assert.NotNull(arrivals.Arrive("line", null).RetryAfter);
        arrivals.GiveBack(first.Place!);
        Assert.Null(arrivals.Arrive("line", null).RetryAfter);
        Assert.All(Enumerable.Range(0, 10), _ => Assert.Null(arrivals.Arrive("whatsapp", null).RetryAfter));
    }

    [Fact]
    public void Per_account_windows_are_separate()
    {
        var arrivals = new Arrivals(_clock);
        arrivals.Limit("whatsapp", 1, perAccount: true);

        Assert.Null(arrivals.Arrive("whatsapp", "phone-1").RetryAfter);
        Assert.Null(arrivals.Arrive("whatsapp", "phone-2").RetryAfter);
        Assert.NotNull(arrivals.Arrive("whatsapp", "phone-1").RetryAfter);
    }

    [Fact]
    public void Arrivals_in_the_same_clock_tick_still_get_strictly_increasing_times()
    {
        var arrivals = new Arrivals(_clock);
        var stamps = Enumerable.Range(0, 5).Select(_ => arrivals.Arrive("telegram", null)).ToList();
        Assert.Equal([1L, 2, 3, 4, 5], stamps.Select(s => s.Sequence));
        Assert.All(stamps.Zip(stamps.Skip(1)), pair => Assert.True(pair.First.At < pair.Second.At));
    }
}
