using System.Diagnostics;
using Inbox.Contracts.Channels;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Messages;
using Inbox.Contracts.Organisations;
using Inbox.Contracts.Routing;
using Inbox.Contracts.Users;
using Inbox.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Agents = Inbox.Contracts.Agents;

namespace Inbox.Bench;

internal static partial class Bench
{
    private const string RoutingOrganisation = "bench-routing";
    private const string RoutingChannel = "web";

    /// <summary>
    /// Routing: <see cref="BenchOptions.RoutingAgents"/> agents online, a backlog of
    /// <see cref="BenchOptions.RoutingConversations"/> waiting customers, then automatic assignment switched on: how many
    /// assignments a second the organisation's router gets stored (each one the conversation's state, its chat notice,
    /// the audit entry and the list row). Only grains can create a thousand agents and bring them online without a
    /// thousand browser sign-ins, so this runs the real grains on an in-process silo over its own Azurite, beside
    /// that Azurite's own insert rate.
    /// </summary>
    private static async Task<Row> RoutingAsync(BenchOptions options, TextWriter log)
    {
        await using var azurite = await Azurite.StartAsync(inMemory: true);

        // Sign-in is not what is measured: one hashing round keeps creating a thousand users quick.
        await using var cluster = InProcessSilo.Build(azurite, "bench-routing", services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1));
        await cluster.DeployAsync();
        var grains = cluster.GetSiloServiceProvider().GetRequiredService<IGrainFactory>();

        var organisation = grains.GetGrain<IOrganisationGrain>(RoutingOrganisation);
        await organisation.EnsureAsync("Routing bench");
        await organisation.AddChannelAsync(RoutingChannel);
        var routing = grains.GetGrain<IRoutingGrain>(RoutingOrganisation);
        var capacity = Math.Max(1, (int)Math.Ceiling((double)options.RoutingConversations / options.RoutingAgents));
        var settings = RoutingSettings.Default with { AutoAssign = false, DefaultCapacity = capacity };
        await routing.SaveSettingsAsync(settings);

        log.WriteLine($"  {options.RoutingAgents} agents coming online");
        await Load.ForEachAsync(options.Workers, options.RoutingAgents, async i =>
        {
            var userId = $"u_agent{i:00000}";
            var key = GrainKeys.Compose(RoutingOrganisation, userId);
            await grains.GetGrain<IUserGrain>(key).CreateAsync(new NewUser($"Agent {i}", $"{userId}@bench.test", UserRole.Agent, "bench-password", [], [RoutingChannel]));
            await grains.GetGrain<Agents.IAgentGrain>(key).HeartbeatAsync("bench-gateway", [$"connection-{i}"]);
        });
        await WaitAsync(async () => (await routing.GetWallboardAsync()).AgentsOnline == options.RoutingAgents, TimeSpan.FromSeconds(60));

        log.WriteLine($"  {options.RoutingConversations} customers waiting");
        await Load.ForEachAsync(options.Workers, options.RoutingConversations, async i =>
        {
            var visitor = $"v{i:000000}";
            var identity = grains.GetGrain<IChannelIdentityGrain>(GrainKeys.Compose(RoutingOrganisation, RoutingChannel, visitor));
            var current = await identity.ResolveConversationAsync(Platform.WebChat, $"Customer {i}");
            await CustomerMessages.ReceiveAsync(grains, RoutingOrganisation, identity, current, Platform.WebChat, $"Customer {i}", new InboundMessage($"m{i}", "I need help"));
        });
        await WaitAsync(async () => (await routing.GetQueueAsync()).Count == options.RoutingConversations, TimeSpan.FromSeconds(60));

        log.WriteLine("  assignment switched on");
        var list = grains.GetGrain<IConversationIndexGrain>(RoutingOrganisation);
        var clock = Stopwatch.StartNew();
        await routing.SaveSettingsAsync(settings with { AutoAssign = true });
        var assigned = await WaitAsync(
            async () => (await list.ListAsync(new ConversationQuery(ConversationStatus.Open, options.RoutingConversations))).Count(c => c.AssigneeId is not null) == options.RoutingConversations,
            TimeSpan.FromMinutes(5));
        var elapsed = clock.Elapsed;
        var loads = await routing.GetLoadsAsync();
        if (!assigned || loads.Values.Sum() != options.RoutingConversations || loads.Values.Max() > capacity)
        {
            throw new InvalidOperationException($"Routing did not assign every conversation within its agents' capacity: {loads.Values.Sum()} of {options.RoutingConversations} assigned.");
        }

        var concurrentInserts = await AzuriteInsertsAsync(azurite.ConnectionString, options.Phase / 4, options.Workers);
        await cluster.StopAllSilosAsync();
        var rate = options.RoutingConversations / elapsed.TotalSeconds;
        return new Row(
            $"routing: assignments/s with {options.RoutingAgents:N0} agents online ({options.RoutingConversations:N0} waiting customers, round robin)",
            [new("assignments", rate, "/s"), new("all assigned after", elapsed.TotalMilliseconds, "ms")],
            [new("Azurite inserts, concurrent (an assignment stores 3 entities and a share of an audit block)", concurrentInserts, "/s")],
            "none set; a new conversation is assigned within a second",
            null);
    }

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
