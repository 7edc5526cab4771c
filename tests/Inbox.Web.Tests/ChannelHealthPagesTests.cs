using System.Text.RegularExpressions;
using Inbox.Simulator.Platforms;
using Inbox.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbox.Web.Tests;

/// <summary>
/// A Telegram bot's health as its admin and an agent see it, with "Telegram" (the simulator) refusing the bot's token
/// or limiting its rate: the admin is notified on whatever page she is on, the Channels page shows the status, the
/// queue and the last error, and the way back (new credentials, which send the held reply); the agent's composer says
/// why replies wait and the reply shows as queued until it is sent. Screenshots go to artifacts/tests/screenshots.
/// </summary>
public sealed class ChannelHealthPagesTests : BrowserTest
{
    [Fact]
    public Task A_refused_token_holds_the_reply_alerts_the_admin_and_new_credentials_send_it() =>
        WithAdminAndAgentAsync("health-failed-token", async (system, channel, admin, agent, chat) =>
        {
            // 1. The customer wrote and the agent opened the conversation. The admin works on the Team page.
            await admin.GetByTestId("nav-team").ClickAsync();

            // 2. Telegram now refuses the bot's token. The agent answers anyway: the reply is held, not failed, and the
            //    composer says why replies wait, live.
            system.Simulator.State.Revoke("telegram", channel.Fields["botToken"]);
            await chat.GetByTestId("composer-input").FillAsync("We are on it, Ana.");
            await chat.GetByTestId("composer-send").ClickAsync();
            var reply = chat.GetByTestId("message").Filter(new() { HasText = "We are on it, Ana." });
            await Expect(reply.GetByTestId("message-delivery")).ToHaveTextAsync("Queued");
            await Expect(reply.GetByTestId("message-notice")).ToContainTextAsync("Held: the platform refused the access token of 'Test telegram'");
            await Expect(chat.GetByTestId("composer-hold")).ToContainTextAsync("An admin must reconnect the channel; held replies go out then.");
            await Expect(chat.GetByTestId("composer-mode-reply")).ToBeEnabledAsync();
            await Browser.SnapAsync(agent, "health-01-agent-reply-held");

            // 3. The admin, on the Team page, is notified, and the notification leads to the channel's health.
            var alert = admin.GetByTestId("channel-alert").Filter(new() { HasText = "needs reconnecting" });
            await Expect(alert).ToContainTextAsync("'Test telegram' needs reconnecting: telegram refused its access token (401: Unauthorized).");
            await Expect(admin.GetByTestId("team-page")).ToBeVisibleAsync();
            await Browser.SnapAsync(admin, "health-02-admin-notified");
            await alert.GetByTestId("channel-alert-open").ClickAsync();
            await Expect(alert).ToHaveCountAsync(0);

            // 4. The channel says what is wrong: needs reconnect, the token refused (401), one reply waiting.
            var card = admin.Locator($"[data-testid=channel-card][data-channel-id={channel.ChannelId}]");
            await Expect(card).ToHaveClassAsync(new Regex("channel-card--focused"));
            await Expect(card.GetByTestId("channel-status")).ToHaveTextAsync("Needs reconnect");
            await Expect(card.GetByTestId("channel-last-error-kind")).ToHaveTextAsync("The platform refused the access token");
            await Expect(card.GetByTestId("channel-last-error")).ToContainTextAsync("code 401 · “Unauthorized”");
            await Expect(card.GetByTestId("channel-queue")).ToHaveTextAsync(new Regex("^1, oldest waiting \\d+s$"));
            await Browser.SnapAsync(admin, "health-03-needs-reconnect");

            // 5. Reconnect: the credentials form, a new bot token. The held reply goes out with it and turns Sent for the
            //    agent; the channel is active again, and the admin hears that it recovered.
            await card.GetByTestId("channel-reconnect").ClickAsync();
            var form = card.GetByTestId("credentials-form");
            await Expect(form).ToBeVisibleAsync();
            await Expect(form.GetByTestId("credentials-field-botToken")).ToBeFocusedAsync();
            var newToken = "987654321:bot-" + Guid.NewGuid().ToString("N");
            await form.GetByTestId("credentials-field-botToken").FillAsync(newToken);
            await Browser.SnapAsync(admin, "health-04-reconnect-form");
            await form.GetByTestId("credentials-submit").ClickAsync();
            await Expect(card.GetByTestId("credentials-saved")).ToHaveTextAsync("New credentials saved: held replies are going out.");
            await Expect(reply.GetByTestId("message-delivery")).ToHaveTextAsync("Sent");
            await Expect(reply.GetByTestId("message-notice")).ToHaveCountAsync(0);
            await Expect(chat.GetByTestId("composer-hold")).ToHaveCountAsync(0);
            await Expect(card.GetByTestId("channel-status")).ToHaveTextAsync("Active");
            await Expect(card.GetByTestId("channel-queue")).ToHaveTextAsync("none");
            await Expect(admin.GetByTestId("channel-alert").Filter(new() { HasText = "is reconnected" })).ToContainTextAsync("'Test telegram' is reconnected");
            Assert.Contains(system.Simulator.Received("telegram"), r => r.Accepted && r.Path.Contains(newToken, StringComparison.Ordinal) && r.Body.Contains("We are on it, Ana.", StringComparison.Ordinal));
            await Browser.SnapAsync(admin, "health-05-reconnected");
            await Browser.SnapAsync(agent, "health-06-agent-reply-sent");
        });

