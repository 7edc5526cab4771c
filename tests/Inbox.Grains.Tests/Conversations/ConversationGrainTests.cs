using Azure.Data.Tables;
using Inbox.Contracts.Channels;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Messages;
using Inbox.Grains.Conversations;
using Inbox.Grains.Storage;
using Inbox.Testing;

namespace Inbox.Grains.Tests.Conversations;

[Collection(GrainCluster.Name)]
public sealed class ConversationGrainTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task Messages_survive_deactivation_in_both_the_grain_state_and_the_message_log()
    {
        var (organisationId, conversation, conversationId) = await NewConversationAsync();
        await conversation.ReceiveAsync(new InboundMessage("wamid-1", "Hello"));
        await conversation.ReplyAsync(new AgentReply("u_agent", "Alex Agent", "Hi! How can I help?", "c-1"));
        await conversation.ReceiveAsync(new InboundMessage("wamid-2", "My order is late"));

        await fixture.DeactivateAsync(conversation);

        var summary = await conversation.GetSummaryAsync();
        Assert.NotNull(summary);
        Assert.Equal(3, summary.LastSequence);
        Assert.Equal(ConversationStatus.Open, summary.Status);
        Assert.Equal("My order is late", summary.LastMessagePreview);
        Assert.Equal(Platform.WebChat, summary.Platform);

        var page = await conversation.GetMessagesAsync(null, 50);
        Assert.Equal([1L, 2, 3], page.Messages.Select(m => m.Sequence));
        Assert.Equal(["Hello", "Hi! How can I help?", "My order is late"], page.Messages.Select(m => m.Text));
        Assert.Equal([MessageKind.Incoming, MessageKind.Outgoing, MessageKind.Incoming], page.Messages.Select(m => m.Kind));
        Assert.False(page.HasMore);

        // The log itself: one partition per conversation, zero-padded sequence row keys, and one row per message, with
        // nothing beside it (redeliveries are recognised from the messages' own external ids).
        var partition = GrainKeys.Compose(organisationId, conversationId);
        var rows = fixture.Tables.GetTableClient(TableNames.Messages)
            .Query<TableEntity>(e => e.PartitionKey == partition, cancellationToken: TestContext.Current.CancellationToken)
            .ToList();
        Assert.Equal(["000000000001", "000000000002", "000000000003"], rows.Select(e => e.RowKey));
        Assert.Equal(["wamid-1", "c-1", "wamid-2"], rows.Select(e => e.GetString("ExternalId")));
    }

    [Fact]
    public async Task A_redelivered_message_is_stored_once_even_after_reactivation()
    {
        var (_, conversation, _) = await NewConversationAsync();
        var first = await conversation.ReceiveAsync(new InboundMessage("wamid-1", "Hello"));
        Assert.Equal(first, await conversation.ReceiveAsync(new InboundMessage("wamid-1", "Hello")));

        await fixture.DeactivateAsync(conversation);

        var again = await conversation.ReceiveAsync(new InboundMessage("wamid-1", "Hello"));
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal(1, (await conversation.GetSummaryAsync())!.LastSequence);
    }

    [Fact]
    public async Task A_redelivery_long_after_the_original_is_still_stored_once()
    {
        // Meta retries for up to 7 days: by then the message has left the cache of recent messages, and the grain may
        // have been deactivated; the external ids it reads back from its log on activation find it.
        var (_, conversation, _) = await NewConversationAsync();
        var original = await conversation.ReceiveAsync(new InboundMessage("wamid-old", "Where is my parcel?"));
        var reply = await conversation.ReplyAsync(new AgentReply("u_agent", "Alex Agent", "Checking!", "c-old"));
        for (var i = 1; i <= ConversationGrain.RecentCapacity + 5; i++)
        {
            await conversation.ReceiveAsync(new InboundMessage($"wamid-{i}", $"message {i}"));
        }

        var last = (await conversation.GetSummaryAsync())!.LastSequence;
        Assert.Equal(original, await conversation.ReceiveAsync(new InboundMessage("wamid-old", "Where is my parcel?")));
        Assert.Equal(reply, await conversation.ReplyAsync(new AgentReply("u_agent", "Alex Agent", "Checking!", "c-old")));
        fixture.Time.Advance(TimeSpan.FromDays(6));
        await fixture.DeactivateAsync(conversation);
        Assert.Equal(reply.MessageId, (await conversation.ReplyAsync(new AgentReply("u_agent", "Alex Agent", "Checking!", "c-old"))).MessageId);
        Assert.Equal(original.MessageId, (await conversation.ReceiveAsync(new InboundMessage("wamid-old", "Where is my parcel?"))).MessageId);

        // The same id from the other side is another message: a client's reply id never swallows a customer's message.
        var crossed = await conversation.ReceiveAsync(new InboundMessage("c-old", "not a reply"));
        Assert.Equal(last + 1, crossed.Sequence);
    }

    [Fact]
    public async Task The_list_shows_each_message_when_its_sender_hears_back_and_storage_follows_with_the_last()
    {
        var ct = TestContext.Current.CancellationToken;
        var (organisationId, conversation, conversationId) = await NewConversationAsync();
        var list = fixture.Inside.GetGrain<IConversationIndexGrain>(organisationId);
        var rows = fixture.Tables.GetTableClient(TableNames.Conversations);

        // A customer typing in fragments: the list follows every one at once, whatever storage holds yet.
        for (var i = 1; i <= 5; i++)
        {
            await conversation.ReceiveAsync(new InboundMessage($"burst-{i}", $"fragment {i}"));
            var listed = Assert.Single(await list.ListAsync(new ConversationQuery(null, 10)));
            Assert.Equal(((long)i, $"fragment {i}"), (listed.LastSequence, listed.LastMessagePreview));
        }

        // The stored row follows within the writer's hold, carrying the last fragment.
        await Eventually.TrueAsync(
            async () => (await rows.GetEntityIfExistsAsync<TableEntity>(organisationId, conversationId, cancellationToken: ct)) is { HasValue: true } row
                && (row.Value!.GetInt64("LastSequence"), row.Value.GetString("LastMessagePreview")) == (5L, "fragment 5"),
            ConversationListWriterGrain.Hold + TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_list_writer_stores_every_row_it_holds_when_it_deactivates()
    {
        var ct = TestContext.Current.CancellationToken;
        var (organisationId, conversation, conversationId) = await NewConversationAsync();
        await conversation.ReceiveAsync(new InboundMessage("held-1", "Still in memory"));

        await fixture.DeactivateAsync(fixture.Inside.GetGrain<IConversationListWriterGrain>(organisationId));

        var row = (await fixture.Tables.GetTableClient(TableNames.Conversations).GetEntityAsync<TableEntity>(organisationId, conversationId, cancellationToken: ct)).Value;
        Assert.Equal((1L, "Still in memory"), (row.GetInt64("LastSequence")!.Value, row.GetString("LastMessagePreview")));
    }

    [Fact]
    public async Task An_unwritten_row_replaces_the_stored_one_in_the_list_and_its_filters()
    {
        // Storage still says open; the writer holds the conversation as resolved: the list and its filters go by the newer.
        var organisationId = NewOrganisation();
        var open = new ConversationSummary(
            organisationId, GrainKeys.NewId("cv"), "ch_web", Platform.WebChat, "ct_1", "Ana", "visitor-1", ConversationStatus.Open, null,
            3, "Is it fixed?", DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(-1));
        await fixture.Tables.GetTableClient(TableNames.Conversations).AddEntityAsync(ConversationEntity.From(open), TestContext.Current.CancellationToken);
        var list = fixture.Inside.GetGrain<IConversationIndexGrain>(organisationId);
        Assert.Equal([open.ConversationId], (await list.ListAsync(new ConversationQuery(ConversationStatus.Open, 10))).Select(c => c.ConversationId));

        await fixture.Inside.GetGrain<IConversationListWriterGrain>(organisationId).WriteAsync(open with { Status = ConversationStatus.Resolved, Revision = 1 }, stored: true);

        Assert.Empty(await list.ListAsync(new ConversationQuery(ConversationStatus.Open, 10)));
        var resolved = Assert.Single(await list.ListAsync(new ConversationQuery(ConversationStatus.Resolved, 10)));
        Assert.Equal((open.ConversationId, 1L), (resolved.ConversationId, resolved.Revision));
        Assert.Equal(ConversationStatus.Resolved, Assert.Single(await list.ListAsync(new ConversationQuery(null, 10))).Status);
    }

    [Fact]
    public async Task A_list_row_gone_from_storage_is_written_again_with_the_next_message()
    {
        // The writer replaces a row it knows is stored; if it is not there after all, the write falls back to an upsert.
        var ct = TestContext.Current.CancellationToken;
        var (organisationId, conversation, conversationId) = await NewConversationAsync();
        await conversation.ReceiveAsync(new InboundMessage("gone-1", "First"));
        var rows = fixture.Tables.GetTableClient(TableNames.Conversations);
        var within = ConversationListWriterGrain.Hold + TimeSpan.FromSeconds(10);
        await Eventually.TrueAsync(async () => (await rows.GetEntityIfExistsAsync<TableEntity>(organisationId, conversationId, cancellationToken: ct)).HasValue, within);
        await rows.DeleteEntityAsync(organisationId, conversationId, cancellationToken: ct);

        await conversation.ReceiveAsync(new InboundMessage("gone-2", "Second"));
        await Eventually.TrueAsync(
            async () => (await rows.GetEntityIfExistsAsync<TableEntity>(organisationId, conversationId, cancellationToken: ct)) is { HasValue: true } row
                && (row.Value!.GetInt64("LastSequence"), row.Value.GetString("LastMessagePreview")) == (2L, "Second"),
            within);
    }

    [Fact]
    public async Task An_id_seen_again_after_the_platforms_retry_period_is_a_new_message()
    {
        // No platform redelivers after 7 days (Meta's longest): the window ends a day after that, so the same id later
        // is a new message rather than one silently swallowed, in an active grain and after reactivation alike.
        var (_, conversation, _) = await NewConversationAsync();
        var first = await conversation.ReceiveAsync(new InboundMessage("wamid-reused", "First"));
        var second = await conversation.ReceiveAsync(new InboundMessage("wamid-other", "Second"));
        fixture.Time.Advance(RedeliveryWindow.Lifetime + TimeSpan.FromMinutes(1));

        var later = await conversation.ReceiveAsync(new InboundMessage("wamid-reused", "First"));
        Assert.Equal(first.Sequence + 2, later.Sequence);

        await fixture.DeactivateAsync(conversation);
        Assert.Equal(later.MessageId, (await conversation.ReceiveAsync(new InboundMessage("wamid-reused", "First"))).MessageId);
        Assert.Equal(second.Sequence + 2, (await conversation.ReceiveAsync(new InboundMessage("wamid-other", "Second"))).Sequence);
    }

    [Fact]
    public async Task An_attachment_or_location_needs_no_text_and_survives_reactivation()
    {
        var (_, conversation, _) = await NewConversationAsync();
        var image = new MessageAttachment("a1", AttachmentKind.Image, null, "image/jpeg", 98764, "1003383421387256", null);
        var place = new MessageLocation(37.4421, -122.1615, "Philz Coffee", "101 Forest Ave");
        await conversation.ReceiveAsync(new InboundMessage("wamid-img", "", [image]));
        await conversation.ReceiveAsync(new InboundMessage("wamid-loc", "", Location: place));
        await Assert.ThrowsAsync<ArgumentException>(() => conversation.ReceiveAsync(new InboundMessage("wamid-empty", " ")));

        await fixture.DeactivateAsync(conversation);
        var messages = (await conversation.GetMessagesAsync(null, 10)).Messages;
        Assert.Equal(image, Assert.Single(messages[0].Attachments!));
        Assert.Equal(place, messages[1].Location);
        Assert.Equal("[Location: Philz Coffee]", (await conversation.GetSummaryAsync())!.LastMessagePreview);
    }

    [Fact]
    public async Task History_pages_backwards_past_the_in_memory_cache()
    {
        var (_, conversation, _) = await NewConversationAsync();
        for (var i = 1; i <= ConversationGrain.RecentCapacity + 10; i++)
        {
            await conversation.ReceiveAsync(new InboundMessage($"m-{i}", $"message {i}"));
        }

        var newest = await conversation.GetMessagesAsync(null, 25);
        Assert.Equal(Enumerable.Range(6, 25).Select(i => (long)i), newest.Messages.Select(m => m.Sequence));
        Assert.True(newest.HasMore);

        var older = await conversation.GetMessagesAsync(before: 6, limit: 25);
        Assert.Equal([1L, 2, 3, 4, 5], older.Messages.Select(m => m.Sequence));
        Assert.False(older.HasMore);

        await fixture.DeactivateAsync(conversation);
        var middle = await conversation.GetMessagesAsync(before: 5, limit: 3);
        Assert.Equal(["message 2", "message 3", "message 4"], middle.Messages.Select(m => m.Text));
        Assert.True(middle.HasMore);
    }

    [Fact]
    public async Task A_reactivated_conversation_finds_messages_whose_index_write_was_lost()
    {
        var (organisationId, conversation, conversationId) = await NewConversationAsync();
        await conversation.ReceiveAsync(new InboundMessage("m-1", "one"));
        await fixture.DeactivateAsync(conversation);

        // As if a silo died after appending message 2 to the log and before rewriting the index row.
        var log = new MessageLog(fixture.Tables);
        await log.AppendAsync(GrainKeys.Compose(organisationId, conversationId), new MessageRecord(
            conversationId, 2, "msg_lost", MessageKind.Incoming, "two", "ct", "Customer", "m-2", DeliveryStatus.Delivered, DateTimeOffset.UtcNow),
            TestContext.Current.CancellationToken);

        var summary = await conversation.GetSummaryAsync();
        Assert.Equal(2, summary!.LastSequence);
        Assert.Equal("two", summary.LastMessagePreview);
        Assert.Equal("msg_lost", (await conversation.ReceiveAsync(new InboundMessage("m-2", "two"))).MessageId);
        Assert.Equal(3, (await conversation.ReceiveAsync(new InboundMessage("m-3", "three"))).Sequence);

        // The repaired row was written on activation, so message 3's follows within a second (a burst).
        await Eventually.TrueAsync(
            async () => (await fixture.Inside.GetGrain<IConversationIndexGrain>(organisationId).ListAsync(new ConversationQuery(null, 10)))
                .Single(c => c.ConversationId == conversationId).LastSequence == 3,
            TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_text_is_refused_and_nothing_is_stored(string text)
    {
        var (_, conversation, _) = await NewConversationAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => conversation.ReceiveAsync(new InboundMessage("m-1", text)));
        await Assert.ThrowsAsync<ArgumentException>(() => conversation.ReplyAsync(new AgentReply("u", "U", new string('x', MessageText.MaxLength + 1), null)));
        Assert.Empty((await conversation.GetMessagesAsync(null, 10)).Messages);
        Assert.Equal(0, (await conversation.GetSummaryAsync())!.LastSequence);
    }

    [Fact]
    public async Task A_conversation_that_was_never_started_does_not_exist_and_refuses_messages()
    {
        var conversation = fixture.Inside.GetGrain<IConversationGrain>(GrainKeys.Compose(NewOrganisation(), GrainKeys.NewId("cv")));
        Assert.Null(await conversation.GetSummaryAsync());
        await Assert.ThrowsAsync<ConversationNotFoundException>(() => conversation.ReplyAsync(new AgentReply("u", "U", "hi", null)));
    }

    [Fact]
    public async Task The_conversation_list_shows_newest_activity_first_and_filters_by_status()
    {
        var organisationId = NewOrganisation();
        var (_, older, olderId) = await NewConversationAsync(organisationId);
        var (_, newer, newerId) = await NewConversationAsync(organisationId);
        await newer.ReceiveAsync(new InboundMessage("a", "first"));
        await older.ReceiveAsync(new InboundMessage("b", "second"));

        var index = fixture.Inside.GetGrain<IConversationIndexGrain>(organisationId);
        Assert.Equal([olderId, newerId], (await index.ListAsync(new ConversationQuery(null, 10))).Select(c => c.ConversationId));
        Assert.Equal([olderId], (await index.ListAsync(new ConversationQuery(null, 1))).Select(c => c.ConversationId));
        Assert.Empty(await index.ListAsync(new ConversationQuery(ConversationStatus.Resolved, 10)));
        Assert.Empty(await fixture.Inside.GetGrain<IConversationIndexGrain>(NewOrganisation()).ListAsync(new ConversationQuery(null, 10)));
    }

    private static string NewOrganisation() => GrainKeys.NewId("org");

    private async Task<(string OrganisationId, IConversationGrain Conversation, string ConversationId)> NewConversationAsync(string? organisationId = null)
    {
        organisationId ??= NewOrganisation();
        var visitor = GrainKeys.NewId("v");
        var current = await fixture.Inside.GetGrain<IChannelIdentityGrain>(GrainKeys.Compose(organisationId, "web", visitor))
            .ResolveConversationAsync(Platform.WebChat, "Visitor");
        return (organisationId, fixture.Inside.GetGrain<IConversationGrain>(GrainKeys.Compose(organisationId, current.ConversationId)), current.ConversationId);
    }
}
