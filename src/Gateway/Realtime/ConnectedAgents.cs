using System.Collections.Concurrent;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Security;
using Inbox.Gateway.Session;
using Microsoft.AspNetCore.SignalR;

namespace Inbox.Gateway.Realtime;

/// <summary>
/// The signed-in users connected to this gateway's inbox hub, each connection with the session it was opened in: the
/// relay asks it who may see an event, and cuts connections when a user's access changes or a session ends.
/// </summary>
public sealed class ConnectedAgents
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Agent>> _organisations = new();
    private readonly Lock _changes = new();

    /// <summary>Records a connection of <paramref name="user"/>; the newest connection's access stands for all of theirs.</summary>
    public void Add(CurrentUser user, HubCallerContext connection)
    {
        lock (_changes)
        {
            var agents = _organisations.GetOrAdd(user.OrganisationId, _ => new());
            var agent = agents.GetOrAdd(user.UserId, _ => new Agent());
            agent.Caller = user.ToCaller(null);
            agent.Connections[connection.ConnectionId] = (connection, user);
        }
    }

    /// <summary>Forgets a connection.</summary>
    public void Remove(string organisationId, string userId, string connectionId)
    {
        lock (_changes)
        {
            if (_organisations.TryGetValue(organisationId, out var agents) && agents.TryGetValue(userId, out var agent)
                && agent.Connections.TryRemove(connectionId, out _) && agent.Connections.IsEmpty)
            {
                agents.TryRemove(userId, out _);
            }
        }
    }

    /// <summary>The SignalR groups of the connected users who may see <paramref name="conversation"/>.</summary>
    public IReadOnlyList<string> GroupsThatMayRead(ConversationSummary conversation)
    {
        if (!_organisations.TryGetValue(conversation.OrganisationId, out var agents))
        {
            return [];
        }

        var groups = new List<string>();
        foreach (var (userId, agent) in agents)
        {
            if (ConversationAccess.MayRead(agent.Caller, conversation))
            {
                groups.Add(Audience.Agent(conversation.OrganisationId, userId));
            }
        }

        return groups;
    }

    /// <summary>
    /// Closes the user's connections (only those of <paramref name="sessionId"/> when given); their clients reconnect,
    /// and are refused or get their new access.
    /// </summary>
    public void Disconnect(string organisationId, string userId, string? sessionId = null)
    {
        if (_organisations.TryGetValue(organisationId, out var agents) && agents.TryGetValue(userId, out var agent))
        {
            foreach (var (connection, session) in agent.Connections.Values)
            {
                if (sessionId is null || session.SessionId == sessionId)
                {
                    connection.Abort();
                }
            }
        }
    }

    /// <summary>The SignalR groups of every user of <paramref name="organisationId"/> connected here.</summary>
    public IReadOnlyList<string> GroupsOf(string organisationId) =>
        _organisations.TryGetValue(organisationId, out var agents) ? [.. agents.Keys.Select(userId => Audience.Agent(organisationId, userId))] : [];

    /// <summary>This gateway's id in its reports of connections (see <see cref="PresenceReporter"/>).</summary>
    public string GatewayId { get; } = GrainKeys.NewId("gw");

    /// <summary>Every user with a connection here, with the ids of their connections.</summary>
    public IEnumerable<(string OrganisationId, string UserId, IReadOnlyList<string> ConnectionIds)> Connections =>
        _organisations.SelectMany(o => o.Value.Select(a => (o.Key, a.Key, (IReadOnlyList<string>)[.. a.Value.Connections.Keys])));

    /// <summary>Every session with a connection here, once each.</summary>
    public IReadOnlyList<CurrentUser> Sessions =>
        _organisations.Values.SelectMany(agents => agents.Values).SelectMany(agent => agent.Connections.Values.Select(c => c.Session))
            .DistinctBy(session => (session.OrganisationId, session.UserId, session.SessionId)).ToList();

    private sealed class Agent
    {
        public Caller Caller { get; set; } = null!;

        public ConcurrentDictionary<string, (HubCallerContext Connection, CurrentUser Session)> Connections { get; } = new();
    }
}
