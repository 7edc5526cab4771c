using Inbox.Contracts.Agents;

namespace Inbox.Grains.Agents;

/// <summary>What is kept of an agent between activations: their own choices, and whether they were connected.</summary>
[GenerateSerializer, Alias("inbox.agent-state.v1")]
public sealed class AgentState
{
    /// <summary>What the agent set themself to; a new agent is online as soon as they connect.</summary>
    [Id(0)] public AgentPresence ChosenPresence { get; set; } = AgentPresence.Online;

    /// <summary>Their own capacity; null for the organisation's default.</summary>
    [Id(1)] public int? Capacity { get; set; }

    /// <summary>Whether a connection was live when this was last written (written only when it flips).</summary>
    [Id(2)] public bool HadConnections { get; set; }
}
