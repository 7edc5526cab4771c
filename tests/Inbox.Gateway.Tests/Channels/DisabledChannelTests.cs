using System.Net;
using System.Net.Http.Json;
using Inbox.Contracts.Channels;
using Inbox.Contracts.Events;
using Inbox.Testing;

namespace Inbox.Gateway.Tests.Channels;

/// <summary>
/// An admin disables a channel: agents cannot send on it, new messages are acknowledged to the platform but not shown
/// (and counted), the past stays readable; enabled again, everything works as before.
/// </summary>
public sealed class DisabledChannelTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(15);

    private InboxSystem System => fixture.System;

    [Fact]
    public async Task A_disabled_channel_refuses_replies_and_drops_new_messages_and_comes_back_when_enabled()
    {
        using var admin = await System.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        using var supervisor = await System.SignInAsync(InboxSystem.SupervisorEmail, InboxSystem.SupervisorPassword);
        await using var live = await AgentConnection.ConnectAsync(System.GatewayUrl, supervisor);
        var channel = await SimulatedChannel.ConnectAsync(admin, System.GatewayUrl, "whatsapp");
        var customer = channel.NewCustomer();
        await channel.CustomerWritesAsync(customer, "Before the channel was turned off");
        var before = await live.Events.WaitForAsync(e => e.Type == EventNames.MessageCreated && e.Message?.Text == "Before the channel was turned off", Live);
        var conversationId = before.Conversation.ConversationId;

        // The admin turns it off: everyone connected hears so.
        var disabled = await admin.Http.PostAsync($"api/v1/channels/{channel.ChannelId}/disable", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal(ChannelStatus.Disabled, (await disabled.Content.ReadFromJsonAsync<ChannelDetails>(InboxApi.Json, TestContext.Current.CancellationToken))!.Channel.Status);
        var notice = await live.OrganisationEvents.WaitForAsync(e => e.Type == EventNames.ChannelStatusChanged && e.Channel?.ChannelId == channel.ChannelId, Live);
        Assert.Equal(ChannelStatus.Disabled, notice.Channel!.Status);

        // A reply is refused with the reason, and nothing is stored or sent.
        var reply = await supervisor.Http.PostAsJsonAsync($"api/v1/conversations/{conversationId}/messages", new { text = "Anyone?" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, reply.StatusCode);
        Assert.Contains("is disabled: an admin turned it off", await reply.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain(System.Simulator.Received("whatsapp"), r => r.Body.Contains("Anyone?", StringComparison.Ordinal));

        // The platform's webhook is answered 200 (so it does not retry for days), its message counted, not shown.
        // (The ingress re-reads the channel's status every 2 s.)
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
        await channel.CustomerWritesAsync(customer, "While the channel was off");
        await Eventually.SucceedsAsync(
            async () =>
            {
                var listed = await admin.Http.GetFromJsonAsync<ChannelList>("api/v1/channels", InboxApi.Json, TestContext.Current.CancellationToken);
                Assert.Equal(1, listed!.Items.Single(c => c.Channel.ChannelId == channel.ChannelId).DiscardedWhileDisabled);
                return true;
            },
            Live);
        Assert.DoesNotContain(live.Events.Seen, e => e.Message?.Text == "While the channel was off");
        var history = await supervisor.GetMessagesAsync(conversationId);
        Assert.Equal(["Before the channel was turned off"], history.Items.Select(m => m.Text).Where(t => !t.StartsWith("Assigned", StringComparison.Ordinal)));

        // Enabled again: replies go out and new messages show.
        var enabled = await admin.Http.PostAsync($"api/v1/channels/{channel.ChannelId}/enable", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        await live.OrganisationEvents.WaitForAsync(e => e.Type == EventNames.ChannelStatusChanged && e.Channel?.ChannelId == channel.ChannelId && e.Channel.Status == ChannelStatus.Active, Live);
        var sent = await supervisor.ReplyAsync(conversationId, "Back again, sorry for the wait");
        Assert.NotNull(sent);
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
        await channel.CustomerWritesAsync(customer, "After it came back");
        await live.Events.WaitForAsync(e => e.Type == EventNames.MessageCreated && e.Message?.Text == "After it came back", Live);
    }

    [Fact]
    public async Task Only_admins_disable_channels_and_an_unknown_one_is_not_found()
    {
        using var supervisor = await System.SignInAsync(InboxSystem.SupervisorEmail, InboxSystem.SupervisorPassword);
        using var admin = await System.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.Http.PostAsync("api/v1/channels/web/disable", null, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.PostAsync("api/v1/channels/no-such-channel/disable", null, TestContext.Current.CancellationToken)).StatusCode);
    }

    private sealed record ChannelList(IReadOnlyList<ChannelDetails> Items);
}