    [Fact]
    public Task A_rate_limit_queues_the_reply_until_the_platform_allows_and_the_admin_sets_the_pace() =>
        WithAdminAndAgentAsync("health-failed-rate", async (system, channel, admin, agent, chat) =>
        {
            // 1. The customer wrote and the agent opened the conversation; the admin watches the channel's health.
            await admin.GetByTestId("nav-channels").ClickAsync();
            var card = admin.Locator($"[data-testid=channel-card][data-channel-id={channel.ChannelId}]");
            await Expect(card.GetByTestId("channel-status")).ToHaveTextAsync("Active");
            await card.ScrollIntoViewIfNeededAsync();
            await Expect(card.GetByTestId("channel-pace")).ToHaveTextAsync("30 messages/s, 1 message/s to one customer");

            // 2. Telegram answers the next sends "429, retry after 1". Each hold lasts a second, so what only shows
            //    while the channel is limited is waited for from before the reply is sent.
            system.Simulator.State.Inject("telegram", Fault.RateLimited, times: 3);
            var reply = chat.GetByTestId("message").Filter(new() { HasText = "One moment please." });
            var limitedBadge = Expect(card.GetByTestId("channel-status")).ToHaveTextAsync(new Regex("^Rate-limited until \\d{2}:\\d{2}:\\d{2}$"));
            var queuedReply = Expect(reply.GetByTestId("message-notice")).ToContainTextAsync("Queued: channel temporarily limited. 'Test telegram' reached the platform's rate limit");
            var queuedLabel = Expect(reply.GetByTestId("message-delivery")).ToHaveTextAsync("Queued");
            var holdBanner = Expect(chat.GetByTestId("composer-hold")).ToContainTextAsync("Queued: channel temporarily limited.");
            await chat.GetByTestId("composer-input").FillAsync("One moment please.");
            await chat.GetByTestId("composer-send").ClickAsync();
            await limitedBadge;
            await Browser.SnapAsync(admin, "health-07-rate-limited");
            await Task.WhenAll(queuedReply, queuedLabel, holdBanner);
            await Browser.SnapAsync(agent, "health-08-agent-reply-queued");

            // 3. Once Telegram allows it, the reply goes out; the channel is active again and keeps the error for support;
            //    the admin was told the limit was reached.
            await Expect(reply.GetByTestId("message-delivery")).ToHaveTextAsync("Sent");
            await Expect(reply.GetByTestId("message-notice")).ToHaveCountAsync(0);
            await Expect(chat.GetByTestId("composer-hold")).ToHaveCountAsync(0);
            await Expect(card.GetByTestId("channel-status")).ToHaveTextAsync("Active");
            await Expect(card.GetByTestId("channel-last-error-kind")).ToHaveTextAsync("The platform's rate limit was reached");
            await Expect(card.GetByTestId("channel-last-error")).ToContainTextAsync("code 429 · “Too Many Requests: retry after 1”");
            await Expect(card.GetByTestId("channel-sends")).ToHaveTextAsync("1");
            await Expect(admin.GetByTestId("channel-alert").Filter(new() { HasText = "rate limit" }))
                .ToContainTextAsync("'Test telegram' reached telegram's rate limit");
            Assert.Contains(system.Simulator.Received("telegram"), r => r.Accepted && r.Body.Contains("One moment please.", StringComparison.Ordinal));
            await Browser.SnapAsync(admin, "health-09-rate-limit-passed");
            await Browser.SnapAsync(agent, "health-10-agent-reply-sent-after-limit");

            // 4. The admin slows the bot to 20 a second; a pace out of range is refused in the server's words; the
            //    platform's default comes back with one click.
            await card.GetByTestId("pace-input").FillAsync("20");
            await card.GetByTestId("pace-save").ClickAsync();
            await Expect(card.GetByTestId("channel-pace")).ToHaveTextAsync("20 messages/s, 1 message/s to one customer");
            await card.GetByTestId("pace-input").FillAsync("0");
            await card.GetByTestId("pace-save").ClickAsync();
            await Expect(card.GetByTestId("pace-error")).ToHaveTextAsync(
                "Give the channel's pace as 0.1-10000 messages per second, or none to go back to the platform's documented limit.");
            await Expect(card.GetByTestId("channel-pace")).ToContainTextAsync("20 messages/s");
            await Browser.SnapAsync(admin, "health-11-pace-refused");
            await card.GetByTestId("pace-default").ClickAsync();
            await Expect(card.GetByTestId("channel-pace")).ToHaveTextAsync("30 messages/s, 1 message/s to one customer");
            await Expect(card.GetByTestId("pace-error")).ToHaveCountAsync(0);
        });

