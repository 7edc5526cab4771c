using Inbox.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbox.Web.Tests;

/// <summary>
/// The user story through the two real pages in a real browser (the system's Chromium, headless): an agent signed in
/// to the inbox and a customer on the shop page with the chat widget, in separate browser contexts, talking live over
/// a real gateway, silo and Azurite; then the silo restarts and both still see the conversation. Screenshots of each
/// step go to artifacts/tests/screenshots and are attached to the test result.
/// </summary>
public sealed class LiveChatPagesTests : BrowserTest
{
    /// <summary>How long one page load may take to show the conversation while the system recovers from a restart (ms).</summary>
    private const float Attempt = 5_000;

    private static readonly TimeSpan AfterRestart = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_customer_and_an_agent_chat_live_through_the_two_pages_and_the_chat_survives_a_restart()
    {
        var system = System;
        await using var agentContext = await Browser.NewPersonAsync(system);
        await using var customerContext = await Browser.NewPersonAsync(system);
        var agent = await agentContext.NewPageAsync();
        var customer = await customerContext.NewPageAsync();
        var widgetUrl = $"widget.html?websiteToken={Uri.EscapeDataString(InboxSystem.WebsiteToken)}";
        var question = $"Hello, where is my order? ({Guid.NewGuid():N})";
        var answer = $"Sorry for the wait! It ships today. ({Guid.NewGuid():N})";
        var thanks = $"Great, thanks! ({Guid.NewGuid():N})";

        try
        {
            // 1. The agent opens the inbox, signs in and sees the (empty) inbox, connected.
            await agent.GotoAsync("/");
            var login = agent.GetByTestId("login-form");
            await Expect(login).ToBeVisibleAsync();
            await login.Locator("input[name=email]").FillAsync(InboxSystem.AgentEmail);
            await login.Locator("input[name=password]").FillAsync(InboxSystem.AgentPassword);
            await Browser.SnapAsync(agent, "01-login");
            await login.Locator("button[type=submit]").ClickAsync();
            await Expect(login).ToBeHiddenAsync();
            await Expect(agent.GetByTestId("connection-state")).ToHaveTextAsync("connected");
            await Expect(agent.GetByTestId("conversation-list")).ToBeVisibleAsync();
            await Expect(agent.GetByText("No conversations yet.")).ToBeVisibleAsync();
            await Expect(agent.GetByTestId("conversation-item")).ToHaveCountAsync(0);
            await Browser.SnapAsync(agent, "02-inbox-empty");

            // 2. A customer (another browser, another person) opens the shop page and writes in the widget.
            await customer.GotoAsync(widgetUrl);
            await Expect(customer.GetByTestId("widget")).ToBeVisibleAsync();
            await Expect(customer.GetByTestId("widget-state")).ToHaveTextAsync("connected");
            await customer.GetByTestId("widget-input").FillAsync(question);
            await customer.GetByTestId("widget-send").ClickAsync();
            var widgetMessages = customer.GetByTestId("widget-message");
            await Expect(widgetMessages).ToHaveTextAsync([question]);
            await Expect(widgetMessages.Nth(0)).ToHaveAttributeAsync("data-kind", "incoming");
            await Expect(customer.GetByTestId("widget-input")).ToHaveValueAsync(string.Empty);
            await Browser.SnapAsync(customer, "03-widget-sent");

            // 3. Without a reload the agent's list shows the new conversation; the agent opens it and reads the message.
            var conversation = agent.GetByTestId("conversation-item");
            await Expect(conversation).ToHaveCountAsync(1);
            await Expect(conversation.GetByTestId("conversation-preview")).ToHaveTextAsync(question);
            var conversationId = await conversation.GetAttributeAsync("data-conversation-id") ?? string.Empty;
            Assert.NotEmpty(conversationId);
            await conversation.GetByRole(AriaRole.Button).ClickAsync();
            var chat = agent.GetByTestId("chat-pane");
            await Expect(chat).ToHaveAttributeAsync("data-conversation-id", conversationId);
            // What was said, apart from the chat's notices: the agent is online, so routing assigns him the conversation.
            var messages = chat.Locator("[data-testid=message]:not([data-kind=activity])");
            await Expect(messages.GetByTestId("message-text")).ToHaveTextAsync([question]);
            await Expect(messages.Nth(0)).ToHaveAttributeAsync("data-kind", "incoming");
            await Expect(chat.Locator("[data-testid=message][data-kind=activity]").GetByTestId("message-text"))
                .ToHaveTextAsync(["Assigned to Alex Agent by round robin"]);
            await Browser.SnapAsync(agent, "04-agent-sees-message");

            // 4. The agent replies; the reply shows in the chat pane and, live, in the customer's widget.
            var composer = chat.GetByTestId("composer-input");
            await composer.FillAsync(answer);
            await chat.GetByTestId("composer-send").ClickAsync();
            await Expect(messages.GetByTestId("message-text")).ToHaveTextAsync([question, answer]);
            await Expect(messages.Nth(1)).ToHaveAttributeAsync("data-kind", "outgoing");
            await Expect(composer).ToHaveValueAsync(string.Empty);
            await Expect(chat.GetByTestId("composer-error")).ToHaveCountAsync(0);
            await Expect(conversation.GetByTestId("conversation-preview")).ToHaveTextAsync(answer);
            await Browser.SnapAsync(agent, "05-agent-replied");

            await Expect(widgetMessages).ToHaveTextAsync([question, answer]);
            await Expect(widgetMessages.Nth(1)).ToHaveAttributeAsync("data-kind", "outgoing");
            await Browser.SnapAsync(customer, "06-widget-got-reply");

            // 5. The silo stops and starts again on the same storage ("Ctrl-C and run again"). The agent loads the
            //    inbox afresh (again until the gateway reaches the new silo), opens the conversation: both messages,
            //    in order. The customer reloads the shop page (same browser, same visitor) and sees both too.
            await system.RestartSiloAsync();

            await ReloadUntilAsync(agent, "/", async () =>
            {
                await Expect(agent.GetByTestId("connection-state")).ToHaveTextAsync("connected", new() { Timeout = Attempt });
                var listed = agent.Locator($"[data-testid=conversation-item][data-conversation-id='{conversationId}']");
                await Expect(listed.GetByTestId("conversation-preview")).ToHaveTextAsync(answer, new() { Timeout = Attempt });
                await listed.GetByRole(AriaRole.Button).ClickAsync(new() { Timeout = Attempt });
                await Expect(chat).ToHaveAttributeAsync("data-conversation-id", conversationId, new() { Timeout = Attempt });
                await Expect(messages.GetByTestId("message-text")).ToHaveTextAsync([question, answer], new() { Timeout = Attempt });
            });
            await Expect(messages.Nth(0)).ToHaveAttributeAsync("data-kind", "incoming");
            await Expect(messages.Nth(1)).ToHaveAttributeAsync("data-kind", "outgoing");
            await Browser.SnapAsync(agent, "07-after-restart");

            await ReloadUntilAsync(customer, widgetUrl, async () =>
            {
                await Expect(customer.GetByTestId("widget-state")).ToHaveTextAsync("connected", new() { Timeout = Attempt });
                await Expect(widgetMessages).ToHaveTextAsync([question, answer], new() { Timeout = Attempt });
            });
            await Expect(widgetMessages.Nth(0)).ToHaveAttributeAsync("data-kind", "incoming");
            await Expect(widgetMessages.Nth(1)).ToHaveAttributeAsync("data-kind", "outgoing");
            await Browser.SnapAsync(customer, "08-widget-after-restart");

            // 6. And the chat goes on live after the restart: the customer writes again, the agent sees it unreloaded.
            await customer.GetByTestId("widget-input").FillAsync(thanks);
            await customer.GetByTestId("widget-send").ClickAsync();
            await Expect(widgetMessages).ToHaveTextAsync([question, answer, thanks]);
            await Expect(messages.GetByTestId("message-text")).ToHaveTextAsync([question, answer, thanks]);
            await Expect(messages.Nth(2)).ToHaveAttributeAsync("data-kind", "incoming");
            await Browser.SnapAsync(agent, "09-chat-goes-on-after-restart");
        }
        catch
        {
            await Browser.SnapAfterFailureAsync(agent, "failed-agent");
            await Browser.SnapAfterFailureAsync(customer, "failed-customer");
            throw;
        }
    }

    /// <summary>
    /// Loads <paramref name="url"/> and runs <paramref name="check"/> (whose waits are short) until it passes, loading
    /// the page again after each failure, for up to <see cref="AfterRestart"/>; the last failure is the test's.
    /// </summary>
    private static async Task ReloadUntilAsync(IPage page, string url, Func<Task> check)
    {
        var started = DateTime.UtcNow;
        var deadline = started + AfterRestart;
        for (var loads = 1; ; loads++)
        {
            try
            {
                await page.GotoAsync(url);
                await check();
                TestContext.Current.TestOutputHelper?.WriteLine(
                    $"{url}: as expected after {loads} load(s), {(DateTime.UtcNow - started).TotalSeconds:0.0} s after the restart");
                return;
            }
            catch (PlaywrightException e) when (DateTime.UtcNow < deadline)
            {
                // The gateway may still be reaching the new silo: try a fresh page load shortly.
                TestContext.Current.TestOutputHelper?.WriteLine($"{url}: load {loads} not yet as expected: {e.Message}");
                await Task.Delay(TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
            }
        }
    }
}
