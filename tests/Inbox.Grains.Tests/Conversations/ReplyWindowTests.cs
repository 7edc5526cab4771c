using Inbox.Contracts.Channels;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Errors;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Messages;
using Inbox.Contracts.Security;
using Inbox.Contracts.Users;
using Inbox.Grains.Conversations;
using Inbox.Testing;

namespace Inbox.Grains.Tests.Conversations;

/// <summary>
/// The platforms' messaging windows: a reply after the customer's last message is older than the platform's window is
/// refused with the reason and nothing is stored; notes still go in; the customer writing again opens it again.
/// </summary>
[Collection(GrainCluster.Name)]
public sealed class ReplyWindowTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task A_whatsapp_reply_after_24_hours_is_refused_with_the_reason_while_notes_still_go_in_until_the_customer_writes_again()
    {
        var (organisationId, conversation) = await ConversationOnAsync(Platform.WhatsApp);
        var wrote = await CustomerWritesAsync(conversation, "Is my order on its way?");
        AssertClosesADayAfter(wrote, (await conversation.GetSummaryAsync())!);
        await ReplyAsync(organisationId, conversation, "Yes, it left today.");

        fixture.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var before = (await conversation.GetSummaryAsync())!.LastSequence;
        var refused = await Assert.ThrowsAsync<ConflictException>(() => ReplyAsync(organisationId, conversation, "Did it arrive?"));
        Assert.Equal(
            "WhatsApp's 24-hour reply window has closed: the customer must write again before you can reply (template messages are not supported yet).",
            refused.Message);
        Assert.Equal(refused.Message, (await conversation.GetSummaryAsync())!.ReplyWindowRefusal);
        Assert.Equal(before, (await conversation.GetSummaryAsync())!.LastSequence);
        Assert.DoesNotContain((await conversation.GetMessagesAsync(null, 10)).Messages, m => m.Text == "Did it arrive?");

        // A note is for the team, not the customer: the window does not apply.
        CallerContext.Set(Supervisor(organisationId));
        Assert.Equal(MessageKind.Note, (await conversation.AddNoteAsync("Window closed; wait for the customer")).Kind);
        CallerContext.Clear();

        var again = await CustomerWritesAsync(conversation, "It did not arrive");
        AssertClosesADayAfter(again, (await conversation.GetSummaryAsync())!);
        Assert.Equal(MessageKind.Outgoing, (await ReplyAsync(organisationId, conversation, "Sorry! Sending another.")).Kind);
    }

    [Fact]
    public async Task A_wechat_window_lasts_48_hours()
    {
        var (organisationId, conversation) = await ConversationOnAsync(Platform.WeChat);
        await CustomerWritesAsync(conversation, "你好");

        fixture.Time.Advance(TimeSpan.FromHours(48) - TimeSpan.FromMinutes(1));
        await ReplyAsync(organisationId, conversation, "Still in time");

        fixture.Time.Advance(TimeSpan.FromMinutes(2));
        var refused = await Assert.ThrowsAsync<ConflictException>(() => ReplyAsync(organisationId, conversation, "Too late"));
        Assert.StartsWith("WeChat's 48-hour reply window has closed", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Platform.Telegram)]
    [InlineData(Platform.Line)]
    [InlineData(Platform.WebChat)]
    public async Task A_platform_without_a_window_never_closes(Platform platform)
    {
        var (organisationId, conversation) = await ConversationOnAsync(platform);
        await CustomerWritesAsync(conversation, "Hello");

        fixture.Time.Advance(TimeSpan.FromDays(30));
        var summary = (await conversation.GetSummaryAsync())!;
        Assert.Null(summary.ReplyWindowClosesAt);
        Assert.Null(summary.ReplyWindowRefusal);
        Assert.Equal(MessageKind.Outgoing, (await ReplyAsync(organisationId, conversation, "A month later")).Kind);
    }

    [Fact]
    public async Task The_window_runs_from_the_platforms_time_of_the_newest_message_and_survives_reactivation()
    {
        var (organisationId, conversation) = await ConversationOnAsync(Platform.Messenger);
        var now = fixture.Time.GetUtcNow();

        // A late redelivery: sent 20 hours ago by the platform's clock, so 4 hours are left.
        await CustomerWritesAsync(conversation, "Written yesterday", sentAt: now.AddHours(-20));
        Assert.Equal(now.AddHours(4), (await conversation.GetSummaryAsync())!.ReplyWindowClosesAt);

        // A newer message moves it on; an older one arriving after it never moves it back.
        await CustomerWritesAsync(conversation, "Written an hour ago", sentAt: now.AddHours(-1));
        await CustomerWritesAsync(conversation, "Written the day before", sentAt: now.AddHours(-40));
        Assert.Equal(now.AddHours(23), (await conversation.GetSummaryAsync())!.ReplyWindowClosesAt);

        // A platform clock ahead of ours counts as now, never later.
        var ahead = await CustomerWritesAsync(conversation, "From the future", sentAt: now.AddHours(5));
        var closes = (await conversation.GetSummaryAsync())!.ReplyWindowClosesAt!.Value;
        Assert.InRange(closes, now.AddHours(24), ahead.CreatedAt.AddHours(24));

        // Kept in the list row (which follows a burst of messages within a second), and read back from it after reactivation.
        await Eventually.TrueAsync(
            async () => (await fixture.Inside.GetGrain<IConversationIndexGrain>(organisationId).ListAsync(new ConversationQuery(null, 10))) is [var listed] && listed.ReplyWindowClosesAt == closes,
            TimeSpan.FromSeconds(10));
        await fixture.DeactivateAsync(conversation);
        Assert.Equal(closes, (await conversation.GetSummaryAsync())!.ReplyWindowClosesAt);
    }

    [Fact]
    public async Task A_reactivated_conversation_counts_a_customer_message_whose_index_write_was_lost()
    {
        var (organisationId, conversation) = await ConversationOnAsync(Platform.Instagram);
        await CustomerWritesAsync(conversation, "one", sentAt: fixture.Time.GetUtcNow().AddHours(-30));
        Assert.True(ReplyWindows.IsClosed((await conversation.GetSummaryAsync())!.ReplyWindowClosesAt, fixture.Time.GetUtcNow()));
        var conversationId = (await conversation.GetSummaryAsync())!.ConversationId;
        await fixture.DeactivateAsync(conversation);

        // As if a silo died after appending message 2 to the log and before rewriting the index row: its platform time
        // is lost, so it counts from when the inbox stored it.
        var storedAt = fixture.Time.GetUtcNow();
        await new MessageLog(fixture.Tables).AppendAsync(GrainKeys.Compose(organisationId, conversationId), new MessageRecord(
            conversationId, 2, "msg_lost", MessageKind.Incoming, "two", "ct", "Customer", "m-2", DeliveryStatus.Delivered, storedAt),
            TestContext.Current.CancellationToken);

        Assert.Equal(storedAt.AddHours(24), (await conversation.GetSummaryAsync())!.ReplyWindowClosesAt);
        await ReplyAsync(organisationId, conversation, "Got it");
    }

    private async Task<(string OrganisationId, IConversationGrain Conversation)> ConversationOnAsync(Platform platform)
    {
        var organisationId = GrainKeys.NewId("org");
        var identity = fixture.Inside.GetGrain<IChannelIdentityGrain>(GrainKeys.Compose(organisationId, "ch", GrainKeys.NewId("u")));
        var current = await identity.ResolveConversationAsync(platform, "Ana Silva");
        return (organisationId, fixture.Inside.GetGrain<IConversationGrain>(GrainKeys.Compose(organisationId, current.ConversationId)));
    }

    private static Task<MessageRecord> CustomerWritesAsync(IConversationGrain conversation, string text, DateTimeOffset? sentAt = null) =>
        conversation.ReceiveAsync(new InboundMessage(GrainKeys.NewId("m"), text, SentAt: sentAt));

    private static async Task<MessageRecord> ReplyAsync(string organisationId, IConversationGrain conversation, string text)
    {
        CallerContext.Set(Supervisor(organisationId));
        try
        {
            return await conversation.ReplyAsync(new AgentReply("u_sup", "Sam", text, GrainKeys.NewId("c")));
        }
        finally
        {
            CallerContext.Clear();
        }
    }

    // The message was stored a moment after the grain noted the customer wrote (the test clock ticks on every reading).
    private static void AssertClosesADayAfter(MessageRecord message, ConversationSummary summary) =>
        Assert.InRange(summary.ReplyWindowClosesAt!.Value, message.CreatedAt.AddHours(24).AddSeconds(-1), message.CreatedAt.AddHours(24));

    private static Caller Supervisor(string organisationId) => Caller.User(organisationId, "u_sup", "Sam", UserRole.Supervisor, [], [], null);
}
