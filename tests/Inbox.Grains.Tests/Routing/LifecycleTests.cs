using Inbox.Contracts.Conversations;
using Inbox.Contracts.Contacts;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Messages;
using Inbox.Contracts.Routing;
using Inbox.Contracts.Security;
using Inbox.Contracts.Users;

namespace Inbox.Grains.Tests.Routing;

[Collection(GrainCluster.Name)]
public sealed class LifecycleTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task Every_transition_is_stored_shown_in_the_chat_and_counted_in_the_revision()
    {
        var world = await new RoutingWorld(fixture).SetUpAsync();
        var conversation = await world.CustomerWritesAsync("Hello");
        var start = (await conversation.GetSummaryAsync())!;
        Assert.Equal(ConversationStatus.Open, start.Status);
        Assert.NotNull(start.WaitingSince);

        await conversation.SetStatusAsync(ConversationStatus.Pending, null);
        var until = fixture.Time.GetUtcNow().AddHours(3);
        await conversation.SetStatusAsync(ConversationStatus.Snoozed, until);
        Assert.Equal(until, (await conversation.GetSummaryAsync())!.SnoozedUntil);
        await conversation.SetStatusAsync(ConversationStatus.Resolved, null);
        await conversation.SetStatusAsync(ConversationStatus.Open, null);
        await conversation.SetPriorityAsync(ConversationPriority.High);

        await fixture.DeactivateAsync(conversation);
        var summary = (await conversation.GetSummaryAsync())!;
        Assert.Equal(ConversationStatus.Open, summary.Status);
        Assert.Equal(ConversationPriority.High, summary.Priority);
        Assert.Null(summary.SnoozedUntil);
        Assert.Equal(start.Revision + 5, summary.Revision);
        Assert.Equal(
            ["Marked pending by Inbox", $"Snoozed until {until.UtcDateTime:yyyy-MM-dd HH:mm} UTC by Inbox", "Resolved by Inbox", "Reopened by Inbox", "Priority set to high by Inbox"],
            await RoutingWorld.NoticesAsync(conversation));

        // The list row follows.
        Assert.Equal(summary with { LastActivityAt = default }, (await world.StoredAsync()).Single() with { LastActivityAt = default });
    }

    [Fact]
    public async Task A_snooze_needs_a_future_time_and_unknown_values_are_refused()
    {
        var world = await new RoutingWorld(fixture).SetUpAsync();
        var conversation = await world.CustomerWritesAsync("Hello");
        await Assert.ThrowsAsync<ArgumentException>(() => conversation.SetStatusAsync(ConversationStatus.Snoozed, null));
        await Assert.ThrowsAsync<ArgumentException>(() => conversation.SetStatusAsync(ConversationStatus.Snoozed, fixture.Time.GetUtcNow().AddMinutes(-1)));
        await Assert.ThrowsAsync<ArgumentException>(() => conversation.SetStatusAsync((ConversationStatus)42, null));
        await Assert.ThrowsAsync<ArgumentException>(() => conversation.SetPriorityAsync((ConversationPriority)42));
        await Assert.ThrowsAsync<ArgumentException>(() => conversation.AssignAsync("u_nobody", null));
        await Assert.ThrowsAsync<ArgumentException>(() => conversation.AssignAsync(null, "no-such-team"));
        Assert.Equal(ConversationStatus.Open, (await conversation.GetSummaryAsync())!.Status);
        Assert.Empty(await RoutingWorld.NoticesAsync(conversation));
    }

    [Fact]
    public async Task A_customer_writing_reopens_a_resolved_conversation_wakes_a_snoozed_one_and_answers_a_pending_one()
    {
        var world = await new RoutingWorld(fixture).SetUpAsync();
        var visitor = "v_" + Guid.NewGuid().ToString("N");
        var conversation = await world.CustomerWritesAsync("Hello", visitor: visitor);
        var id = (await conversation.GetSummaryAsync())!.ConversationId;

        await conversation.SetStatusAsync(ConversationStatus.Resolved, null);
        var again = await world.CustomerWritesAsync("Actually, one more thing", visitor: visitor);
        Assert.Equal(id, (await again.GetSummaryAsync())!.ConversationId);
        Assert.Equal(ConversationStatus.Open, (await conversation.GetSummaryAsync())!.Status);

        await conversation.SetStatusAsync(ConversationStatus.Snoozed, fixture.Time.GetUtcNow().AddDays(1));
        await world.CustomerWritesAsync("Hello?", visitor: visitor);
        Assert.Equal(ConversationStatus.Open, (await conversation.GetSummaryAsync())!.Status);

        await conversation.SetStatusAsync(ConversationStatus.Pending, null);
        await world.CustomerWritesAsync("Here is my order number", visitor: visitor);
        Assert.Equal(ConversationStatus.Open, (await conversation.GetSummaryAsync())!.Status);

        Assert.Equal(
            ["Resolved by Inbox", "Reopened: the customer wrote again", $"Snoozed until {fixture.Time.GetUtcNow().AddDays(1).UtcDateTime:yyyy-MM-dd}", "Snooze ended: the customer wrote", "Marked pending by Inbox", "The customer replied"],
            (await RoutingWorld.NoticesAsync(conversation)).Select(n => n.StartsWith("Snoozed until", StringComparison.Ordinal) ? n[..24] : n));
    }

    [Fact]
    public async Task A_customer_writing_after_the_reopen_window_starts_a_new_conversation()
    {
        var world = await new RoutingWorld(fixture).SetUpAsync();
        await world.SettingsAsync(s => s with { ReopenWindowHours = 24 });
        var visitor = "v_" + Guid.NewGuid().ToString("N");
        var old = await world.CustomerWritesAsync("Hello", visitor: visitor);
        await old.SetStatusAsync(ConversationStatus.Resolved, null);

        fixture.Time.Advance(TimeSpan.FromHours(25));
        var fresh = await world.CustomerWritesAsync("Hello again, new problem", visitor: visitor);

        var (oldSummary, freshSummary) = ((await old.GetSummaryAsync())!, (await fresh.GetSummaryAsync())!);
        Assert.NotEqual(oldSummary.ConversationId, freshSummary.ConversationId);
        Assert.Equal(ConversationStatus.Resolved, oldSummary.Status);
        Assert.Equal(2, oldSummary.LastSequence); // the message and the resolution's notice
        Assert.Equal(ConversationStatus.Open, freshSummary.Status);
        Assert.Equal(oldSummary.ContactId, freshSummary.ContactId);
        Assert.Equal(["Hello again, new problem"], (await fresh.GetMessagesAsync(null, 10)).Messages.Select(m => m.Text));
    }

    [Fact]
    public async Task A_snoozed_conversation_opens_by_itself_when_its_time_comes()
    {
        var world = await new RoutingWorld(fixture).SetUpAsync();
        var conversation = await world.CustomerWritesAsync("Call me back in a moment");
        await conversation.SetStatusAsync(ConversationStatus.Snoozed, fixture.Time.GetUtcNow().AddSeconds(3));

        // The silo's reminder fires on real time; the grains' clock is the test's, moved on to match.
        fixture.Time.Advance(TimeSpan.FromSeconds(3));

        await RoutingWorld.UntilAsync(async () => (await conversation.GetSummaryAsync())!.Status == ConversationStatus.Open);
        Assert.Equal("Snooze ended", (await RoutingWorld.NoticesAsync(conversation))[^1]);
        Assert.NotNull((await conversation.GetSummaryAsync())!.WaitingSince);
    }

    [Fact]
    public async Task Supervisors_reassign_take_over_observe_and_note_and_agents_may_only_take_waiting_conversations()
    {
        var world = await new RoutingWorld(fixture).SetUpAsync();
        await world.SettingsAsync(s => s with { AutoAssign = false });
        var ana = await world.AgentAsync("Ana");
        var ben = await world.AgentAsync("Ben");
        var sue = await world.AgentAsync("Sue", role: UserRole.Supervisor);
        var conversation = await world.CustomerWritesAsync("Hello");
        var id = (await conversation.GetSummaryAsync())!.ConversationId;
        var supervisor = Caller.User(world.OrganisationId, sue, "Sue", UserRole.Supervisor, [], [], null);
        var agentAna = Caller.User(world.OrganisationId, ana, "Ana", UserRole.Agent, [RoutingWorld.Web], [], null);
        var agentBen = Caller.User(world.OrganisationId, ben, "Ben", UserRole.Agent, [RoutingWorld.Web], [], null);

        CallerContext.Set(agentAna);
        Assert.Equal(ana, (await conversation.AssignAsync(ana, null)).AssigneeId);
        CallerContext.Set(agentBen);
        await Assert.ThrowsAsync<AccessDeniedException>(() => conversation.AssignAsync(ben, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => conversation.SetStatusAsync(ConversationStatus.Resolved, null));

        CallerContext.Set(supervisor);
        Assert.Equal(ben, (await conversation.AssignAsync(ben, null)).AssigneeId);
        Assert.Equal(sue, (await conversation.AssignAsync(sue, null)).AssigneeId);
        Assert.Equal([sue], (await conversation.ObserveAsync(true)).ObserverIds!);
        var note = await conversation.AddNoteAsync("Customer is a VIP; be generous");
        Assert.Equal(MessageKind.Note, note.Kind);
        CallerContext.Clear();

        var notices = await RoutingWorld.NoticesAsync(conversation);
        Assert.Equal(["Ana took the conversation", "Reassigned from Ana to Ben by Sue", "Sue took over from Ben"], notices);
        Assert.Equal("Customer is a VIP; be generous", (await conversation.GetMessagesAsync(null, 10)).Messages[^1].Text);
        Assert.Equal(id, (await world.StoredAsync()).Single().ConversationId);
    }

    [Fact]
    public async Task Rules_route_by_keyword_language_attribute_and_channel_in_order_and_fall_back_to_round_robin()
    {
        var world = await new RoutingWorld(fixture).SetUpAsync("billing", "brazil");
        var bia = await world.AgentAsync("Bia", teams: ["brazil"], channels: []);
        var bill = await world.AgentAsync("Bill", teams: ["billing"], channels: []);
        var walt = await world.AgentAsync("Walt", channels: [RoutingWorld.WhatsApp]);
        var vera = await world.AgentAsync("Vera");
        await world.SettingsAsync(s => s with
        {
            Rules =
            [
                new RoutingRule("pt", "Portuguese", new RuleConditions(Languages: ["pt"]), new RuleAction(TeamId: "brazil")),
                new RoutingRule("refunds", "Refunds", new RuleConditions(Keywords: ["refund", "chargeback"]), new RuleAction(TeamId: "billing", Priority: ConversationPriority.High)),
                new RoutingRule("vip", "VIP to Walt", new RuleConditions(ContactAttributes: new Dictionary<string, string> { ["plan"] = "enterprise" }), new RuleAction(AgentId: walt)),
            ],
        });

        var portugueseRefund = await world.CustomerWritesAsync("Quero um refund", language: "pt-BR");
        var refund = await world.CustomerWritesAsync("I want a refund please");
        var whatsapp = await world.CustomerWritesAsync("Hi from WhatsApp", channel: RoutingWorld.WhatsApp);
        var other = await world.CustomerWritesAsync("Just a question");

        await RoutingWorld.UntilAsync(async () => (await world.StoredAsync()).All(c => c.AssigneeId is not null));
        var pr = (await portugueseRefund.GetSummaryAsync())!;
        Assert.Equal((bia, "brazil"), (pr.AssigneeId, pr.TeamId));
        Assert.Contains("Assigned to Bia by rule 'Portuguese'", await RoutingWorld.NoticesAsync(portugueseRefund));
        var r = (await refund.GetSummaryAsync())!;
        Assert.Equal((bill, "billing", ConversationPriority.High), (r.AssigneeId, r.TeamId, r.Priority));
        Assert.Equal(walt, (await whatsapp.GetSummaryAsync())!.AssigneeId);
        Assert.Equal(vera, (await other.GetSummaryAsync())!.AssigneeId);
        Assert.Contains("Assigned to Vera by round robin", await RoutingWorld.NoticesAsync(other));

        // Attributes are the contact's: a customer an agent marked as enterprise, writing again after a resolution
        // while nobody holds the conversation, goes to the rule's agent even on a channel he does not work.
        var otherSummary = (await other.GetSummaryAsync())!;
        await fixture.Inside.GetGrain<IContactGrain>(GrainKeys.Compose(world.OrganisationId, otherSummary.ContactId))
            .UpdateAsync(null, new Dictionary<string, string> { ["plan"] = "Enterprise" });
        await other.SetStatusAsync(ConversationStatus.Resolved, null);
        await other.AssignAsync(null, null);
        await world.CustomerWritesAsync("Back again", visitor: otherSummary.ChannelUserId);
        await RoutingWorld.UntilAsync(async () => (await other.GetSummaryAsync())!.AssigneeId == walt);
        Assert.Contains("Assigned to Walt by rule 'VIP to Walt'", await RoutingWorld.NoticesAsync(other));
    }
}
