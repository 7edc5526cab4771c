using System.Net;
using System.Net.Http.Json;
using Inbox.Contracts.Events;
using Inbox.Simulator.Webhooks;
using Inbox.Testing;

namespace Inbox.Gateway.Tests.Channels;

/// <summary>
/// Platform webhooks end to end: a channel connected through the admin API, webhooks built and signed as each platform
/// does by the simulator, sent to the real gateway, and what a supervisor's live SignalR client and the API then show.
/// </summary>
public sealed class PlatformWebhookTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private InboxSystem System => fixture.System;

    public static TheoryData<string> Platforms => [.. SimulatedChannel.Platforms];

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task A_customer_message_reaches_the_supervisor_live_and_three_deliveries_store_it_once(string platform)
    {
        using var admin = await System.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        using var supervisor = await System.SignInAsync(InboxSystem.SupervisorEmail, InboxSystem.SupervisorPassword);
        await using var live = await AgentConnection.ConnectAsync(System.GatewayUrl, supervisor);
        var channel = await SimulatedChannel.ConnectAsync(admin, System.GatewayUrl, platform);
        var customer = channel.NewCustomer("Ana Silva");
        var text = $"Olá, my order {Guid.NewGuid():N} has not arrived";
        var (webhook, messageId) = channel.Webhooks.Text(customer, text, DateTimeOffset.UtcNow);

        using var http = new HttpClient();
        for (var delivery = 1; delivery <= 3; delivery++)
        {
            using var response = await http.SendAsync(webhook.ToRequest(channel.WebhookUrl), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(platform == "wechat" ? "success" : "", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        var created = await live.Events.WaitForAsync(e => e.Type == EventNames.MessageCreated && e.Message?.Text == text, Timeout);
        Assert.Equal(channel.ChannelId, created.Conversation.ChannelId);
        Assert.Equal(platform, Contracts.Channels.PlatformNames.Of(created.Conversation.Platform));
        Assert.Equal(customer.Id, created.Conversation.ChannelUserId);
        Assert.Equal(messageId, created.Message!.ExternalId);

        var stored = (await supervisor.GetMessagesAsync(created.Conversation.ConversationId)).Items;
        Assert.Equal(text, Assert.Single(stored).Text);
        Assert.Single(live.Events.Seen, e => e.Type == EventNames.MessageCreated && e.Message?.Text == text);
        var listed = Assert.Single(await supervisor.ListConversationsAsync(), c => c.ChannelId == channel.ChannelId);
        Assert.Equal(platform is "whatsapp" or "telegram" ? "Ana Silva" : customer.Id, listed.ContactName);
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task A_forged_or_tampered_webhook_is_refused_with_401_and_nothing_is_stored(string platform)
    {
        using var admin = await System.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        var channel = await SimulatedChannel.ConnectAsync(admin, System.GatewayUrl, platform);
        var customer = channel.NewCustomer();
        using var http = new HttpClient();

        var (forged, _) = channel.Forged().Text(customer, "forged message", DateTimeOffset.UtcNow);
        var (genuine, _) = channel.Webhooks.Text(customer, "genuine message", DateTimeOffset.UtcNow);
        var tampered = genuine.Tampered(body => body.Replace("genuine", "tampered", StringComparison.Ordinal));
        var unsigned = genuine with { Headers = new Dictionary<string, string>(), Query = "" };

        // Telegram's secret token and WeChat's plaintext-mode signature vouch for the sender, not the body (TLS guards
        // that in transit), so only the body-signing platforms can notice a changed body.
        var refusals = platform is "telegram" or "wechat" ? new[] { forged, unsigned } : [forged, tampered, unsigned];
        foreach (var refused in refusals)
        {
            using var response = await http.SendAsync(refused.ToRequest(channel.WebhookUrl), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.DoesNotContain(await admin.ListConversationsAsync(), c => c.ChannelId == channel.ChannelId);
    }

    [Theory]
    [InlineData("whatsapp")]
    [InlineData("messenger")]
    [InlineData("instagram")]
    [InlineData("wechat")]
    public async Task The_verification_handshake_is_answered_exactly_as_the_platform_expects(string platform)
    {
        using var admin = await System.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        var channel = await SimulatedChannel.ConnectAsync(admin, System.GatewayUrl, platform);
        using var http = new HttpClient();

        using var answer = await http.SendAsync(channel.Webhooks.Handshake("1158201444")!.ToRequest(channel.WebhookUrl), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("text/plain", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        using var wrong = await http.SendAsync(channel.Forged().Handshake("1158201444")!.ToRequest(channel.WebhookUrl), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.NotEqual("1158201444", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Fifty_concurrent_first_messages_from_a_new_customer_make_one_conversation()
    {
        using var admin = await System.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        var channel = await SimulatedChannel.ConnectAsync(admin, System.GatewayUrl, "whatsapp");
        var customer = channel.NewCustomer();
        var webhooks = Enumerable.Range(1, 50).Select(i => channel.Webhooks.Text(customer, $"burst {i}", DateTimeOffset.UtcNow).Webhook).ToList();

        using var http = new HttpClient();
        var answers = await Task.WhenAll(webhooks.Select(async w =>
        {
            using var response = await http.SendAsync(w.ToRequest(channel.WebhookUrl), TestContext.Current.CancellationToken);
            return response.StatusCode;
        }));

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));

        // The list row follows a burst within a second.
        var conversation = await Eventually.SucceedsAsync(
            async () => Assert.Single(await admin.ListConversationsAsync(), c => c.ChannelId == channel.ChannelId && c.LastSequence == 50), TimeSpan.FromSeconds(10));
        var texts = (await admin.GetMessagesAsync(conversation.ConversationId, limit: 100)).Items.Select(m => m.Text).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"burst {i}").Order(), texts);
    }

    [Fact]
    public async Task Unknown_channels_wrong_platforms_malformed_and_oversized_bodies_get_clear_4xx_answers()
    {
        using var admin = await System.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        var channel = await SimulatedChannel.ConnectAsync(admin, System.GatewayUrl, "line");
        var (webhook, _) = channel.Webhooks.Text(channel.NewCustomer(), "hello", DateTimeOffset.UtcNow);
        using var http = new HttpClient();

        async Task<(HttpStatusCode, string)> SendAsync(SimulatedWebhook w, string path)
        {
            using var response = await http.SendAsync(w.ToRequest(new Uri(System.GatewayUrl, path)), TestContext.Current.CancellationToken);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(webhook, $"webhooks/line/ch_{Guid.NewGuid():N}")).Item1);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(webhook, $"webhooks/telegram/{channel.ChannelId}")).Item1);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(webhook, $"webhooks/fax/{channel.ChannelId}")).Item1);

        // Signed correctly, but not LINE's envelope: 400 with the reason, nothing stored.
        var notLine = channel.Webhooks.Raw("""{"hello":"world"}""");
        var (status, reason) = await SendAsync(notLine, $"webhooks/line/{channel.ChannelId}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("events", reason, StringComparison.Ordinal);

        var huge = channel.Webhooks.Raw(new string(' ', 600 * 1024) + "{}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await SendAsync(huge, $"webhooks/line/{channel.ChannelId}")).Item1);
        Assert.DoesNotContain(await admin.ListConversationsAsync(), c => c.ChannelId == channel.ChannelId);
    }

    [Theory]
    [InlineData("messenger")]
    [InlineData("instagram")]
    [InlineData("line")]
    [InlineData("telegram")]
    public async Task A_new_customers_name_and_picture_come_from_the_platforms_profile_api(string platform)
    {
        using var admin = await System.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        using var supervisor = await System.SignInAsync(InboxSystem.SupervisorEmail, InboxSystem.SupervisorPassword);
        await using var live = await AgentConnection.ConnectAsync(System.GatewayUrl, supervisor);
        var channel = await SimulatedChannel.ConnectAsync(admin, System.GatewayUrl, platform);
        // Telegram names the customer in the update itself; the others only through their profile API.
        var customer = channel.NewCustomer(platform == "telegram" ? "Kenji Watanabe" : "Someone Else");
        System.Simulator.State.AddProfile(platform, customer.Id, "Kenji Watanabe");

        await channel.CustomerWritesAsync(customer, "Konnichiwa, is the store open on Sunday?");
        var updated = await live.Events.WaitForAsync(e => e.Type == EventNames.ConversationUpdated && e.Conversation.ChannelUserId == customer.Id && e.Conversation.ContactHasAvatar, Timeout);
        Assert.Equal("Kenji Watanabe", updated.Conversation.ContactName);
        Assert.Equal("Kenji Watanabe", Assert.Single(await supervisor.ListConversationsAsync(), c => c.ChannelId == channel.ChannelId).ContactName);

        using var picture = await supervisor.Http.GetAsync($"api/v1/conversations/{updated.Conversation.ConversationId}/avatar", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.Equal("image/png", picture.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Simulator.Platforms.ProfileApi.Picture, await picture.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_batch_with_unknown_and_broken_items_stores_every_valid_message_and_unreadable_bodies_never_get_a_500()
    {
        using var admin = await System.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        var whatsapp = await SimulatedChannel.ConnectAsync(admin, System.GatewayUrl, "whatsapp");
        var customer = whatsapp.NewCustomer();
        var batch = $$$"""
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{
              "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
              "contacts":[{"profile":{"name":"Ana Silva"},"wa_id":"{{{customer.Id}}}"}],
              "messages":[
                {"from":"{{{customer.Id}}}","id":"wamid.BATCH1","timestamp":"1749416383","type":"text","text":{"body":"first, valid"}},
                {"from":"{{{customer.Id}}}","id":"wamid.BATCH2","timestamp":"1749416384","type":"hologram","hologram":{"depth":3}},
                {"timestamp":"1749416385","type":"text","text":{"body":"no sender, no id"}},
                {"from":"{{{customer.Id}}}","id":"wamid.BATCH3","timestamp":"1749416386","type":"text","text":{"body":"last, valid"}}
              ]}}]}]}
            """;
        await whatsapp.DeliverAsync(whatsapp.Webhooks.Raw(batch));

        var conversation = Assert.Single(await admin.ListConversationsAsync(), c => c.ChannelId == whatsapp.ChannelId);
        var messages = (await admin.GetMessagesAsync(conversation.ConversationId)).Items;
        Assert.Equal(["first, valid", "", "last, valid"], messages.Select(m => m.Text));
        Assert.Contains("hologram", messages[1].Notice, StringComparison.Ordinal);

        // Unreadable but authentic: Meta would redeliver a refusal for days, so it is acknowledged and logged; the
        // platforms that give up soon are told 400. Nothing is stored either way, and nothing is a 500.
        using var http = new HttpClient();
        using var metaAnswer = await http.SendAsync(whatsapp.Webhooks.Raw("{\"object\":\"whatsapp_business_account\",\"entry\":").ToRequest(whatsapp.WebhookUrl), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, metaAnswer.StatusCode);
        var wechat = await SimulatedChannel.ConnectAsync(admin, System.GatewayUrl, "wechat");
        using var xmlAnswer = await http.SendAsync(wechat.Webhooks.Raw("<xml><MsgType><![CDATA[text]]></MsgType>").ToRequest(wechat.WebhookUrl), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, xmlAnswer.StatusCode);
        var telegram = await SimulatedChannel.ConnectAsync(admin, System.GatewayUrl, "telegram");
        using var jsonAnswer = await http.SendAsync(telegram.Webhooks.Raw("[1, 2").ToRequest(telegram.WebhookUrl), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, jsonAnswer.StatusCode);
        Assert.Equal(3, (await admin.GetMessagesAsync(conversation.ConversationId)).Items.Count);
        Assert.DoesNotContain(await admin.ListConversationsAsync(), c => c.ChannelId == wechat.ChannelId || c.ChannelId == telegram.ChannelId);
    }

    [Fact]
    public async Task An_admin_connects_a_web_chat_through_the_api_and_its_widget_works()
    {
        using var admin = await System.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        var details = await admin.ConnectChannelAsync("webchat", "Help centre", new Dictionary<string, string>());
        var websiteToken = details.Settings!["websiteToken"];
        Assert.Matches("^[A-Za-z0-9]{32}$", websiteToken);
        Assert.Null(details.WebhookPath);

        await using var visitor = await WidgetConnection.ConnectAsync(System.GatewayUrl, websiteToken, $"visitor-{Guid.NewGuid():N}");
        var sent = await visitor.SendAsync("Hello from the help centre", "m-1");
        Assert.Equal(1, sent.Sequence);
        Assert.Single(await admin.ListConversationsAsync(), c => c.ChannelId == details.Channel.ChannelId);

        var taken = await admin.Http.PostAsJsonAsync("api/v1/channels", new { platform = "webchat", name = "Copy", fields = new { websiteToken } }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        var bad = await admin.Http.PostAsJsonAsync("api/v1/channels", new { platform = "webchat", name = "Bad", fields = new { websiteToken = "short" } }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("8-64", await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
