using Inbox.Contracts.Security;
using Inbox.Contracts.Users;
using Orleans.Concurrency;

namespace Inbox.Contracts.Agents;

/// <summary>
/// An agent at work: chosen presence, live connections, capacity. Key: <c>{organisationId}:{userId}</c>. Tells routing
/// whenever what routing sees of them changes.
/// </summary>
[Alias("inbox.IAgentGrain")]
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>The agent now. Throws <see cref="UserNotFoundException"/> for a key that names no user.</summary>
    [Alias("Get"), Requires(Permission.UsersRead)]
    Task<AgentStatus> GetAsync();

    /// <summary>
    /// The agent for routing, which adds the organisation's default capacity itself (<see cref="AgentStatus.Capacity"/>
    /// is 0 unless the agent has their own). Interleaves, so routing may ask while the agent is telling it something.
    /// Null for a key that names no user.
    /// </summary>
    [Alias("GetForRouting"), AlwaysInterleave]
    Task<AgentStatus?> GetForRoutingAsync();

    /// <summary>Sets the agent's own presence; only the agent may (or an admin).</summary>
    [Alias("SetPresence"), Requires(Permission.ConversationsRead)]
    Task<AgentStatus> SetPresenceAsync(AgentPresence presence);

    /// <summary>Sets how many open conversations the agent holds at most (null: the organisation's default).</summary>
    [Alias("SetCapacity"), Requires(Permission.UsersManage)]
    Task<AgentStatus> SetCapacityAsync(int? capacity);

    /// <summary>A gateway reports all of the agent's connections open on it right now (its heartbeat).</summary>
    [Alias("Heartbeat"), Requires(Permission.ServiceSessions)]
    Task HeartbeatAsync(string gatewayId, IReadOnlyList<string> connectionIds);

    /// <summary>A gateway reports that the agent opened a connection on it.</summary>
    [Alias("Connected"), Requires(Permission.ServiceSessions)]
    Task ConnectedAsync(string gatewayId, string connectionId);

    /// <summary>A gateway reports that one of the agent's connections closed.</summary>
    [Alias("Disconnected"), Requires(Permission.ServiceSessions)]
    Task DisconnectedAsync(string connectionId);

    /// <summary>The user's profile changed (name, teams, channels, deactivation). Fire and forget.</summary>
    [Alias("ProfileChanged"), OneWay]
    Task ProfileChangedAsync(UserProfile profile);
}
