using Inbox.Contracts.Agents;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Events;
using Inbox.Contracts.Security;
using Inbox.Contracts.Wallboard;

namespace Inbox.Grains.Tests.Routing;

[Collection(GrainCluster.Name)]
public sealed class WallboardTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task The_wallboard_equals_a_recount_of_stored_state_after_a_burst()
    {
        var world = await new RoutingWorld(fixture).SetUpAsync();
        var ana = await world.AgentAsync("Ana", capacity: 5);
        var ben = await world.AgentAsync("Ben", capacity: 3);
        await world.AgentAsync("Cho", connected: false);
        var conversations = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => world.CustomerWritesAsync($"Burst {i}")));
        await RoutingWorld.UntilAsync(async () => (await world.StoredAsync()).Count(c => c.AssigneeId is not null) == 8);

        // Some move on: Ana parks two with the customer and snoozes one; those still count against her.
        var anas = new List<IConversationGrain>();
        foreach (var c in conversations)
        {
            if ((await c.GetSummaryAsync())!.AssigneeId == ana)
            {
                anas.Add(c);
            }
        }

        await anas[0].SetStatusAsync(ConversationStatus.Pending, null);
        await anas[1].SetStatusAsync(ConversationStatus.Pending, null);
        await anas[2].SetStatusAsync(ConversationStatus.Snoozed, fixture.Time.GetUtcNow().AddHours(1));
        await RoutingWorld.UntilAsync(async () => (await world.StoredAsync()).Count(c => c.AssigneeId == ana && c.Status is ConversationStatus.Open or ConversationStatus.Pending) == 5);

        await AssertMatchesRecountAsync(world);
        var board = await fixture.Inside.GetGrain<IWallboardGrain>(world.OrganisationId).GetAsync();
        Assert.Equal(["Ana", "Ben", "Cho"], board.Agents.Select(a => a.Name));
        Assert.Equal([AgentPresence.Online, AgentPresence.Online, AgentPresence.Offline], board.Agents.Select(a => a.Presence));
        Assert.Equal(2, board.AgentsOnline);
        Assert.Equal(ben, board.Agents[1].UserId);
    }

    [Fact]
    public async Task Supervisors_are_alerted_once_when_a_customer_waits_past_the_threshold_and_see_it_on_the_wallboard()
    {
        var world = await new RoutingWorld(fixture).SetUpAsync();
        await world.SettingsAsync(s => s with { WaitAlertSeconds = 60 });
        var feed = new RecordingObserver();
        var reference = fixture.Cluster.Client.CreateObjectReference<IInboxEventObserver>(feed);
        CallerContext.Set(Caller.Service("test"));
        await fixture.Grains.GetGrain<IEventFeedGrain>(world.OrganisationId).SubscribeAsync(reference);
        CallerContext.Clear();

        var conversation = await world.CustomerWritesAsync("Is anyone there?");
        var id = (await conversation.GetSummaryAsync())!.ConversationId;

        // The router counts the customer as waiting, and not yet long: no alert.
        await RoutingWorld.UntilAsync(() => Task.FromResult(feed.Events.Any(e => e.Type == EventNames.WallboardUpdated && e.Wallboard!.Waiting == 1 && e.Wallboard.LongWaits.Count == 0)));
        Assert.DoesNotContain(feed.Events, e => e.Type == EventNames.WallboardAlert);

        fixture.Time.Advance(TimeSpan.FromSeconds(61));
        await RoutingWorld.UntilAsync(() => Task.FromResult(feed.Events.Any(e => e.Alert?.ConversationId == id)));
        Assert.StartsWith("Customer ", feed.Events.First(e => e.Alert?.ConversationId == id).Alert!.ContactName, StringComparison.Ordinal);

        // Once per wait: the tick that alerts a second customer has looked at the first again and stayed quiet.
        var second = await world.CustomerWritesAsync("Me too");
        var secondId = (await second.GetSummaryAsync())!.ConversationId;
        fixture.Time.Advance(TimeSpan.FromSeconds(61));
        await RoutingWorld.UntilAsync(() => Task.FromResult(feed.Events.Any(e => e.Alert?.ConversationId == secondId)));
        Assert.Single(feed.Events, e => e.Alert?.ConversationId == id);

        await RoutingWorld.UntilAsync(async () => (await fixture.Inside.GetGrain<IWallboardGrain>(world.OrganisationId).GetAsync()).LongWaits.Any(w => w.ConversationId == id));
        fixture.Cluster.Client.DeleteObjectReference<IInboxEventObserver>(reference);
    }

    /// <summary>The wallboard's figures, counted again from the stored conversation list and the agents.</summary>
    internal static async Task AssertMatchesRecountAsync(RoutingWorld world, GrainClusterFixture fixture)
    {
        await RoutingWorld.UntilAsync(async () =>
        {
            var stored = (await world.StoredAsync()).Where(c => c.Status != ConversationStatus.Resolved).ToList();
            var board = await fixture.Inside.GetGrain<IWallboardGrain>(world.OrganisationId).GetAsync();
            var waiting = stored.Where(c => c.Status == ConversationStatus.Open && c.AssigneeId is null).ToList();
            var loads = stored.Where(c => c.AssigneeId is not null && c.Status is ConversationStatus.Open or ConversationStatus.Pending)
                .GroupBy(c => c.AssigneeId!).ToDictionary(g => g.Key, g => g.Count());
            return board.Waiting == waiting.Count
                && board.LongestWaitingSince == waiting.Min(c => c.WaitingSince)
                && board.Open == stored.Count(c => c.Status == ConversationStatus.Open && c.AssigneeId is not null)
                && board.Pending == stored.Count(c => c.Status == ConversationStatus.Pending)
                && board.Snoozed == stored.Count(c => c.Status == ConversationStatus.Snoozed)
                && board.Agents.All(a => a.Load == loads.GetValueOrDefault(a.UserId));
        });
    }

    private Task AssertMatchesRecountAsync(RoutingWorld world) => AssertMatchesRecountAsync(world, fixture);

    private sealed class RecordingObserver : IInboxEventObserver
    {
        private readonly List<OrganisationEvent> _events = [];

        public IReadOnlyList<OrganisationEvent> Events
        {
            get
            {
                lock (_events)
                {
                    return [.. _events];
                }
            }
        }

        public Task OnEventsAsync(IReadOnlyList<InboxEvent> events) => Task.CompletedTask;

        public Task OnOrganisationEventAsync(OrganisationEvent organisationEvent)
        {
            lock (_events)
            {
                _events.Add(organisationEvent);
            }

            return Task.CompletedTask;
        }

        public Task OnSessionsEndedAsync(string organisationId, string userId) => Task.CompletedTask;
    }
}
