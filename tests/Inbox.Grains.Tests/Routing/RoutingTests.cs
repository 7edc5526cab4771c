using Inbox.Contracts.Agents;
using Inbox.Contracts.Conversations;

namespace Inbox.Grains.Tests.Routing;

[Collection(GrainCluster.Name)]
public sealed class RoutingTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task Round_robin_spreads_conversations_in_turn_up_to_each_capacity_and_skips_agents_away_or_offline()
    {
        var world = await new RoutingWorld(fixture).SetUpAsync();
        var ana = await world.AgentAsync("Ana", capacity: 10);
        var ben = await world.AgentAsync("Ben", capacity: 20);
        var cho = await world.AgentAsync("Cho", capacity: 30);
        await world.Agent(cho).SetPresenceAsync(AgentPresence.Away);
        var dev = await world.AgentAsync("Dev", capacity: 30, connected: false);
        var eli = await world.AgentAsync("Eli", capacity: 100);

        // The first three go one to each working agent, in turn.
        var first = new List<IConversationGrain>();
        for (var i = 0; i < 3; i++)
        {
            var conversation = await world.CustomerWritesAsync($"Hello {i}");
            await RoutingWorld.UntilAsync(async () => (await conversation.GetSummaryAsync())!.AssigneeId is not null);
            first.Add(conversation);
        }

        var firstThree = await Task.WhenAll(first.Select(async c => (await c.GetSummaryAsync())!.AssigneeId!));
        Assert.Equal(3, firstThree.Distinct().Count());
        Assert.Subset(new HashSet<string> { ana, ben, eli }, firstThree.ToHashSet());

        await Task.WhenAll(Enumerable.Range(3, 97).Select(i => world.CustomerWritesAsync($"Hello {i}")));
        await RoutingWorld.UntilAsync(async () => (await world.StoredAsync()).All(c => c.AssigneeId is not null));

        // In turn until Ana is full (10 each), then Ben and Eli in turn until Ben is full (20), then Eli takes the rest.
        var stored = await world.StoredAsync();
        Assert.Equal(100, stored.Count);
        var loads = stored.GroupBy(c => c.AssigneeId!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(10, loads[ana]);
        Assert.Equal(20, loads[ben]);
        Assert.Equal(70, loads[eli]);
        Assert.False(loads.ContainsKey(cho));
        Assert.False(loads.ContainsKey(dev));
        Assert.Equal(loads, await world.Routing.GetLoadsAsync());
        Assert.Empty(await world.Routing.GetQueueAsync());
    }

    [Fact]
    public async Task A_conversation_waits_when_nobody_has_room_and_goes_to_the_first_agent_who_frees_up_or_comes_online()
    {
        var world = await new RoutingWorld(fixture).SetUpAsync();
        var ana = await world.AgentAsync("Ana", capacity: 1);
        var first = await world.CustomerWritesAsync("First");
        await RoutingWorld.UntilAsync(async () => (await first.GetSummaryAsync())!.AssigneeId == ana);

        var second = await world.CustomerWritesAsync("Second");
        var waiting = await second.GetSummaryAsync();
        Assert.Null(waiting!.AssigneeId);
        Assert.NotNull(waiting.WaitingSince);
        Assert.Equal([waiting.ConversationId], (await world.Routing.GetQueueAsync()).Select(t => t.ConversationId));

        // Ana resolves her first conversation: she has room again and gets the waiting one.
        await first.SetStatusAsync(ConversationStatus.Resolved, null);
        await RoutingWorld.UntilAsync(async () => (await second.GetSummaryAsync())!.AssigneeId == ana);
        Assert.Null((await second.GetSummaryAsync())!.WaitingSince);

        // A third waits until Ben comes online.
        var third = await world.CustomerWritesAsync("Third");
        var ben = await world.AgentAsync("Ben", connected: false);
        Assert.Null((await third.GetSummaryAsync())!.AssigneeId);
        await world.ConnectAsync(ben);
        await RoutingWorld.UntilAsync(async () => (await third.GetSummaryAsync())!.AssigneeId == ben);
        Assert.Contains("Assigned to Ben by round robin", await RoutingWorld.NoticesAsync(third));
    }

    [Fact]
    public async Task The_queue_is_served_by_priority_then_longest_wait()
    {
        var world = await new RoutingWorld(fixture).SetUpAsync();
        var early = await world.CustomerWritesAsync("I came first");
        var late = await world.CustomerWritesAsync("I came second");
        var urgent = await world.CustomerWritesAsync("I came last but it is urgent");
        await urgent.SetPriorityAsync(ConversationPriority.Urgent);

        var queue = (await world.Routing.GetQueueAsync()).Select(t => t.ConversationId).ToList();
        var ids = await Task.WhenAll(new[] { urgent, early, late }.Select(async c => (await c.GetSummaryAsync())!.ConversationId));
        Assert.Equal(ids, queue);

        var ana = await world.AgentAsync("Ana", capacity: 2);
        await RoutingWorld.UntilAsync(async () => (await urgent.GetSummaryAsync())!.AssigneeId == ana && (await early.GetSummaryAsync())!.AssigneeId == ana);
        Assert.Null((await late.GetSummaryAsync())!.AssigneeId);
    }

    [Fact]
    public async Task An_agent_whose_connections_all_drop_goes_offline_after_the_grace_period_and_gets_no_new_conversations()
    {
        var world = await new RoutingWorld(fixture).SetUpAsync();
        var ana = await world.AgentAsync("Ana");
        var mine = await world.CustomerWritesAsync("Hello");
        await RoutingWorld.UntilAsync(async () => (await mine.GetSummaryAsync())!.AssigneeId == ana);

        await world.DisconnectAsync(ana);
        Assert.Equal(AgentPresence.Online, (await world.Agent(ana).GetAsync()).Presence);

        fixture.Time.Advance(TimeSpan.FromMinutes(2));
        await RoutingWorld.UntilAsync(async () => (await world.Agent(ana).GetAsync()).Presence == AgentPresence.Offline);

        // Once the router has it in its queue it has already looked for an agent (it serves the queue on every change).
        var next = await world.CustomerWritesAsync("Anyone there?");
        var nextId = (await next.GetSummaryAsync())!.ConversationId;
        await RoutingWorld.UntilAsync(async () => (await world.Routing.GetQueueAsync()).Any(t => t.ConversationId == nextId));
        Assert.Null((await next.GetSummaryAsync())!.AssigneeId);

        // Her conversation stays hers: the organisation did not ask for it back.
        Assert.Equal(ana, (await mine.GetSummaryAsync())!.AssigneeId);
    }

    [Fact]
    public async Task With_return_to_queue_an_offline_agents_open_conversations_go_back_and_are_reassigned()
    {
        var world = await new RoutingWorld(fixture).SetUpAsync();
        await world.SettingsAsync(s => s with { ReturnToQueueWhenOffline = true });
        var ana = await world.AgentAsync("Ana");
        var conversation = await world.CustomerWritesAsync("Hello");
        await RoutingWorld.UntilAsync(async () => (await conversation.GetSummaryAsync())!.AssigneeId == ana);

        var ben = await world.AgentAsync("Ben", connected: false);
        await world.Agent(ana).SetPresenceAsync(AgentPresence.Offline);
        await RoutingWorld.UntilAsync(async () => (await conversation.GetSummaryAsync())!.AssigneeId is null);
        Assert.Contains("Returned to the queue: Ana went offline", await RoutingWorld.NoticesAsync(conversation));

        await world.ConnectAsync(ben);
        await RoutingWorld.UntilAsync(async () => (await conversation.GetSummaryAsync())!.AssigneeId == ben);
    }

    [Fact]
    public async Task Racing_arrivals_and_agents_coming_and_going_never_assign_a_conversation_twice_or_overfill_an_agent()
    {
        const int Conversations = 1_000;
        const int Agents = 20;
        const int Capacity = 30;
        var world = await new RoutingWorld(fixture).SetUpAsync();
        await world.SettingsAsync(s => s with { DefaultCapacity = Capacity });
        var agents = new List<string>();
        for (var i = 0; i < Agents; i++)
        {
            agents.Add(await world.AgentAsync($"Agent {i:00}", connected: false));
        }

        // Agents flap between online, away and offline while customers pour in; bounded in time.
        using var stop = new CancellationTokenSource();
        var flapping = agents.Select(async (agent, i) =>
        {
            var random = new Random(i);
            await world.ConnectAsync(agent);
            while (!stop.IsCancellationRequested)
            {
                await world.Agent(agent).SetPresenceAsync((AgentPresence)random.Next(3));
                await Task.Delay(random.Next(5, 40));
            }
        }).ToList();
        // Concurrent, 100 in flight at a time: all at once only queues work past Orleans' 30 s call timeout on 2 cores.
        using var inFlight = new SemaphoreSlim(100);
        var arrivals = Enumerable.Range(0, Conversations).Select(async i =>
        {
            await inFlight.WaitAsync();
            try
            {
                await world.CustomerWritesAsync($"Customer {i} needs help");
            }
            finally
            {
                inFlight.Release();
            }
        }).ToList();
        await Task.WhenAll(arrivals);
        await stop.CancelAsync();
        await Task.WhenAll(flapping);

        foreach (var agent in agents)
        {
            await world.Agent(agent).SetPresenceAsync(AgentPresence.Online);
        }

        await RoutingWorld.UntilAsync(async () => (await world.StoredAsync()).Count(c => c.AssigneeId is not null) == Agents * Capacity, seconds: 90);
        await RoutingWorld.UntilAsync(async () => (await world.Routing.GetQueueAsync()).Count == Conversations - (Agents * Capacity));

        var stored = await world.StoredAsync();
        Assert.Equal(Conversations, stored.Count);
        Assert.Equal(Agents * Capacity, stored.Count(c => c.AssigneeId is not null));
        Assert.All(stored.GroupBy(c => c.AssigneeId).Where(g => g.Key is not null), g => Assert.True(g.Count() <= Capacity, $"{g.Key} holds {g.Count()}"));

        // Exactly once: every assigned conversation has one assignment notice, every waiting one none.
        var notices = await Task.WhenAll(stored.Select(async c => (c, await RoutingWorld.NoticesAsync(world.Conversation(c.ConversationId)))));
        Assert.All(notices, n => Assert.Equal(n.c.AssigneeId is null ? 0 : 1, n.Item2.Count(t => t.StartsWith("Assigned to", StringComparison.Ordinal))));
        Assert.Equal(Conversations - (Agents * Capacity), (await world.Routing.GetQueueAsync()).Count);
    }
}
