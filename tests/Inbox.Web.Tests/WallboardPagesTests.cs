using Inbox.Testing;
using static Microsoft.Playwright.Assertions;

namespace Inbox.Web.Tests;

/// <summary>
/// A supervisor watches the wallboard live: a customer writes while no agent is online and shows as waiting, the
/// longest wait ticks; an agent signs in, routing gives him the conversation by round robin, and the wallboard shows
/// nobody waiting and the agent's load. Screenshots go to artifacts/tests/screenshots.
/// </summary>
public sealed class WallboardPagesTests : BrowserTest
{
    [Fact]
    public async Task A_supervisor_sees_a_customer_wait_live_until_an_agent_comes_online_and_gets_the_conversation()
    {
        var system = System;
        await using var supervisorContext = await Browser.NewPersonAsync(system);
        await using var agentContext = await Browser.NewPersonAsync(system);
        var supervisor = await supervisorContext.NewPageAsync();
        var agent = await agentContext.NewPageAsync();

        try
        {
            // 1. The supervisor signs in and sets herself away, so routing gives her no conversations; the header says so.
            await SignIn.AsAsync(supervisor, InboxSystem.SupervisorEmail, InboxSystem.SupervisorPassword);
            await Expect(supervisor.GetByTestId("presence")).ToHaveAttributeAsync("data-presence", "online");
            await supervisor.GetByTestId("presence-select").SelectOptionAsync("away");
            await Expect(supervisor.GetByTestId("presence")).ToHaveAttributeAsync("data-presence", "away");

            // 2. The wallboard: nobody waits; the agent, never connected, is offline with nothing assigned.
            await supervisor.GetByTestId("nav-wallboard").ClickAsync();
            var board = supervisor.GetByTestId("wallboard-page");
            await Expect(board.GetByTestId("tile-waiting-value")).ToHaveTextAsync("0");
            var alex = board.Locator("[data-testid=wallboard-agent][data-user-id=u_agent]");
            await Expect(alex.GetByTestId("agent-presence")).ToHaveTextAsync("offline");
            await Expect(alex.GetByTestId("agent-load")).ToHaveTextAsync("0 / 10");
            await Expect(board.Locator("[data-testid=wallboard-agent][data-user-id=u_supervisor]").GetByTestId("agent-presence")).ToHaveTextAsync("away");

            // 3. A customer writes on the website: without a reload the wallboard shows one waiting, and the wait ticks.
            await using var customer = await WidgetConnection.ConnectAsync(system.GatewayUrl, InboxSystem.WebsiteToken, $"visitor{Guid.NewGuid():N}");
            await customer.SendAsync("Hello, is anyone there?", Guid.NewGuid().ToString("N"));
            await Expect(board.GetByTestId("tile-waiting-value")).ToHaveTextAsync("1");
            var longest = board.GetByTestId("tile-longest-wait-value");
            await Expect(longest).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^0:0[0-9]$"));
            var first = await longest.TextContentAsync();
            await Expect(longest).Not.ToHaveTextAsync(first ?? string.Empty);
            await Browser.SnapAsync(supervisor, "wallboard-01-customer-waiting");

            // 4. The agent signs in: connecting makes him online, routing assigns him the conversation at once.
            await SignIn.AsAsync(agent, InboxSystem.AgentEmail, InboxSystem.AgentPassword);
            await Expect(agent.GetByTestId("presence")).ToHaveAttributeAsync("data-presence", "online");
            await Expect(board.GetByTestId("tile-waiting-value")).ToHaveTextAsync("0");
            await Expect(longest).ToHaveTextAsync("—");
            await Expect(board.GetByTestId("tile-open-value")).ToHaveTextAsync("1");
            await Expect(alex.GetByTestId("agent-presence")).ToHaveTextAsync("online");
            await Expect(alex.GetByTestId("agent-load")).ToHaveTextAsync("1 / 10");
            await Browser.SnapAsync(supervisor, "wallboard-02-agent-took-it");

            // His inbox shows it as his, and the chat says how it got there.
            var item = agent.GetByTestId("conversation-item");
            await Expect(item).ToHaveCountAsync(1);
            await Expect(item.GetByTestId("conversation-assignee")).ToHaveTextAsync("You");
            await item.GetByRole(Microsoft.Playwright.AriaRole.Button).ClickAsync();
            await Expect(agent.Locator("[data-testid=message][data-kind=activity]").GetByTestId("message-text"))
                .ToHaveTextAsync(["Assigned to Alex Agent by round robin"]);
            await Browser.SnapAsync(agent, "wallboard-03-agent-inbox");
        }
        catch
        {
            await Browser.SnapAfterFailureAsync(supervisor, "wallboard-failed-supervisor");
            await Browser.SnapAfterFailureAsync(agent, "wallboard-failed-agent");
            throw;
        }
    }
}
