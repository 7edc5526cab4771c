namespace Inbox.Contracts.Agents;

/// <summary>Whether an agent takes new conversations.</summary>
public enum AgentPresence
{
    /// <summary>Not working: takes no new conversations.</summary>
    Offline = 0,

    /// <summary>Working: takes new conversations up to their capacity.</summary>
    Online = 1,

    /// <summary>Connected but away: keeps their conversations, takes no new ones.</summary>
    Away = 2,
}
