using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Inbox.Contracts.Channels;
using Inbox.Contracts.Events;
using Inbox.Contracts.Messages;
using Inbox.Simulator.Platforms;
using Inbox.Testing;

namespace Inbox.Gateway.Tests.Channels;

/// <summary>
/// When a platform goes wrong, end to end through the simulator: rate limits hold replies and send each exactly once at
/// the channel's pace; a refused token holds them until an admin reconnects; a customer who blocked the business gets
/// their message failed and a notice. What agents' and admins' live clients receive, and what is stored.
/// </summary>
public sealed class ChannelHealthTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(30);

    private InboxSystem System => fixture.System;

    [Fact]
    public async Task Five_hundred_replies_on_a_channel_limited_to_20_a_second_arrive_exactly_once_in_order_never_faster_with_429s_honoured()
    {
        using var admin = await System.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        using var supervisor = await System.SignInAsync(InboxSystem.SupervisorEmail, InboxSystem.SupervisorPassword);
        await using var adminLive = await AgentConnection.ConnectAsync(System.GatewayUrl, admin);
        await using var live = await AgentConnection.ConnectAsync(System.GatewayUrl, supervisor);
        var channel = await SimulatedChannel.ConnectAsync(admin, System.GatewayUrl, "telegram");
        var bot = channel.Fields["botToken"];
        var paced = await admin.Http.PutAsJsonAsync($"api/v1/channels/{channel.ChannelId}/rate", new { perSecond = 20 }, TestContext.Current.CancellationToken);
        Assert.Equal(20, (await paced.Content.ReadFromJsonAsync<ChannelHealth>(InboxApi.Json, TestContext.Current.CancellationToken))!.RatePerSecond);

        // The platform allows 20 a second too, and answers the first sends 429 with retry_after.
        System.Simulator.State.Limit("telegram", 20, perAccount: true);
        System.Simulator.State.Inject("telegram", Fault.RateLimited, 3);

        var conversations = await CustomersWriteAsync(channel, supervisor, 25);
        var written = await Task.WhenAll(conversations.Select(async c =>
        {
            var texts = new List<string>();
            for (var i = 0; i < 20; i++)
            {
                var text = $"{c.ChatId}/{i:D2}/{Guid.NewGuid():N}";
                var reply = await supervisor.ReplyAsync(c.ConversationId, text);
                Assert.Equal(DeliveryStatus.Pending, reply.DeliveryStatus);
                texts.Add(text);
            }

            return texts;
        }));

        await Eventually.TrueAsync(() => Task.FromResult(Requests(bot).Count(r => r.Accepted) >= 500), TimeSpan.FromSeconds(120));

        // Exactly once, in each conversation's order.
        var accepted = Requests(bot).Where(r => r.Accepted).Select(r => (string)JsonNode.Parse(r.Body)!["text"]!).ToList();
        Assert.Equal(written.SelectMany(t => t).Order(StringComparer.Ordinal), accepted.Order(StringComparer.Ordinal));
        foreach (var chat in written)
        {
            Assert.Equal(chat, accepted.Where(a => a.StartsWith(chat[0].Split('/')[0] + "/", StringComparison.Ordinal)));
        }

        // Never faster than the channel's pace, 429s included: 20 a second overall, and in any one second at most 20 plus
        // a burst of a tenth of a second's worth (2), plus 2 for network jitter (the platform counts arrivals, the
        // inbox paces departures, and each departure follows an outbox write of varying length).
        var arrivals = Requests(bot).Select(r => r.At).ToList();
        Assert.Contains(Requests(bot), r => !r.Accepted);
        Assert.All(arrivals, t => Assert.InRange(arrivals.Count(o => o >= t && o < t.AddSeconds(1)), 1, 24));
        Assert.True(arrivals.Count <= ((arrivals[^1] - arrivals[0]).TotalSeconds * 20) + 22, $"{arrivals.Count} sends in {(arrivals[^1] - arrivals[0]).TotalSeconds:0.0} s");

        // The agent saw why their replies waited; the admin was told the channel hit the limit.
        Assert.Contains(live.Events.Seen, e => e.Message?.Notice?.StartsWith("Queued: channel temporarily limited.", StringComparison.Ordinal) == true);
        await live.OrganisationEvents.WaitForAsync(e => e.Type == EventNames.ChannelStatusChanged && e.Channel?.ChannelId == channel.ChannelId && e.Channel.Status == ChannelStatus.RateLimited, Live);
        var alert = await adminLive.OrganisationEvents.WaitForAsync(e => e.Type == EventNames.ChannelAlert && e.Channel?.ChannelId == channel.ChannelId, Live);
        Assert.Contains("rate limit", alert.Health!.Alert, StringComparison.Ordinal);
        Assert.DoesNotContain(live.OrganisationEvents.Seen, e => e.Type == EventNames.ChannelAlert);

        // Every reply is stored as sent, and the channel is healthy again with nothing queued.
        await Eventually.TrueAsync(async () => (await Task.WhenAll(conversations.Select(c => supervisor.GetMessagesAsync(c.ConversationId))))
            .SelectMany(p => p.Items).Where(m => m.Kind == MessageKind.Outgoing).All(m => m.DeliveryStatus == DeliveryStatus.Sent), Live);
        var health = await Health(admin, channel.ChannelId);
        Assert.Equal((0, ChannelStatus.Active, "rate_limited"), (health.QueueDepth, health.Channel.Status, health.LastError?.Kind));
        System.Simulator.State.Limit("telegram", null);
    }

    [Fact]
    public async Task A_refused_token_holds_replies_tells_the_admin_and_after_reconnecting_the_held_replies_go_out_in_order()
    {
        using var admin = await System.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        using var supervisor = await System.SignInAsync(InboxSystem.SupervisorEmail, InboxSystem.SupervisorPassword);
        await using var adminLive = await AgentConnection.ConnectAsync(System.GatewayUrl, admin);
        await using var live = await AgentConnection.ConnectAsync(System.GatewayUrl, supervisor);
        var channel = await SimulatedChannel.ConnectAsync(admin, System.GatewayUrl, "whatsapp");
        var conversation = (await CustomersWriteAsync(channel, supervisor, 1)).Single();
        System.Simulator.State.Revoke("whatsapp", channel.Fields["accessToken"]);

        // The first reply meets the refused token: held, and the agent is told why.
        var first = await supervisor.ReplyAsync(conversation.ConversationId, "First, while the token is dead");
        var held = await live.Events.WaitForAsync(e => e.Message?.MessageId == first.MessageId && e.Message.Notice is not null, Live);
        Assert.Equal(DeliveryStatus.Pending, held.Message!.DeliveryStatus);
        Assert.StartsWith("Held: the platform refused the access token", held.Message.Notice, StringComparison.Ordinal);
        var status = await live.OrganisationEvents.WaitForAsync(e => e.Type == EventNames.ChannelStatusChanged && e.Channel?.ChannelId == channel.ChannelId, Live);
        Assert.Equal(ChannelStatus.NeedsReconnect, status.Channel!.Status);

        // The admin is told, with the platform's error; the agent is not sent admin alerts.
        var alert = await adminLive.OrganisationEvents.WaitForAsync(e => e.Type == EventNames.ChannelAlert && e.Channel?.ChannelId == channel.ChannelId, Live);
        Assert.Contains("needs reconnecting", alert.Health!.Alert, StringComparison.Ordinal);
        Assert.Contains("190", alert.Health.Alert, StringComparison.Ordinal);
        Assert.DoesNotContain(live.OrganisationEvents.Seen, e => e.Type == EventNames.ChannelAlert);

        // A second reply is held at once, saying so, and nothing more reaches the platform.
        var second = await supervisor.ReplyAsync(conversation.ConversationId, "Second, still held");
        Assert.Equal(DeliveryStatus.Pending, second.DeliveryStatus);
        Assert.StartsWith("Held:", second.Notice, StringComparison.Ordinal);
        var health = await Health(admin, channel.ChannelId);
        Assert.Equal((ChannelStatus.NeedsReconnect, 2, "auth_expired"), (health.Channel.Status, health.QueueDepth, health.LastError?.Kind));
        Assert.NotNull(health.NeedsReconnectSince);
        Assert.DoesNotContain(System.Simulator.Received("whatsapp"), r => r.Accepted && r.Body.Contains("still held", StringComparison.Ordinal));

        // The admin reconnects with a new token: both go out, in order, once each, with the new token.
        var newToken = "EAAG-new-" + Guid.NewGuid().ToString("N");
        var reconnected = await admin.Http.PutAsJsonAsync($"api/v1/channels/{channel.ChannelId}/credentials", new { accessToken = newToken }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, reconnected.StatusCode);
        await live.Events.WaitForAsync(e => e.Message?.MessageId == second.MessageId && e.Message.DeliveryStatus == DeliveryStatus.Sent, Live);
        var sent = System.Simulator.Received("whatsapp").Where(r => r.Accepted && r.Headers["authorization"] == $"Bearer {newToken}").Select(r => (string)JsonNode.Parse(r.Body)!["text"]!["body"]!).ToList();
        Assert.Equal(["First, while the token is dead", "Second, still held"], sent);
        var messages = (await supervisor.GetMessagesAsync(conversation.ConversationId)).Items.Where(m => m.Kind == MessageKind.Outgoing).ToList();
        Assert.All(messages, m => Assert.Equal((DeliveryStatus.Sent, (string?)null), (m.DeliveryStatus, m.Notice)));
        await live.OrganisationEvents.WaitForAsync(e => e.Type == EventNames.ChannelStatusChanged && e.Channel?.ChannelId == channel.ChannelId && e.Channel.Status == ChannelStatus.Active, Live);
        await adminLive.OrganisationEvents.WaitForAsync(e => e.Type == EventNames.ChannelAlert && e.Health?.Alert?.Contains("reconnected", StringComparison.Ordinal) == true, Live);

        var audit = await admin.Http.GetStringAsync($"api/v1/audit?subjectId={channel.ChannelId}", TestContext.Current.CancellationToken);
        Assert.Contains("channel.needs_reconnect", audit, StringComparison.Ordinal);
        Assert.Contains("channel.reconnected", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_who_blocked_the_business_gets_the_message_failed_in_plain_words_and_a_notice_in_the_conversation()
    {
        using var admin = await System.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        using var supervisor = await System.SignInAsync(InboxSystem.SupervisorEmail, InboxSystem.SupervisorPassword);
        await using var live = await AgentConnection.ConnectAsync(System.GatewayUrl, supervisor);
        var channel = await SimulatedChannel.ConnectAsync(admin, System.GatewayUrl, "messenger");
        var conversation = (await CustomersWriteAsync(channel, supervisor, 1)).Single();
        System.Simulator.State.Inject("messenger", Fault.UserBlocked);

        var reply = await supervisor.ReplyAsync(conversation.ConversationId, "Are you still there?");
        var failed = await live.Events.WaitForAsync(e => e.Message?.MessageId == reply.MessageId && e.Message.DeliveryStatus == DeliveryStatus.Failed, Live);
        Assert.StartsWith("Not delivered: the customer cannot be reached on this channel", failed.Message!.Notice, StringComparison.Ordinal);
        var notice = await live.Events.WaitForAsync(e => e.Type == EventNames.MessageCreated && e.Message?.Kind == MessageKind.Activity && e.Conversation.ConversationId == conversation.ConversationId, Live);
        Assert.StartsWith("The customer cannot be reached on messenger", notice.Message!.Text, StringComparison.Ordinal);

        // The channel itself is fine, with nothing left queued (the outbox forgets the reply just after reporting it).
        await Eventually.TrueAsync(async () => (await Health(admin, channel.ChannelId)).QueueDepth == 0, Live);
        var health = await Health(admin, channel.ChannelId);
        Assert.Equal((ChannelStatus.Active, "recipient_unreachable"), (health.Channel.Status, health.LastError?.Kind));
    }

    [Fact]
    public async Task A_customer_who_unfollows_on_line_is_shown_as_blocked_their_replies_fail_at_once_and_following_again_opens_the_way()
    {
        using var admin = await System.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        using var supervisor = await System.SignInAsync(InboxSystem.SupervisorEmail, InboxSystem.SupervisorPassword);
        await using var live = await AgentConnection.ConnectAsync(System.GatewayUrl, supervisor);
        var channel = await SimulatedChannel.ConnectAsync(admin, System.GatewayUrl, "line");
        var customer = channel.NewCustomer("Kenji");
        await channel.CustomerWritesAsync(customer, "Hi from LINE");
        var conversation = (await Eventually.SucceedsAsync(async () => (await supervisor.ListConversationsAsync()).Single(c => c.ChannelId == channel.ChannelId), Live)).ConversationId;

        // LINE pushes to a blocked user answer 200 and deliver nothing; the unfollow webhook is how the inbox knows.
        await channel.DeliverAsync(channel.Webhooks.Raw(LineEvent("unfollow", customer.Id)));
        var blocked = await live.Events.WaitForAsync(e => e.Message?.Kind == MessageKind.Activity && e.Conversation.ConversationId == conversation, Live);
        Assert.Equal("The customer blocked the business on line: replies cannot reach them until they unblock it.", blocked.Message!.Text);

        var reply = await supervisor.ReplyAsync(conversation, "Did that help?");
        Assert.Equal(DeliveryStatus.Failed, reply.DeliveryStatus);
        Assert.StartsWith("Not delivered: the customer cannot be reached on this channel", reply.Notice, StringComparison.Ordinal);
        Assert.DoesNotContain(System.Simulator.Received("line"), r => r.Body.Contains("Did that help?", StringComparison.Ordinal));

        await channel.DeliverAsync(channel.Webhooks.Raw(LineEvent("follow", customer.Id)));
        await live.Events.WaitForAsync(e => e.Message?.Text?.StartsWith("The customer unblocked the business on line", StringComparison.Ordinal) == true, Live);
        var again = await supervisor.ReplyAsync(conversation, "Welcome back!");
        await live.Events.WaitForAsync(e => e.Message?.MessageId == again.MessageId && e.Message.DeliveryStatus == DeliveryStatus.Sent, Live);
    }

    private static string LineEvent(string type, string userId) => new JsonObject
    {
        ["destination"] = "U0000000000000000000000000000000a",
        ["events"] = new JsonArray(new JsonObject
        {
            ["type"] = type,
            ["mode"] = "active",
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ["source"] = new JsonObject { ["type"] = "user", ["userId"] = userId },
            ["webhookEventId"] = "01" + Guid.NewGuid().ToString("N")[..24].ToUpperInvariant(),
            ["deliveryContext"] = new JsonObject { ["isRedelivery"] = false },
        }),
    }.ToJsonString();

    [Fact]
    public async Task Bad_pace_settings_are_refused_with_the_reason()
    {
        using var admin = await System.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        var channel = await SimulatedChannel.ConnectAsync(admin, System.GatewayUrl, "line");
        var tooFast = await admin.Http.PutAsJsonAsync($"api/v1/channels/{channel.ChannelId}/rate", new { perSecond = 50_000 }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, tooFast.StatusCode);
        Assert.Contains("0.1-10000 messages per second", await tooFast.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var webChat = await admin.Http.PutAsJsonAsync("api/v1/channels/web/rate", new { perSecond = 5 }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, webChat.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync("api/v1/channels/no-such-channel/health", TestContext.Current.CancellationToken)).StatusCode);

        var reset = await admin.Http.PutAsJsonAsync($"api/v1/channels/{channel.ChannelId}/rate", new { perSecond = (double?)null }, TestContext.Current.CancellationToken);
        Assert.Equal(2000, (await reset.Content.ReadFromJsonAsync<ChannelHealth>(InboxApi.Json, TestContext.Current.CancellationToken))!.RatePerSecond);
        var all = await admin.Http.GetFromJsonAsync<JsonObject>("api/v1/channels/health", InboxApi.Json, TestContext.Current.CancellationToken);
        Assert.Contains(all!["items"]!.AsArray(), h => (string?)h!["channel"]!["channelId"] == channel.ChannelId);
    }

    private List<ReceivedRequest> Requests(string botToken) =>
        [.. System.Simulator.Received("telegram").Where(r => r.Path.Contains(botToken, StringComparison.Ordinal))];

    private static async Task<ChannelHealth> Health(InboxApi admin, string channelId) =>
        (await admin.Http.GetFromJsonAsync<ChannelHealth>($"api/v1/channels/{channelId}/health", InboxApi.Json, TestContext.Current.CancellationToken))!;

    /// <summary>
    /// <paramref name="count"/> new customers write in; returns their conversations and platform ids, found in the
    /// conversation list (a live client may miss an event in a burst and reload, so the list is the truth).
    /// </summary>
    private static async Task<List<(string ConversationId, string ChatId)>> CustomersWriteAsync(SimulatedChannel channel, InboxApi agent, int count)
    {
        var written = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var customer = channel.NewCustomer($"Customer {i}");
            var text = $"Hello {i} {Guid.NewGuid():N}";
            await channel.CustomerWritesAsync(customer, text);
            return (Text: text, ChatId: customer.Id);
        }));
        return await Eventually.SucceedsAsync(
            async () =>
            {
                var listed = (await agent.ListConversationsAsync()).Where(c => c.ChannelId == channel.ChannelId).ToDictionary(c => c.LastMessagePreview, c => c.ConversationId);
                return written.Select(w => (listed[w.Text], w.ChatId)).ToList();
            },
            Live);
    }
}
