using Inbox.Contracts.Agents;
using Inbox.Contracts.Conversations;

namespace Inbox.Contracts.Wallboard;

/// <summary>The supervisors' live view of an organisation. Every figure is derived from stored state (see docs/routing.md).</summary>
/// <param name="OrganisationId">The organisation.</param>
/// <param name="Version">Grows with every snapshot, so a client keeps only the newest.</param>
/// <param name="At">When it was taken.</param>
/// <param name="Waiting">Customers waiting for an agent: open conversations nobody is assigned to.</param>
/// <param name="LongestWaitingSince">When the longest-waiting of them began waiting; null when nobody waits.</param>
/// <param name="Open">Open conversations with an agent.</param>
/// <param name="Pending">Conversations waiting on the customer.</param>
/// <param name="Snoozed">Snoozed conversations.</param>
/// <param name="Agents">Every active agent: presence, load and capacity.</param>
/// <param name="LongWaits">Waiting conversations past the alert threshold, longest first.</param>
[GenerateSerializer, Immutable, Alias("inbox.wallboard-snapshot.v1")]
public sealed record WallboardSnapshot(
    [property: Id(0)] string OrganisationId,
    [property: Id(1)] long Version,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] int Waiting,
    [property: Id(4)] DateTimeOffset? LongestWaitingSince,
    [property: Id(5)] int Open,
    [property: Id(6)] int Pending,
    [property: Id(7)] int Snoozed,
    [property: Id(8)] IReadOnlyList<AgentLoad> Agents,
    [property: Id(9)] IReadOnlyList<WaitAlert> LongWaits)
{
    /// <summary>How many agents are online.</summary>
    public int AgentsOnline => Agents.Count(a => a.Presence == AgentPresence.Online);

    /// <summary>How many agents are away.</summary>
    public int AgentsAway => Agents.Count(a => a.Presence == AgentPresence.Away);
}

/// <summary>One agent's line on the wallboard.</summary>
/// <param name="UserId">The agent.</param>
/// <param name="Name">Their name.</param>
/// <param name="Presence">Online, away or offline.</param>
/// <param name="Load">Open and pending conversations assigned to them.</param>
/// <param name="Capacity">The most they take.</param>
[GenerateSerializer, Immutable, Alias("inbox.agent-load.v1")]
public sealed record AgentLoad(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] AgentPresence Presence,
    [property: Id(3)] int Load,
    [property: Id(4)] int Capacity);

/// <summary>A customer who has waited past the organisation's threshold.</summary>
/// <param name="ConversationId">The conversation.</param>
/// <param name="ChannelId">Its channel.</param>
/// <param name="WaitingSince">Since when they wait.</param>
/// <param name="Priority">Its priority.</param>
/// <param name="TeamId">Its team, if any.</param>
/// <param name="ContactName">The customer's name.</param>
[GenerateSerializer, Immutable, Alias("inbox.wait-alert.v1")]
public sealed record WaitAlert(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] string ChannelId,
    [property: Id(2)] DateTimeOffset WaitingSince,
    [property: Id(3)] ConversationPriority Priority,
    [property: Id(4)] string? TeamId,
    [property: Id(5)] string ContactName = "");
