using Inbox.Channels.Outbound;
using Inbox.Contracts.Messages;
using Inbox.Grains.Channels;

namespace Inbox.Grains.Tests.Channels;

/// <summary>Which queued reply goes next, and when: pure, on given times.</summary>
public sealed class OutboxScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private long _order;

    [Fact]
    public void One_conversations_replies_go_one_at_a_time_in_order_while_other_conversations_go_beside_them()
    {
        var schedule = new OutboxSchedule(new SendLimits(1000, 100), Start);
        var a1 = schedule.Add(Entry("a"));
        var a2 = schedule.Add(Entry("a"));
        var b1 = schedule.Add(Entry("b"));

        Assert.Same(a1, schedule.Next(Start, 0, 16).Next);
        Assert.Same(b1, schedule.Next(Start, 1, 16).Next);
        Assert.Equal((null, Timeout.InfiniteTimeSpan), schedule.Next(Start, 2, 16));

        schedule.Remove(a1);
        Assert.Same(a2, schedule.Next(Start, 1, 16).Next);
    }

    [Fact]
    public void A_reply_put_back_keeps_its_place_so_the_conversations_later_replies_wait_for_it()
    {
        var schedule = new OutboxSchedule(new SendLimits(1000, 100), Start);
        var first = schedule.Add(Entry("a"));
        schedule.Add(Entry("a"));

        Assert.Same(first, schedule.Next(Start, 0, 16).Next);
        schedule.Retry(first, Start.AddSeconds(2));
        Assert.Equal((null, TimeSpan.FromSeconds(2)), schedule.Next(Start, 0, 16));
        Assert.Same(first, schedule.Next(Start.AddSeconds(2), 0, 16).Next);
    }

    [Fact]
    public void The_channel_goes_at_its_rate_and_a_hold_stops_everything_until_it_ends()
    {
        var schedule = new OutboxSchedule(new SendLimits(20, 2), Start);
        for (var i = 0; i < 10; i++)
        {
            schedule.Add(Entry("c" + i));
        }

        Assert.NotNull(schedule.Next(Start, 0, 16).Next);
        Assert.NotNull(schedule.Next(Start, 1, 16).Next);
        Assert.Equal((null, TimeSpan.FromMilliseconds(50)), schedule.Next(Start, 2, 16));

        schedule.HoldUntil(Start.AddSeconds(3));
        Assert.Equal((null, TimeSpan.FromSeconds(3)), schedule.Next(Start, 2, 16));
        Assert.NotNull(schedule.Next(Start.AddSeconds(3), 2, 16).Next);
        Assert.Null(schedule.HeldUntil);
    }

    [Fact]
    public void A_customer_limit_holds_that_customer_only()
    {
        var schedule = new OutboxSchedule(new SendLimits(1000, 100, RecipientPerSecond: 1.0 / 6, RecipientBurst: 1), Start);
        var first = schedule.Add(Entry("a", recipient: "ana"));
        var again = schedule.Add(Entry("a2", recipient: "ana"));
        var other = schedule.Add(Entry("b", recipient: "ben"));

        Assert.Same(first, schedule.Next(Start, 0, 16).Next);
        Assert.Same(other, schedule.Next(Start, 1, 16).Next);
        var (next, wait) = schedule.Next(Start, 2, 16);
        Assert.Null(next);
        Assert.Equal(6, wait.TotalSeconds, 3);
        Assert.Same(again, schedule.Next(Start.AddSeconds(6), 2, 16).Next);
    }

    [Fact]
    public void Nothing_goes_while_paused_or_with_every_send_slot_taken()
    {
        var schedule = new OutboxSchedule(new SendLimits(1000, 100), Start);
        schedule.Add(Entry("a"));
        schedule.Paused = true;
        Assert.Null(schedule.Next(Start, 0, 16).Next);
        schedule.Paused = false;
        Assert.Null(schedule.Next(Start, 16, 16).Next);
        Assert.NotNull(schedule.Next(Start, 15, 16).Next);
    }

    private OutboxEntry Entry(string conversation, string recipient = "r") =>
        new(++_order, new OutboundReply(conversation, _order, "msg_" + _order, recipient, "hi"), Start);
}
