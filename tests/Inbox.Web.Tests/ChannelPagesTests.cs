using System.Security.Cryptography;
using Inbox.Simulator.Platforms;
using Inbox.Simulator.Webhooks;
using Inbox.Testing;
using static Microsoft.Playwright.Assertions;

namespace Inbox.Web.Tests;

/// <summary>
/// An admin connects a Telegram bot on the Channels page and pastes what it shows into "Telegram" (the simulator);
/// a customer's text and photo then appear in the inbox, and the admin's reply goes out through the Bot API and turns
/// "Sent". Screenshots go to artifacts/tests/screenshots.
/// </summary>
public sealed class ChannelPagesTests : BrowserTest
{
    [Fact]
    public async Task An_admin_connects_a_telegram_bot_and_answers_its_customer_from_the_inbox()
    {
        var system = System;
        await using var context = await Browser.NewPersonAsync(system);
        var admin = await context.NewPageAsync();

        try
        {
            // 1. The admin connects a bot: the page shows the webhook URL and the secret token to give setWebhook.
            await admin.GotoAsync("/");
            var login = admin.GetByTestId("login-form");
            await login.Locator("input[name=email]").FillAsync(InboxSystem.AdminEmail);
            await login.Locator("input[name=password]").FillAsync(InboxSystem.AdminPassword);
            await login.Locator("button[type=submit]").ClickAsync();
            await admin.GetByTestId("nav-channels").ClickAsync();
            await admin.GetByTestId("connect-platform").SelectOptionAsync("telegram");
            await admin.GetByTestId("connect-name").FillAsync("Support bot");
            await admin.GetByTestId("connect-field-botToken").FillAsync("123456789:AAExample-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)));
            await admin.GetByTestId("connect-submit").ClickAsync();
            var connected = admin.GetByTestId("connected-callout");
            await Expect(connected).ToContainTextAsync("Connected Support bot");
            var webhookUrl = await connected.GetByTestId("channel-webhook-url").TextContentAsync();
            var secretToken = await connected.GetByTestId("channel-setting-secretToken").TextContentAsync();
            Assert.StartsWith($"{system.GatewayUrl}webhooks/telegram/", webhookUrl, StringComparison.Ordinal);
            Assert.Matches("^[A-Za-z0-9]{32}$", secretToken);
            await Browser.SnapAsync(admin, "channels-01-connected");

            // 2. "Telegram" delivers a customer's text and photo to that URL, signed with that token.
            var telegram = PlatformWebhooks.For("telegram", new Dictionary<string, string> { ["secretToken"] = secretToken! });
            var customer = new SimulatedCustomer("1" + RandomNumberGenerator.GetString("0123456789", 9), "Ana Silva");
            // A real (if tiny) PNG, so the browser must actually decode what the inbox stored and served.
            var photo = ProfileApi.Picture;
            system.Simulator.State.AddMedia("telegram", "AgACphoto1", new SimulatedFile(photo, "image/png", null));
            using var http = new HttpClient();
            foreach (var (webhook, _) in new[]
            {
                telegram.Text(customer, "Hi, my parcel never arrived", DateTimeOffset.UtcNow),
                telegram.Image(customer, new SimulatedMedia("AgACphoto1", "image/png", null, photo.Length), "this is what came instead", DateTimeOffset.UtcNow.AddSeconds(1)),
            })
            {
                using var response = await http.SendAsync(webhook.ToRequest(new Uri(webhookUrl!)), TestContext.Current.CancellationToken);
                Assert.True(response.IsSuccessStatusCode);
            }

            // 3. The inbox shows the conversation with both messages, the photo itself included.
            await admin.GetByTestId("nav-inbox").ClickAsync();
            var item = admin.GetByTestId("conversation-item").Filter(new() { HasText = "Ana Silva" });
            await item.ClickAsync(new() { Timeout = Live });
            var pane = admin.GetByTestId("chat-pane");
            await Expect(pane.GetByTestId("message-text").Filter(new() { HasText = "my parcel never arrived" })).ToBeVisibleAsync(new() { Timeout = Live });
            await Expect(pane.Locator("img.message__image")).ToBeVisibleAsync(new() { Timeout = Live });
            await Expect(pane.Locator("img.message__image")).ToHaveJSPropertyAsync("naturalWidth", 1, new() { Timeout = Live });

            // 4. The admin answers; the Bot API receives it and the message turns "Sent".
            await pane.GetByTestId("composer-input").FillAsync("Sorry Ana, we are sending a new one today.");
            await pane.GetByTestId("composer-send").ClickAsync();
            var reply = pane.GetByTestId("message").Filter(new() { HasText = "sending a new one today" });
            await Expect(reply.GetByTestId("message-delivery")).ToHaveTextAsync("Sent", new() { Timeout = Live });
            Assert.Contains(system.Simulator.Received("telegram"), r => r.Path.EndsWith("/sendMessage", StringComparison.Ordinal) && r.Body.Contains("sending a new one today", StringComparison.Ordinal));
            await Browser.SnapAsync(admin, "channels-02-answered");

            // 5. The admin disables the bot: the card says so, and the open chat's composer closes for replies, live.
            await admin.GetByTestId("nav-channels").ClickAsync();
            var card = admin.GetByTestId("channel-card").Filter(new() { HasText = "Support bot" }).Last;
            await card.GetByTestId("channel-toggle").ClickAsync();
            await Expect(card.GetByTestId("channel-status")).ToHaveTextAsync("Disabled");
            await Expect(card.GetByTestId("channel-toggle")).ToHaveTextAsync("Enable");
            await Browser.SnapAsync(admin, "channels-03-disabled");
            await admin.GetByTestId("nav-inbox").ClickAsync();
            await item.ClickAsync(new() { Timeout = Live });
            await Expect(pane.GetByTestId("composer-closed")).ToContainTextAsync("is disabled", new() { Timeout = Live });
            await Expect(pane.GetByTestId("composer-mode-reply")).ToBeDisabledAsync();
            await Browser.SnapAsync(admin, "channels-04-composer-closed");

            // 6. Enabled again, replies can be written again.
            await admin.GetByTestId("nav-channels").ClickAsync();
            await card.GetByTestId("channel-toggle").ClickAsync();
            await Expect(card.GetByTestId("channel-status")).ToHaveTextAsync("Active");
            await admin.GetByTestId("nav-inbox").ClickAsync();
            await item.ClickAsync(new() { Timeout = Live });
            await Expect(pane.GetByTestId("composer-mode-reply")).ToBeEnabledAsync(new() { Timeout = Live });
            await Expect(pane.GetByTestId("composer-closed")).ToHaveCountAsync(0);
        }
        catch
        {
            await Browser.SnapAfterFailureAsync(admin, "channels-failed");
            throw;
        }
    }
}
