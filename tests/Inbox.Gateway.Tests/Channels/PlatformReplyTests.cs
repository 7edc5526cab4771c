using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inbox.Contracts.Events;
using Inbox.Contracts.Messages;
using Inbox.Simulator.Platforms;
using Inbox.Testing;

namespace Inbox.Gateway.Tests.Channels;

/// <summary>
/// Agent replies on platform channels, end to end: stored Pending, sent by the silo to the platform simulator with the
/// platform's request shape and auth, then moved on by the platform's answer and status webhooks, live on the agent's client.
/// </summary>
public sealed class PlatformReplyTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly string[] TwoAnswers = ["Yes, thanks", "No"];
    private static readonly string[] FourAnswers = ["a", "b", "c", "d"];

    private InboxSystem System => fixture.System;

    public static TheoryData<string> Platforms => [.. SimulatedChannel.Platforms];

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task A_reply_goes_out_through_the_platforms_send_api_with_its_auth_and_turns_sent(string platform)
    {
        var (supervisor, live, channel, customer, conversationId) = await ConversationAsync(platform);
        using var _ = supervisor;
        await using var __ = live;
        var text = $"Hi Ana — it left the warehouse today ({Guid.NewGuid():N})";

        var reply = await supervisor.ReplyAsync(conversationId, text);
        Assert.Equal(DeliveryStatus.Pending, reply.DeliveryStatus);
        var sent = await live.Events.WaitForAsync(e => e.Type == EventNames.MessageUpdated && e.Message?.MessageId == reply.MessageId, Timeout);
        Assert.Equal(DeliveryStatus.Sent, sent.Message!.DeliveryStatus);

        var request = Assert.Single(System.Simulator.Received(platform), r => r.Body.Contains(text[^32..], StringComparison.Ordinal));
        Assert.True(request.Accepted);
        if (platform != "wechat")
        {
            Assert.Equal(request.PlatformMessageId, sent.Message.PlatformMessageId);
        }

        var body = JsonNode.Parse(request.Body)!;
        var fields = channel.Fields;
        switch (platform)
        {
            case "whatsapp":
                Assert.Equal($"v21.0/{fields["phoneNumberId"]}/messages", request.Path);
                Assert.Equal($"Bearer {fields["accessToken"]}", request.Headers["authorization"]);
                Assert.Equal(("whatsapp", customer.Id, "text", text), ((string?)body["messaging_product"], (string?)body["to"], (string?)body["type"], (string?)body["text"]?["body"]));
                break;
            case "messenger" or "instagram":
                Assert.Equal($"v21.0/{fields["accountId"]}/messages", request.Path);
                var proof = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(fields["appSecret"]), Encoding.UTF8.GetBytes(fields["accessToken"])));
                Assert.Contains($"access_token={fields["accessToken"]}", request.Query, StringComparison.Ordinal);
                Assert.Contains($"appsecret_proof={proof}", request.Query, StringComparison.Ordinal);
                Assert.Equal((customer.Id, "RESPONSE", text), ((string?)body["recipient"]?["id"], (string?)body["messaging_type"], (string?)body["message"]?["text"]));
                break;
            case "telegram":
                Assert.Equal($"bot{fields["botToken"]}/sendMessage", request.Path);
                Assert.Equal((long.Parse(customer.Id, CultureInfo.InvariantCulture), text), ((long)body["chat_id"]!, (string?)body["text"]));
                break;
            case "line":
                Assert.Equal("v2/bot/message/push", request.Path);
                Assert.Equal($"Bearer {fields["accessToken"]}", request.Headers["authorization"]);
                Assert.True(Guid.TryParse(request.Headers["x-line-retry-key"], out var retryKey) && retryKey != Guid.Empty);
                Assert.Equal((customer.Id, "text", text), ((string?)body["to"], (string?)body["messages"]?[0]?["type"], (string?)body["messages"]?[0]?["text"]));
                break;
            case "wechat":
                Assert.Equal("cgi-bin/message/custom/send", request.Path);
                Assert.True(System.Simulator.State.IsWeChatToken(request.Query.Split("access_token=")[1].Split('&')[0]));
                Assert.Equal((customer.Id, "text", text), ((string?)body["touser"], (string?)body["msgtype"], (string?)body["text"]?["content"]));
                break;
        }

        var stored = (await supervisor.GetMessagesAsync(conversationId)).Items.Single(m => m.MessageId == reply.MessageId);
        Assert.Equal(DeliveryStatus.Sent, stored.DeliveryStatus);
    }

    [Theory]
    [InlineData("whatsapp", Fault.UserBlocked, "the customer cannot be reached on this channel (whatsapp 131026")]
    [InlineData("messenger", Fault.WindowClosed, "reply window has closed: the customer must write first (messenger 10/2018278")]
    [InlineData("instagram", Fault.UserBlocked, "the customer cannot be reached on this channel (instagram 551/1545041")]
    [InlineData("telegram", Fault.UserBlocked, "the customer cannot be reached on this channel (telegram 403")]
    [InlineData("line", Fault.WindowClosed, "the platform refused the message as invalid (line 400")]
    [InlineData("wechat", Fault.WindowClosed, "reply window has closed: the customer must write first (wechat 45015")]
    public async Task A_platform_refusal_fails_the_message_with_the_reason_in_plain_words(string platform, Fault fault, string reason)
    {
        var (supervisor, live, _, _, conversationId) = await ConversationAsync(platform);
        using var _ = supervisor;
        await using var __ = live;
        System.Simulator.State.Inject(platform, fault);

        var reply = await supervisor.ReplyAsync(conversationId, $"This one will not arrive {Guid.NewGuid():N}");
        var failed = await live.Events.WaitForAsync(e => e.Type == EventNames.MessageUpdated && e.Message?.MessageId == reply.MessageId, Timeout);
        Assert.Equal(DeliveryStatus.Failed, failed.Message!.DeliveryStatus);
        Assert.Contains(reason, failed.Message.Notice, StringComparison.Ordinal);
        Assert.StartsWith("Not delivered: ", failed.Message.Notice, StringComparison.Ordinal);

        var stored = (await supervisor.GetMessagesAsync(conversationId)).Items.Single(m => m.MessageId == reply.MessageId);
        Assert.Equal((DeliveryStatus.Failed, failed.Message.Notice), (stored.DeliveryStatus, stored.Notice));
    }

    [Fact]
    public async Task An_expired_wechat_token_is_bought_again_once_and_the_reply_goes_out()
    {
        var (supervisor, live, _, _, conversationId) = await ConversationAsync("wechat");
        using var _ = supervisor;
        await using var __ = live;
        System.Simulator.State.Inject("wechat", Fault.TokenExpired);
        var text = $"after a token refresh {Guid.NewGuid():N}";

        var reply = await supervisor.ReplyAsync(conversationId, text);
        var sent = await live.Events.WaitForAsync(e => e.Type == EventNames.MessageUpdated && e.Message?.MessageId == reply.MessageId, Timeout);
        Assert.Equal(DeliveryStatus.Sent, sent.Message!.DeliveryStatus);
        var attempts = System.Simulator.Received("wechat").Where(r => r.Body.Contains(text, StringComparison.Ordinal)).ToList();
        Assert.Equal([false, true], attempts.Select(a => a.Accepted));
    }

    [Theory]
    [InlineData("whatsapp")]
    [InlineData("messenger")]
    [InlineData("instagram")]
    public async Task Status_webhooks_move_the_reply_to_delivered_and_read_on_the_agents_client_whatever_their_order(string platform)
    {
        var (supervisor, live, channel, customer, conversationId) = await ConversationAsync(platform);
        using var _ = supervisor;
        await using var __ = live;
        var reply = await supervisor.ReplyAsync(conversationId, $"status check {Guid.NewGuid():N}");
        var sent = await live.Events.WaitForAsync(e => e.Type == EventNames.MessageUpdated && e.Message?.MessageId == reply.MessageId && e.Message.DeliveryStatus == DeliveryStatus.Sent, Timeout);
        var platformId = sent.Message!.PlatformMessageId!;

        await channel.DeliverAsync(channel.Webhooks.Status(customer, platformId, "delivered", DateTimeOffset.UtcNow.AddSeconds(1))!);
        await live.Events.WaitForAsync(e => e.Message?.MessageId == reply.MessageId && e.Message.DeliveryStatus == DeliveryStatus.Delivered, Timeout);
        await channel.DeliverAsync(channel.Webhooks.Status(customer, platformId, "read", DateTimeOffset.UtcNow.AddSeconds(2))!);
        await live.Events.WaitForAsync(e => e.Message?.MessageId == reply.MessageId && e.Message.DeliveryStatus == DeliveryStatus.Read, Timeout);

        // A late "delivered" (platforms do not promise order) never moves a read message back.
        await channel.DeliverAsync(channel.Webhooks.Status(customer, platformId, "delivered", DateTimeOffset.UtcNow.AddSeconds(3))!);
        var stored = (await supervisor.GetMessagesAsync(conversationId)).Items.Single(m => m.MessageId == reply.MessageId);
        Assert.Equal(DeliveryStatus.Read, stored.DeliveryStatus);
    }

    [Fact]
    public async Task A_failed_status_webhook_fails_an_accepted_whatsapp_message_with_the_reason()
    {
        var (supervisor, live, channel, customer, conversationId) = await ConversationAsync("whatsapp");
        using var _ = supervisor;
        await using var __ = live;
        var reply = await supervisor.ReplyAsync(conversationId, $"accepted, then undeliverable {Guid.NewGuid():N}");
        var sent = await live.Events.WaitForAsync(e => e.Message?.MessageId == reply.MessageId && e.Message.DeliveryStatus == DeliveryStatus.Sent, Timeout);

        await channel.DeliverAsync(channel.Webhooks.Status(customer, sent.Message!.PlatformMessageId!, "failed", DateTimeOffset.UtcNow)!);
        var failed = await live.Events.WaitForAsync(e => e.Message?.MessageId == reply.MessageId && e.Message.DeliveryStatus == DeliveryStatus.Failed, Timeout);
        Assert.Contains("the customer cannot be reached on this channel (whatsapp 131026", failed.Message!.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quick_replies_become_whatsapp_reply_buttons_and_too_many_are_refused_before_anything_is_sent()
    {
        var (supervisor, live, _, _, conversationId) = await ConversationAsync("whatsapp");
        using var _ = supervisor;
        await using var __ = live;
        var reply = await supervisor.Http.PostAsJsonAsync($"api/v1/conversations/{conversationId}/messages",
            new { text = "Did that solve it?", quickReplies = TwoAnswers }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        var id = (await reply.Content.ReadFromJsonAsync<MessageRecord>(InboxApi.Json, TestContext.Current.CancellationToken))!.MessageId;
        await live.Events.WaitForAsync(e => e.Message?.MessageId == id && e.Message.DeliveryStatus == DeliveryStatus.Sent, Timeout);

        var body = JsonNode.Parse(System.Simulator.Received("whatsapp").Last(r => r.Body.Contains("Did that solve it?", StringComparison.Ordinal)).Body)!;
        Assert.Equal("interactive", (string?)body["type"]);
        Assert.Equal(["Yes, thanks", "No"], body["interactive"]!["action"]!["buttons"]!.AsArray().Select(b => (string?)b!["reply"]!["title"]));

        var tooMany = await supervisor.Http.PostAsJsonAsync($"api/v1/conversations/{conversationId}/messages",
            new { text = "Pick one", quickReplies = FourAnswers }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("at most 3 quick replies", await tooMany.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain(System.Simulator.Received("whatsapp"), r => r.Body.Contains("Pick one", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_whatsapp_customer_who_last_wrote_25_hours_ago_is_shown_as_out_of_reach_and_a_reply_is_refused_with_the_reason()
    {
        using var admin = await System.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        using var supervisor = await System.SignInAsync(InboxSystem.SupervisorEmail, InboxSystem.SupervisorPassword);
        await using var live = await AgentConnection.ConnectAsync(System.GatewayUrl, supervisor);
        var channel = await SimulatedChannel.ConnectAsync(admin, System.GatewayUrl, "whatsapp");
        var customer = channel.NewCustomer("Ana Silva");
        var text = $"written yesterday {Guid.NewGuid():N}";

        // Meta redelivers for days: the message is new to the inbox, but its timestamp says the customer wrote 25 hours ago.
        var sentAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-25).ToUnixTimeSeconds());
        await channel.DeliverAsync(channel.Webhooks.Text(customer, text, sentAt).Webhook);
        var created = await live.Events.WaitForAsync(e => e.Type == EventNames.MessageCreated && e.Message?.Text == text, Timeout);
        var conversationId = created.Conversation.ConversationId;
        const string Refusal = "WhatsApp's 24-hour reply window has closed: the customer must write again before you can reply (template messages are not supported yet).";

        // Every client knows before anyone tries: the live event, the conversation and the list all say when it closed.
        Assert.Equal(sentAt.AddHours(24), created.Conversation.ReplyWindowClosesAt);
        using var conversation = JsonDocument.Parse(await supervisor.Http.GetStringAsync($"api/v1/conversations/{conversationId}", TestContext.Current.CancellationToken));
        Assert.Equal(sentAt.AddHours(24), conversation.RootElement.GetProperty("replyWindowClosesAt").GetDateTimeOffset());
        Assert.Equal(Refusal, conversation.RootElement.GetProperty("replyWindowRefusal").GetString());
        Assert.Equal(sentAt.AddHours(24), (await supervisor.ListConversationsAsync()).Single(c => c.ConversationId == conversationId).ReplyWindowClosesAt);

        // A reply is refused with the reason; nothing is stored and nothing reaches WhatsApp. A note still goes in.
        var reply = await supervisor.Http.PostAsJsonAsync($"api/v1/conversations/{conversationId}/messages", new { text = $"Sorry for the wait {text}" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, reply.StatusCode);
        using var problem = JsonDocument.Parse(await reply.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Refusal, problem.RootElement.GetProperty("detail").GetString());
        var note = await supervisor.Http.PostAsJsonAsync($"api/v1/conversations/{conversationId}/notes", new { text = "Out of the window; wait for her" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        var history = await supervisor.GetMessagesAsync(conversationId);
        Assert.DoesNotContain(history.Items, m => m.Kind == MessageKind.Outgoing);
        Assert.DoesNotContain(System.Simulator.Received("whatsapp"), r => r.Body.Contains(customer.Id, StringComparison.Ordinal));

        // The customer writes again: the window opens, live, and the reply goes out.
        var again = $"still there? {Guid.NewGuid():N}";
        await channel.CustomerWritesAsync(customer, again);
        var reopened = await live.Events.WaitForAsync(e => e.Type == EventNames.MessageCreated && e.Message?.Text == again, Timeout);
        Assert.True(reopened.Conversation.ReplyWindowClosesAt > DateTimeOffset.UtcNow.AddHours(23));
        var sent = await supervisor.ReplyAsync(conversationId, $"Yes! {again}");
        await live.Events.WaitForAsync(e => e.Message?.MessageId == sent.MessageId && e.Message.DeliveryStatus == DeliveryStatus.Sent, Timeout);
    }

    private async Task<(InboxApi Supervisor, AgentConnection Live, SimulatedChannel Channel, Simulator.Webhooks.SimulatedCustomer Customer, string ConversationId)> ConversationAsync(string platform)
    {
        using var admin = await System.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        var supervisor = await System.SignInAsync(InboxSystem.SupervisorEmail, InboxSystem.SupervisorPassword);
        var live = await AgentConnection.ConnectAsync(System.GatewayUrl, supervisor);
        var channel = await SimulatedChannel.ConnectAsync(admin, System.GatewayUrl, platform);
        var customer = channel.NewCustomer("Ana Silva");
        var first = $"hello from {platform} {Guid.NewGuid():N}";
        await channel.CustomerWritesAsync(customer, first);
        var created = await live.Events.WaitForAsync(e => e.Type == EventNames.MessageCreated && e.Message?.Text == first, Timeout);
        return (supervisor, live, channel, customer, created.Conversation.ConversationId);
    }
}