    /// <summary>
    /// A new Telegram bot with a new agent who answers on it (and only on it), both in a browser of their own: a
    /// customer writes and the agent opens the conversation, the admin signs in; then <paramref name="scene"/> runs,
    /// with both pages snapped as <paramref name="failureName"/> when it fails.
    /// </summary>
    private async Task WithAdminAndAgentAsync(string failureName, Func<InboxSystem, SimulatedChannel, IPage, IPage, ILocator, Task> scene)
    {
        var system = System;
        var (channel, agentEmail, agentPassword) = await ConnectTelegramWithAgentAsync();
        await using var adminContext = await Browser.NewPersonAsync(system);
        await using var agentContext = await Browser.NewPersonAsync(system);
        var admin = await adminContext.NewPageAsync();
        var agent = await agentContext.NewPageAsync();
        try
        {
            var chat = await OpenCustomerConversationAsync(agent, agentEmail, agentPassword, channel);
            await SignIn.AsAsync(admin, InboxSystem.AdminEmail, InboxSystem.AdminPassword);
            await scene(system, channel, admin, agent, chat);
        }
        catch
        {
            await Browser.SnapAfterFailureAsync(admin, failureName + "-admin");
            await Browser.SnapAfterFailureAsync(agent, failureName + "-agent");
            throw;
        }
    }

    /// <summary>A new Telegram bot, connected through the API, and a new agent who answers on it (and only on it).</summary>
    private async Task<(SimulatedChannel Channel, string Email, string Password)> ConnectTelegramWithAgentAsync()
    {
        using var admin = await System.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        var channel = await SimulatedChannel.ConnectAsync(admin, System.GatewayUrl, "telegram");
        var email = $"bea-{Guid.NewGuid():N}@acme.test";
        const string Password = "bea-agent-password";
        var invitation = await admin.InviteAsync("Bea Agent", email, "agent", channels: [channel.ChannelId]);
        await System.AcceptInvitationAsync(invitation.InvitationToken, Password);
        return (channel, email, Password);
    }

    /// <summary>Signs the agent in, has a customer write on the channel, and opens that conversation; returns the chat.</summary>
    private static async Task<ILocator> OpenCustomerConversationAsync(IPage agent, string email, string password, SimulatedChannel channel)
    {
        await SignIn.AsAsync(agent, email, password);
        var question = $"Where is my parcel? ({Guid.NewGuid():N})";
        await channel.CustomerWritesAsync(channel.NewCustomer("Ana Silva"), question);
        await agent.GetByTestId("conversation-item").Filter(new() { HasText = question }).GetByRole(AriaRole.Button).ClickAsync();
        var chat = agent.GetByTestId("chat-pane");
        await Expect(chat.GetByTestId("message-text").Filter(new() { HasText = question })).ToBeVisibleAsync();
        return chat;
    }
}
