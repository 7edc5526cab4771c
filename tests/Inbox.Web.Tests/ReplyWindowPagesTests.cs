using Inbox.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbox.Web.Tests;

/// <summary>
/// A WhatsApp customer last wrote 25 hours ago: the composer says the reply window has closed, in the server's words,
/// before anyone tries, and takes only private notes; when the customer writes again it opens, live, with a heads-up
/// that it closes in a few hours, and a reply goes out. Screenshots go to artifacts/tests/screenshots.
/// </summary>
public sealed class ReplyWindowPagesTests : BrowserTest
{
    [Fact]
    public async Task The_composer_says_the_whatsapp_window_has_closed_takes_only_notes_and_opens_again_when_the_customer_writes()
    {
        var system = System;
        using var admin = await system.SignInAsync(InboxSystem.AdminEmail, InboxSystem.AdminPassword);
        var channel = await SimulatedChannel.ConnectAsync(admin, system.GatewayUrl, "whatsapp");
        var customer = channel.NewCustomer("Ana Silva");
        await using var context = await Browser.NewPersonAsync(system);
        var supervisor = await context.NewPageAsync();
        var question = $"Where is my parcel? ({Guid.NewGuid():N})";

        try
        {
            // 1. The customer's message arrives a day late (Meta redelivers for days): the window closed an hour ago.
            await SignIn.AsAsync(supervisor, InboxSystem.SupervisorEmail, InboxSystem.SupervisorPassword);
            await channel.DeliverAsync(channel.Webhooks.Text(customer, question, DateTimeOffset.UtcNow.AddHours(-25)).Webhook);
            var item = supervisor.GetByTestId("conversation-item").Filter(new() { HasText = question });
            await item.GetByRole(AriaRole.Button).ClickAsync();
            var chat = supervisor.GetByTestId("chat-pane");
            await Expect(chat.GetByTestId("message-text").Filter(new() { HasText = question })).ToBeVisibleAsync();

            // 2. The composer says so before anyone writes, and takes only a private note.
            await Expect(chat.GetByTestId("composer-closed")).ToHaveTextAsync(
                "WhatsApp's 24-hour reply window has closed: the customer must write again before you can reply (template messages are not supported yet).");
            await Expect(chat.GetByTestId("composer-mode-reply")).ToBeDisabledAsync();
            await Expect(chat.GetByTestId("composer-attach")).ToHaveCountAsync(0);
            await Expect(chat.Locator("form.composer")).ToHaveAttributeAsync("data-mode", "note");
            await Browser.SnapAsync(supervisor, "window-01-closed");
            await chat.GetByTestId("composer-input").FillAsync("Out of the window; wait for her to write.");
            await chat.GetByTestId("composer-send").ClickAsync();
            await Expect(chat.Locator("[data-testid=message][data-kind=note]").GetByTestId("message-text")).ToHaveTextAsync("Out of the window; wait for her to write.");
            Assert.DoesNotContain(system.Simulator.Received("whatsapp"), r => r.Body.Contains(customer.Id, StringComparison.Ordinal));

            // 3. She writes again (22 hours ago by WhatsApp's clock, say a slow redelivery): the composer opens, live, and
            //    warns that the window closes in a couple of hours.
            var again = $"Hello? ({Guid.NewGuid():N})";
            await channel.DeliverAsync(channel.Webhooks.Text(customer, again, DateTimeOffset.UtcNow.AddHours(-22)).Webhook);
            await Expect(chat.GetByTestId("message-text").Filter(new() { HasText = again })).ToBeVisibleAsync();
            await Expect(chat.GetByTestId("composer-closed")).ToHaveCountAsync(0);
            await Expect(chat.GetByTestId("composer-window-hint")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Reply window closes in (1 h \d+ min|2 h)$"));
            await chat.GetByTestId("composer-mode-reply").ClickAsync();
            await chat.GetByTestId("composer-input").FillAsync("Sorry Ana, a new parcel leaves today.");
            await chat.GetByTestId("composer-send").ClickAsync();
            var reply = chat.GetByTestId("message").Filter(new() { HasText = "a new parcel leaves today" });
            await Expect(reply.GetByTestId("message-delivery")).ToHaveTextAsync("Sent");
            await Browser.SnapAsync(supervisor, "window-02-open-again");
        }
        catch
        {
            await Browser.SnapAfterFailureAsync(supervisor, "window-failed");
            throw;
        }
    }
}
