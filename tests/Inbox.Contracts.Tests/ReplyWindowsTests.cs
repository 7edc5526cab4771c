using Inbox.Contracts.Channels;
using Inbox.Contracts.Conversations;

namespace Inbox.Contracts.Tests;

public sealed class ReplyWindowsTests
{
    private static readonly DateTimeOffset Wrote = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(Platform.WhatsApp, 24)]
    [InlineData(Platform.Messenger, 24)]
    [InlineData(Platform.Instagram, 24)]
    [InlineData(Platform.WeChat, 48)]
    public void A_platform_with_a_window_closes_it_its_hours_after_the_customer_wrote_and_not_a_moment_before(Platform platform, int hours)
    {
        var closes = ReplyWindows.ClosesAt(platform, Wrote);
        Assert.Equal(Wrote.AddHours(hours), closes);
        Assert.False(ReplyWindows.IsClosed(closes, Wrote.AddHours(hours).AddTicks(-1)));
        Assert.True(ReplyWindows.IsClosed(closes, Wrote.AddHours(hours)));
        Assert.StartsWith($"{hours}-hour reply window has closed", ReplyWindows.RefusalOn(platform)!.Split("'s ")[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Platform.Telegram)]
    [InlineData(Platform.Line)]
    [InlineData(Platform.WebChat)]
    public void A_platform_without_a_window_never_closes(Platform platform)
    {
        Assert.Null(ReplyWindows.LengthOn(platform));
        Assert.Null(ReplyWindows.ClosesAt(platform, Wrote));
        Assert.False(ReplyWindows.IsClosed(ReplyWindows.ClosesAt(platform, Wrote), Wrote.AddYears(1)));
        Assert.Null(ReplyWindows.RefusalOn(platform));
    }

    [Fact]
    public void The_refusal_names_the_platform_its_window_and_what_would_be_needed_past_it()
    {
        Assert.Equal(
            "WhatsApp's 24-hour reply window has closed: the customer must write again before you can reply (template messages are not supported yet).",
            ReplyWindows.RefusalOn(Platform.WhatsApp));
        Assert.Equal(
            "Messenger's 24-hour reply window has closed: the customer must write again before you can reply (message tags are not supported yet).",
            ReplyWindows.RefusalOn(Platform.Messenger));
    }

    [Fact]
    public void The_summary_carries_the_refusal_only_where_there_is_a_window_to_close()
    {
        var summary = new ConversationSummary("demo", "cv_1", "wa", Platform.WhatsApp, "ct_1", "Ana", "16505551234", ConversationStatus.Open, null, 1, "hi", Wrote, Wrote);
        Assert.Null(summary.ReplyWindowRefusal);
        Assert.Equal(ReplyWindows.RefusalOn(Platform.WhatsApp), (summary with { ReplyWindowClosesAt = Wrote.AddHours(24) }).ReplyWindowRefusal);
    }
}
