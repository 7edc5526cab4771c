using Inbox.Contracts.Conversations;
using Inbox.Contracts.Wallboard;

namespace Inbox.Grains.Tests.Routing;

/// <summary>What must survive the silo going down: snoozes, the queue, the wallboard.</summary>
[Collection(RestartableGrainCluster.Name)]
public sealed class RestartTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task A_snoozed_conversation_wakes_up_after_a_silo_restart()
    {
        var world = await new RoutingWorld(fixture).SetUpAsync();
        var conversation = await world.CustomerWritesAsync("Remind me in a few seconds");
        await conversation.SetStatusAsync(ConversationStatus.Snoozed, fixture.Time.GetUtcNow().AddSeconds(4));

        await RestartSiloAsync();

        // The silo's reminder fires on real time; the grains' clock is the test's, moved on to match.
        fixture.Time.Advance(TimeSpan.FromSeconds(5));
        conversation = world.Conversation((await world.StoredAsync()).Single().ConversationId);
        await RoutingWorld.UntilAsync(async () => (await world.StoredAsync()).Single().Status == ConversationStatus.Open, seconds: 60);
        Assert.Equal("Snooze ended", (await RoutingWorld.NoticesAsync(conversation))[^1]);
    }

    [Fact]
    public async Task After_a_restart_the_queue_and_the_wallboard_are_rebuilt_from_storage_and_waiting_customers_are_assigned()
    {
        var world = await new RoutingWorld(fixture).SetUpAsync();
        var ana = await world.AgentAsync("Ana", capacity: 4);
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => world.CustomerWritesAsync($"Before the restart {i}")));
        await RoutingWorld.UntilAsync(async () => (await world.StoredAsync()).Count(c => c.AssigneeId == ana) == 4);
        await WallboardTests.AssertMatchesRecountAsync(world, fixture);

        await RestartSiloAsync();

        await WallboardTests.AssertMatchesRecountAsync(world, fixture);
        var board = await fixture.Inside.GetGrain<IWallboardGrain>(world.OrganisationId).GetAsync();
        Assert.Equal(8, board.Waiting);
        Assert.Equal(8, (await world.Routing.GetQueueAsync()).Count);

        // Nobody is lost: a new agent after the restart takes the waiting customers.
        var ben = await world.AgentAsync("Ben", capacity: 10);
        await RoutingWorld.UntilAsync(async () => (await world.StoredAsync()).Count(c => c.AssigneeId == ben) == 8);
        await WallboardTests.AssertMatchesRecountAsync(world, fixture);
    }

    private async Task RestartSiloAsync()
    {
        await fixture.Cluster.RestartSiloAsync(fixture.Cluster.Silos[0]);
        await fixture.Cluster.WaitForLivenessToStabilizeAsync();
    }
}
