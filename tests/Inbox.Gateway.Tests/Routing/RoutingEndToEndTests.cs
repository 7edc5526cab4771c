using System.Net;
using System.Net.Http.Json;
using Inbox.Contracts.Agents;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Events;
using Inbox.Contracts.Messages;
using Inbox.Contracts.Wallboard;
using Inbox.Testing;

namespace Inbox.Gateway.Tests.Routing;

/// <summary>Routing, presence and the wallboard through the real processes: REST, the hub, and live events.</summary>
public sealed class RoutingEndToEndTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    // Generous: on a loaded 2-core machine a silo turn can wait seconds; the events are the point, not their speed.
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(30);

    private InboxSystem System => fixture.System;

    [Fact]
    public async Task A_new_customer_goes_to_the_online_agent_the_supervisor_reassigns_it_live_and_the_wallboard_follows()
    {
        using var supervisorApi = await System.SignInAsync(InboxSystem.SupervisorEmail, InboxSystem.SupervisorPassword);
        using var agentApi = await System.SignInAgentAsync();

        // Someone already waits when the first user comes online (whatever ran before in this system may add more).
        await using var earlier = await WidgetConnection.ConnectAsync(System.GatewayUrl, InboxSystem.WebsiteToken, Guid.NewGuid().ToString("N"));
        await earlier.SendAsync($"I was here first ({Guid.NewGuid():N})", "m-0");
        await using var supervisor = await AgentConnection.ConnectAsync(System.GatewayUrl, supervisorApi);

        // Only the supervisor is connected, so round robin gives her the new customer; the wallboard shows her load.
        // (Other tests of this class may have left customers waiting, which she takes first: loads are compared, not counted.)
        var text = $"Hello, can someone help? ({Guid.NewGuid():N})";
        await using var visitor = await WidgetConnection.ConnectAsync(System.GatewayUrl, InboxSystem.WebsiteToken, Guid.NewGuid().ToString("N"));
        await visitor.SendAsync(text, "m-1");
        var assigned = await supervisor.Events.WaitForAsync(e => e.Type == EventNames.ConversationAssigned && e.Conversation.LastMessagePreview == text, Live);
        var conversationId = assigned.Conversation.ConversationId;
        Assert.Equal("u_supervisor", assigned.Conversation.AssigneeId);
        Assert.Equal("Assigned to Sam Supervisor by round robin", assigned.Message!.Text);
        await supervisor.OrganisationEvents.WaitForAsync(
            e => e.Type == EventNames.WallboardUpdated && e.Wallboard!.Agents.Any(a => a.UserId == "u_supervisor" && a.Load >= 1 && a.Presence == AgentPresence.Online), Live);
        await LoadsMatchListsAsync(supervisorApi, "u_supervisor");

        // "Mine" and "waiting" lists.
        Assert.Contains(await ListAsync(supervisorApi, "assignee=me"), c => c.ConversationId == conversationId);
        Assert.DoesNotContain(await ListAsync(supervisorApi, "assignee=none"), c => c.ConversationId == conversationId);
        Assert.DoesNotContain(await ListAsync(supervisorApi, "assignee=u_agent"), c => c.ConversationId == conversationId);

        // The agent comes online: the supervisor sees it live, then hands the conversation over from her hub.
        await using var agent = await AgentConnection.ConnectAsync(System.GatewayUrl, agentApi);
        await supervisor.OrganisationEvents.WaitForAsync(e => e.Type == EventNames.AgentPresenceChanged && e.Agent!.UserId == "u_agent" && e.Agent.Presence == AgentPresence.Online, Live);
        var handedOver = await supervisor.InvokeAsync<ConversationSummary>("assign", conversationId, "u_agent", null);
        Assert.Equal("u_agent", handedOver.AssigneeId);
        var atAgent = await agent.Events.WaitForAsync(e => e.Type == EventNames.ConversationAssigned && e.Conversation.ConversationId == conversationId && e.Conversation.AssigneeId == "u_agent", Live);
        Assert.Equal("Reassigned from Sam Supervisor to Alex Agent by Sam Supervisor", atAgent.Message!.Text);
        Assert.Contains(await ListAsync(agentApi, "assignee=me"), c => c.ConversationId == conversationId);
        await LoadsMatchListsAsync(supervisorApi, "u_supervisor", "u_agent");

        // The agent parks it with the customer over REST, adds a note and resolves it over the hub.
        var pending = await agentApi.Http.PostAsJsonAsync($"api/v1/conversations/{conversationId}/status", new { status = "pending" }, InboxApi.Json, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, pending.StatusCode);
        Assert.Equal(ConversationStatus.Pending, (await pending.Content.ReadFromJsonAsync<ConversationSummary>(InboxApi.Json, TestContext.Current.CancellationToken))!.Status);
        var note = await agent.InvokeAsync<MessageRecord>("addNote", conversationId, "Waiting for the order number");
        Assert.Equal(MessageKind.Note, note.Kind);
        var resolved = await agent.InvokeAsync<ConversationSummary>("setStatus", conversationId, ConversationStatus.Resolved, null);
        Assert.Equal(ConversationStatus.Resolved, resolved.Status);
        Assert.DoesNotContain(await ListAsync(agentApi, "assignee=me&status=open"), c => c.ConversationId == conversationId);
        await LoadsMatchListsAsync(supervisorApi, "u_supervisor", "u_agent");

        // The customer never saw the note or the notices; the chat has them in order.
        var history = await agentApi.GetMessagesAsync(conversationId);
        Assert.Equal(
            [text, "Assigned to Sam Supervisor by round robin", "Reassigned from Sam Supervisor to Alex Agent by Sam Supervisor", "Marked pending by Alex Agent", "Waiting for the order number", "Resolved by Alex Agent"],
            history.Items.Select(m => m.Text));
        Assert.Equal([text], (await visitor.HistoryAsync()).Items.Select(m => m.Text));

        // An agent going away is seen at once.
        var away = await agentApi.Http.PutAsJsonAsync("api/v1/agents/me/presence", new { presence = "away" }, InboxApi.Json, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, away.StatusCode);
        await supervisor.OrganisationEvents.WaitForAsync(e => e.Type == EventNames.AgentPresenceChanged && e.Agent!.UserId == "u_agent" && e.Agent.Presence == AgentPresence.Away, Live);
        await agent.OrganisationEvents.WaitForAsync(e => e.Agent?.UserId == "u_agent" && e.Agent.Presence == AgentPresence.Away, Live);
    }

    [Fact]
    public async Task Bad_lifecycle_requests_get_a_clear_error_and_change_nothing()
    {
        // A supervisor, who may change any conversation, so only the input is wrong.
        using var agentApi = await System.SignInAsync(InboxSystem.SupervisorEmail, InboxSystem.SupervisorPassword);
        var text = $"Hi {Guid.NewGuid():N}";
        await using var visitor = await WidgetConnection.ConnectAsync(System.GatewayUrl, InboxSystem.WebsiteToken, Guid.NewGuid().ToString("N"));
        await visitor.SendAsync(text, "m-1");
        var conversation = await Eventually.SucceedsAsync(async () => (await agentApi.ListConversationsAsync()).First(c => c.LastMessagePreview == text), Live);
        var path = $"api/v1/conversations/{conversation.ConversationId}";

        foreach (var (url, body, problem) in new (string, object, string)[]
        {
            ($"{path}/status", new { status = "snoozed" }, "snoozeUntil must be a time in the future, at most a year away."),
            ($"{path}/status", new { snoozeUntil = DateTimeOffset.UtcNow.AddHours(1) }, "status is required: open, pending, snoozed or resolved."),
            ($"{path}/priority", new { priority = (string?)null }, "priority is required: none, low, medium, high or urgent."),
            ($"{path}/notes", new { text = " " }, "The message text is empty."),
        })
        {
            var response = await agentApi.Http.PostAsJsonAsync(url, body, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(problem, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        var badFilter = await agentApi.Http.GetAsync("api/v1/conversations?assignee=not%20an%20id", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        var unknown = await agentApi.Http.PostAsJsonAsync($"{path}/priority", new { priority = "critical" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var capacity = await agentApi.Http.PutAsJsonAsync("api/v1/agents/me/capacity", new { capacity = 5 }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, capacity.StatusCode);

        var after = (await agentApi.ListConversationsAsync()).Single(c => c.ConversationId == conversation.ConversationId);
        Assert.Equal((ConversationStatus.Open, ConversationPriority.None), (after.Status, after.Priority));
    }

    /// <summary>
    /// Each user's load on the wallboard equals what the conversation list says they hold (open and pending assigned to
    /// them), once the wallboard has caught up: the supervisor's view, recounted, whatever else this system holds.
    /// </summary>
    private static Task<bool> LoadsMatchListsAsync(InboxApi supervisor, params string[] userIds) =>
        Eventually.SucceedsAsync(
            async () =>
            {
                var board = await supervisor.Http.GetFromJsonAsync<WallboardSnapshot>("api/v1/wallboard", InboxApi.Json, TestContext.Current.CancellationToken);
                foreach (var userId in userIds)
                {
                    var held = (await ListAsync(supervisor, $"assignee={userId}&status=open")).Count + (await ListAsync(supervisor, $"assignee={userId}&status=pending")).Count;
                    Assert.Equal(held, board!.Agents.Single(a => a.UserId == userId).Load);
                }

                return true;
            },
            Live);

    private static async Task<IReadOnlyList<ConversationSummary>> ListAsync(InboxApi api, string query) =>
        (await api.Http.GetFromJsonAsync<ConversationList>($"api/v1/conversations?{query}", InboxApi.Json, TestContext.Current.CancellationToken))!.Items;

    private sealed record ConversationList(IReadOnlyList<ConversationSummary> Items);
}
