using Inbox.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbox.Web.Tests;

/// <summary>
/// A supervisor works a conversation from the chat header: routing gives it to her, she leaves a private note,
/// reassigns it to an agent, sets its priority and resolves it; every change shows in the chat as a notice, and the
/// list follows its status. Screenshots go to artifacts/tests/screenshots.
/// </summary>
public sealed class ConversationActionsPagesTests : BrowserTest
{
    [Fact]
    public async Task A_supervisor_reassigns_a_conversation_to_an_agent_and_resolves_it_and_the_chat_shows_each_change()
    {
        var system = System;
        await using var context = await Browser.NewPersonAsync(system);
        var supervisor = await context.NewPageAsync();
        var question = $"My parcel never arrived ({Guid.NewGuid():N})";

        try
        {
            // 1. The supervisor is the only one online: routing gives her the customer's conversation.
            await SignIn.AsAsync(supervisor, InboxSystem.SupervisorEmail, InboxSystem.SupervisorPassword);
            await using var customer = await WidgetConnection.ConnectAsync(system.GatewayUrl, InboxSystem.WebsiteToken, $"visitor{Guid.NewGuid():N}");
            await customer.SendAsync(question, Guid.NewGuid().ToString("N"));
            var item = supervisor.GetByTestId("conversation-item");
            await Expect(item.GetByTestId("conversation-preview")).ToHaveTextAsync(question);
            await item.GetByRole(AriaRole.Button).ClickAsync();
            var chat = supervisor.GetByTestId("chat-pane");
            var notices = chat.Locator("[data-testid=message][data-kind=activity]").GetByTestId("message-text");
            await Expect(notices).ToHaveTextAsync(["Assigned to Sam Supervisor by round robin"]);
            await Expect(chat.GetByTestId("assignee-select")).ToHaveValueAsync("u_supervisor");

            // 2. A private note for the team: marked as such, never sent to the customer.
            await chat.GetByTestId("composer-mode-note").ClickAsync();
            await chat.GetByTestId("composer-input").FillAsync("Checked the carrier: lost in transit.");
            await chat.GetByTestId("composer-send").ClickAsync();
            var note = chat.Locator("[data-testid=message][data-kind=note]");
            await Expect(note.GetByTestId("message-text")).ToHaveTextAsync("Checked the carrier: lost in transit.");
            await chat.GetByTestId("composer-mode-reply").ClickAsync();

            // 3. She gives it to Alex Agent (offline, but a supervisor may) and raises its priority.
            await chat.GetByTestId("assignee-select").SelectOptionAsync("u_agent");
            await Expect(notices).ToHaveTextAsync(["Assigned to Sam Supervisor by round robin", "Reassigned from Sam Supervisor to Alex Agent by Sam Supervisor"]);
            await Expect(item.GetByTestId("conversation-assignee")).ToHaveTextAsync("Alex Agent");
            await chat.GetByTestId("priority-select").SelectOptionAsync("high");
            await Expect(item.GetByTestId("conversation-priority")).ToHaveTextAsync("high");
            await Browser.SnapAsync(supervisor, "actions-01-reassigned");

            // 4. She resolves it: the chat says so, and it leaves the list of open conversations for the resolved ones.
            await chat.GetByTestId("resolve").ClickAsync();
            await Expect(chat.GetByTestId("chat-status")).ToHaveTextAsync("resolved");
            await Expect(notices.Last).ToHaveTextAsync("Resolved by Sam Supervisor");
            await Expect(chat.GetByTestId("chat-actions-error")).ToHaveCountAsync(0);
            await Expect(item).ToHaveCountAsync(0);
            await supervisor.GetByTestId("status-filter").SelectOptionAsync("resolved");
            await Expect(item.GetByTestId("conversation-preview")).ToHaveTextAsync(question);
            await Expect(chat.GetByTestId("reopen")).ToBeVisibleAsync();
            await Browser.SnapAsync(supervisor, "actions-02-resolved");

            // The customer never saw the note.
            Assert.DoesNotContain(customer.Messages.Seen, m => m.Text.Contains("carrier", StringComparison.Ordinal));
        }
        catch
        {
            await Browser.SnapAfterFailureAsync(supervisor, "actions-failed");
            throw;
        }
    }
}
