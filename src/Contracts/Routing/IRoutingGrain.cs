using Inbox.Contracts.Agents;
using Inbox.Contracts.Security;
using Inbox.Contracts.Wallboard;
using Orleans.Concurrency;

namespace Inbox.Contracts.Routing;

/// <summary>
/// An organisation's router. Key: the organisation id. Holds the waiting queue (priority, then longest wait), each
/// agent's presence and load, and the rules; assigns waiting conversations to agents who may work them and have room.
/// Its live view is rebuilt from the conversation list and the agents on activation, so a restart loses nothing.
/// </summary>
[Alias("inbox.IRoutingGrain")]
public interface IRoutingGrain : IGrainWithStringKey
{
    /// <summary>A conversation's lifecycle changed (or it started waiting); an older revision than routing has is ignored.</summary>
    [Alias("ConversationChanged")]
    Task ConversationChangedAsync(RoutingTicket ticket);

    /// <summary>An agent's presence, capacity or profile changed.</summary>
    [Alias("AgentChanged")]
    Task AgentChangedAsync(AgentStatus agent);

    /// <summary>The settings and rules.</summary>
    [Alias("GetSettings"), ReadOnly, Requires(Permission.ConversationsRead)]
    Task<RoutingSettings> GetSettingsAsync();

    /// <summary>Replaces the settings and rules. Throws <see cref="ArgumentException"/> saying what is wrong with them.</summary>
    [Alias("SaveSettings"), Requires(Permission.SettingsManage)]
    Task<RoutingSettings> SaveSettingsAsync(RoutingSettings settings);

    /// <summary>The waiting conversations in the order they will be served.</summary>
    [Alias("GetQueue"), ReadOnly, Requires(Permission.ConversationsReadAll)]
    Task<IReadOnlyList<RoutingTicket>> GetQueueAsync();

    /// <summary>The wallboard's figures now, for a wallboard that has none yet.</summary>
    [Alias("GetWallboard"), ReadOnly]
    Task<WallboardSnapshot> GetWallboardAsync();

    /// <summary>Each agent's load now (open and pending conversations assigned to them).</summary>
    [Alias("GetLoads"), ReadOnly, Requires(Permission.ConversationsReadAll)]
    Task<IReadOnlyDictionary<string, int>> GetLoadsAsync();
}
