using Inbox.Contracts.Agents;
using Inbox.Contracts.Audit;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Grains;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Organisations;
using Inbox.Contracts.Routing;
using Inbox.Contracts.Security;
using Inbox.Contracts.Users;
using Inbox.Contracts.Wallboard;
using Inbox.Grains.Audit;
using Inbox.Grains.Conversations;
using Inbox.Grains.Storage;
using Inbox.Grains.Users;
using Inbox.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Grains.Routing;

/// <summary>
/// An organisation's router (docs/routing.md). Its view — every unresolved conversation's ticket and every agent's
/// presence and capacity — is live state, rebuilt from the conversation list and the agent grains when it activates
/// and re-read from the list every few minutes, so nothing depends on it surviving. Decisions are made one at a time
/// on that view and sent to the conversation with the revision they were made on; the conversation applies a decision
/// only if it is still at that revision and waiting, so two racing events can never assign a conversation twice. A
/// decision counts against the agent's load from the moment it is made, so no agent is sent more than their capacity.
/// </summary>
public sealed partial class RoutingGrain(
    [PersistentState(stateName: "routing", storageName: GrainStorage.Name)] IPersistentState<RoutingState> state,
    ConversationIndex index,
    UserDirectory users,
    AuditTrail audit,
    IOptions<RoutingOptions> options,
    TimeProvider time,
    ILogger<RoutingGrain> logger) : Grain, IRoutingGrain, IRemindable
{
    private const string KeepAliveReminder = "keep-alive";
    private const int MaxLongWaitsShown = 50;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly SortedSet<Entry> _waiting = new(WaitOrder.Instance);
    private readonly Dictionary<string, AgentStatus> _agents = new(StringComparer.Ordinal);
    private readonly List<string> _rotation = [];
    private readonly Dictionary<string, int> _load = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _alerted = new(StringComparer.Ordinal);
    private string _organisationId = "";
    private string? _lastAssigned;
    private long _heard;
    private bool _retryOnTick;
    private bool _wallboardStale = true;
    private long _wallboardVersion;

    private RoutingSettings Settings => state.RecordExists ? state.State.Settings : RoutingSettings.Default;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _organisationId = this.GetPrimaryKeyString();
        await ReadConversationsAsync(cancellationToken);
        var profiles = await users.ListAsync(_organisationId, cancellationToken);
        await AskAgentsAsync(profiles.Where(p => p.Status == UserStatus.Active).Select(p => p.UserId));

        var o = options.Value;
        this.RegisterGrainTimer(static (self, _) => self.TickAsync(), this, new GrainTimerCreationOptions(o.TickInterval, o.TickInterval));
        this.RegisterGrainTimer(static (self, _) => self.PushWallboardAsync(), this, new GrainTimerCreationOptions(TimeSpan.Zero, o.WallboardInterval));
        this.RegisterGrainTimer(static (self, ct) => self.ReconcileAsync(ct), this, new GrainTimerCreationOptions(o.ReconcileInterval, o.ReconcileInterval));

        // Brings the router back after its silo dies, so waiting customers are assigned and long waits alerted without
        // anyone calling it first.
        await this.RegisterOrUpdateReminder(KeepAliveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), cancellationToken);
        Dispatch();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    public Task ConversationChangedAsync(RoutingTicket ticket)
    {
        Apply(ticket);
        Dispatch();
        return Task.CompletedTask;
    }

    public Task AgentChangedAsync(AgentStatus agent)
    {
        UpdateAgent(agent);
        Dispatch();
        return Task.CompletedTask;
    }

    public Task<RoutingSettings> GetSettingsAsync() => Task.FromResult(Settings);

    public async Task<RoutingSettings> SaveSettingsAsync(RoutingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var organisation = await GrainFactory.Get<IOrganisationGrain>(_organisationId).GetAsync()
            ?? throw new ArgumentException($"There is no organisation '{_organisationId}'.");
        var active = (await users.ListAsync(_organisationId)).Where(u => u.Status == UserStatus.Active).Select(u => u.UserId).ToHashSet(StringComparer.Ordinal);
        if (RoutingRules.Validate(settings, organisation, active.Contains) is { } problem)
        {
            throw new ArgumentException(problem, nameof(settings));
        }

        var before = Settings;
        state.State = new RoutingState { Settings = settings };
        await state.WriteStateAsync();
        await audit.RecordAsync(_organisationId, AuditActions.RoutingChanged, AuditSubjects.Routing, _organisationId, before, settings);
        _wallboardStale = true;
        Dispatch();
        return settings;
    }

    public Task<IReadOnlyList<RoutingTicket>> GetQueueAsync() =>
        Task.FromResult<IReadOnlyList<RoutingTicket>>(_entries.Values.Where(e => e.Ticket.IsWaiting).Order(WaitOrder.Instance).Select(e => e.Ticket with { Facts = null }).ToList());

    public Task<IReadOnlyDictionary<string, int>> GetLoadsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int>(_load.Where(l => l.Value > 0)));

    public Task<WallboardSnapshot> GetWallboardAsync() => Task.FromResult(Snapshot());

    /// <summary>Takes in what a conversation says of itself, unless routing already has a newer revision.</summary>
    private void Apply(RoutingTicket ticket, bool fromList = false)
    {
        if (_entries.TryGetValue(ticket.ConversationId, out var entry))
        {
            if (ticket.Revision < entry.Ticket.Revision || (fromList && ticket.Revision == entry.Ticket.Revision))
            {
                return;
            }

            Unindex(entry);
        }
        else
        {
            if (ticket.Status == ConversationStatus.Resolved)
            {
                return;
            }

            entry = new Entry(ticket.ConversationId) { Ticket = ticket };
            _entries[ticket.ConversationId] = entry;
        }

        // What the rules look at comes once, when the conversation starts waiting, and stays until they are tried.
        entry.Ticket = ticket with { Facts = ticket.Facts ?? (ticket.IsWaiting ? entry.Ticket.Facts : null) };
        entry.HeardAt = ++_heard;
        if (ticket.Status == ConversationStatus.Resolved && !entry.InFlight)
        {
            _entries.Remove(ticket.ConversationId);
        }
        else
        {
            Index(entry);
        }

        _wallboardStale = true;
    }

    private void UpdateAgent(AgentStatus agent)
    {
        var before = _agents.GetValueOrDefault(agent.UserId);
        _agents[agent.UserId] = agent;
        var at = _rotation.BinarySearch(agent.UserId, StringComparer.Ordinal);
        if (at < 0)
        {
            _rotation.Insert(~at, agent.UserId);
        }

        _wallboardStale = true;
        if (before is { Presence: not AgentPresence.Offline } && agent.Presence == AgentPresence.Offline && Settings.ReturnToQueueWhenOffline)
        {
            foreach (var entry in _entries.Values.Where(e => e.Ticket.AssigneeId == agent.UserId && e.Ticket.CountsAsLoad && !e.InFlight).ToList())
            {
                _ = ReturnToQueueAsync(entry.ConversationId, agent.UserId);
            }
        }
    }

    /// <summary>
    /// Serves the queue in order — priority, then longest wait — while agents have room: each waiting conversation
    /// first meets the rules (once), then goes to the rule's agent or the next eligible agent in rotation.
    /// </summary>
    private void Dispatch()
    {
        if (_waiting.Count == 0)
        {
            return;
        }

        var settings = Settings;
        var anyRoom = settings.AutoAssign && _agents.Values.Any(a => a.Active && a.Presence == AgentPresence.Online && Load(a.UserId) < Capacity(a));
        foreach (var entry in _waiting.ToList())
        {
            var ticket = entry.Ticket;
            var rule = ticket.Facts is { } facts ? RoutingRules.FirstMatch(settings.Rules, ticket, facts) : null;
            var team = rule?.Then.TeamId ?? ticket.TeamId;
            var priority = rule?.Then.Priority is { } p && p != ticket.Priority ? p : (ConversationPriority?)null;
            AgentStatus? agent = null;
            if (anyRoom)
            {
                agent = rule?.Then.AgentId is { } preferred && _agents.TryGetValue(preferred, out var chosen) && IsFree(chosen) ? chosen : NextAgent(ticket.ChannelId, team);
            }

            if (agent is null && team == ticket.TeamId && priority is null)
            {
                if (ticket.Facts is not null)
                {
                    // The rules had their say (nothing to change); from now on it waits for whoever frees up.
                    Unindex(entry);
                    entry.Ticket = ticket with { Facts = null };
                    Index(entry);
                }

                continue;
            }

            var decision = new RoutingDecision(ticket.Revision, agent?.UserId, agent?.Name, team == ticket.TeamId ? null : team, priority, rule?.Name);
            Unindex(entry);
            entry.InFlight = true;
            entry.Ticket = ticket with
            {
                AssigneeId = agent?.UserId,
                TeamId = team,
                Priority = priority ?? ticket.Priority,
                WaitingSince = agent is null ? ticket.WaitingSince : null,
                Facts = null,
            };
            Index(entry);
            if (agent is not null)
            {
                _lastAssigned = agent.UserId;
                anyRoom = _agents.Values.Any(a => a.Active && a.Presence == AgentPresence.Online && Load(a.UserId) < Capacity(a));
            }

            _ = SendAsync(entry, decision, ticket);
        }
    }

    // Round robin: the first eligible agent after the one assigned last, in a fixed order.
    private AgentStatus? NextAgent(string channelId, string? teamId)
    {
        if (_rotation.Count == 0)
        {
            return null;
        }

        var start = _lastAssigned is null ? 0 : _rotation.BinarySearch(_lastAssigned, StringComparer.Ordinal) is var at && at >= 0 ? at + 1 : ~at;
        for (var i = 0; i < _rotation.Count; i++)
        {
            var agent = _agents[_rotation[(start + i) % _rotation.Count]];
            if (IsFree(agent) && (teamId is not null ? agent.Teams.Contains(teamId) : agent.Channels.Contains(channelId)))
            {
                return agent;
            }
        }

        return null;
    }

    private bool IsFree(AgentStatus agent) => agent.Active && agent.Presence == AgentPresence.Online && Load(agent.UserId) < Capacity(agent);

    private int Capacity(AgentStatus agent) => agent.OwnCapacity ?? Settings.DefaultCapacity;

    private int Load(string userId) => _load.GetValueOrDefault(userId);

    private async Task SendAsync(Entry entry, RoutingDecision decision, RoutingTicket before)
    {
        RoutingOutcome? outcome = null;
        try
        {
            // The decision is the router's own, not that of whoever's request set it off.
            CallerContext.Clear();
            outcome = await GrainFactory.Get<IConversationGrain>(GrainKeys.Compose(_organisationId, entry.ConversationId)).RouteAsync(decision);
        }
        catch (Exception e)
        {
            LogRouteFailed(e, entry.ConversationId);
        }

        Unindex(entry);
        entry.InFlight = false;
        if (outcome is not null && outcome.Ticket.Revision >= entry.Ticket.Revision)
        {
            entry.Ticket = outcome.Ticket;
        }
        else if (outcome is null && entry.Ticket.Revision == before.Revision)
        {
            // Unknown whether it was applied: back to waiting; if it was, the retry's stale revision is refused and the
            // conversation's answer puts the view right.
            entry.Ticket = before;
            _retryOnTick = true;
        }

        if (entry.Ticket.Status == ConversationStatus.Resolved)
        {
            _entries.Remove(entry.ConversationId);
        }
        else
        {
            Index(entry);
        }

        _wallboardStale = true;
        if (outcome is not null)
        {
            Dispatch();
        }
    }

    private async Task ReturnToQueueAsync(string conversationId, string agentId)
    {
        try
        {
            CallerContext.Clear();
            await GrainFactory.Get<IConversationGrain>(GrainKeys.Compose(_organisationId, conversationId)).ReturnToQueueAsync(agentId);
        }
        catch (Exception e)
        {
            LogRouteFailed(e, conversationId);
        }
    }

    private void Index(Entry entry)
    {
        if (entry.Ticket.IsWaiting && !entry.InFlight)
        {
            _waiting.Add(entry);
        }

        if (entry.Ticket.CountsAsLoad)
        {
            _load[entry.Ticket.AssigneeId!] = Load(entry.Ticket.AssigneeId!) + 1;
        }
    }

    private void Unindex(Entry entry)
    {
        _waiting.Remove(entry);
        if (entry.Ticket.CountsAsLoad)
        {
            _load[entry.Ticket.AssigneeId!] = Load(entry.Ticket.AssigneeId!) - 1;
        }
    }

    private async Task TickAsync()
    {
        // While customers wait, the router stays: their alerts and assignments must not wait for the keep-alive.
        if (_waiting.Count > 0)
        {
            this.DelayDeactivation(TimeSpan.FromMinutes(5));
        }

        if (_retryOnTick)
        {
            _retryOnTick = false;
            Dispatch();
        }

        // Each customer is alerted once per wait; a wait that ended (or restarted) is forgotten.
        var now = time.GetUtcNow();
        var threshold = now - Settings.WaitAlertAfter;
        foreach (var ended in _alerted.Where(a => !_entries.TryGetValue(a.Key, out var e) || !e.Ticket.IsWaiting || e.Ticket.WaitingSince != a.Value).Select(a => a.Key).ToList())
        {
            _alerted.Remove(ended);
        }

        var wallboard = GrainFactory.Get<IWallboardGrain>(_organisationId);
        foreach (var entry in _entries.Values)
        {
            if (entry.Ticket is { IsWaiting: true, WaitingSince: { } since } ticket && since <= threshold && _alerted.TryAdd(entry.ConversationId, since))
            {
                await wallboard.AlertAsync(Alert(ticket));
                _wallboardStale = true;
            }
        }
    }

    private Task PushWallboardAsync()
    {
        if (_wallboardStale)
        {
            _wallboardStale = false;
            return GrainFactory.Get<IWallboardGrain>(_organisationId).UpdateAsync(Snapshot());
        }

        return Task.CompletedTask;
    }

    /// <summary>Re-reads the conversation list and asks the agents it counts as working, so a missed notice costs minutes at most.</summary>
    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ReadConversationsAsync(cancellationToken);
            await AskAgentsAsync(_agents.Values.Where(a => a.Presence != AgentPresence.Offline).Select(a => a.UserId).ToList());
            Dispatch();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogReconcileFailed(e, _organisationId);
        }
    }

    private async Task ReadConversationsAsync(CancellationToken cancellationToken)
    {
        var asOf = _heard;
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var summary in await index.ListUnresolvedAsync(_organisationId, cancellationToken))
        {
            listed.Add(summary.ConversationId);
            Apply(RoutingTicket.From(summary), fromList: true);
        }

        // Not in the list of unresolved conversations, and not heard of since the list was asked for: resolved.
        foreach (var gone in _entries.Values.Where(e => !listed.Contains(e.ConversationId) && !e.InFlight && e.HeardAt <= asOf).ToList())
        {
            Unindex(gone);
            _entries.Remove(gone.ConversationId);
            _wallboardStale = true;
        }
    }

    private async Task AskAgentsAsync(IEnumerable<string> userIds)
    {
        var asked = await Task.WhenAll(userIds.Select(async id =>
        {
            try
            {
                return await GrainFactory.Get<IAgentGrain>(GrainKeys.Compose(_organisationId, id)).GetForRoutingAsync();
            }
            catch (Exception e)
            {
                LogAgentUnreachable(e, id);
                return null;
            }
        }));
        foreach (var agent in asked.OfType<AgentStatus>())
        {
            UpdateAgent(agent);
        }
    }

    private WallboardSnapshot Snapshot()
    {
        var now = time.GetUtcNow();
        var tickets = _entries.Values.Select(e => e.Ticket).ToList();
        var waiting = tickets.Where(t => t.IsWaiting).ToList();
        var threshold = now - Settings.WaitAlertAfter;
        _wallboardVersion = Math.Max(_wallboardVersion + 1, now.ToUnixTimeMilliseconds());
        return new WallboardSnapshot(
            _organisationId,
            _wallboardVersion,
            now,
            waiting.Count,
            waiting.Min(t => t.WaitingSince),
            tickets.Count(t => t.Status == ConversationStatus.Open && t.AssigneeId is not null),
            tickets.Count(t => t.Status == ConversationStatus.Pending),
            tickets.Count(t => t.Status == ConversationStatus.Snoozed),
            _agents.Values.Where(a => a.Active).OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase)
                .Select(a => new AgentLoad(a.UserId, a.Name, a.Presence, Load(a.UserId), Capacity(a))).ToList(),
            waiting.Where(t => t.WaitingSince <= threshold).OrderBy(t => t.WaitingSince).Take(MaxLongWaitsShown)
                .Select(Alert).ToList());
    }

    private static WaitAlert Alert(RoutingTicket waiting) =>
        new(waiting.ConversationId, waiting.ChannelId, waiting.WaitingSince!.Value, waiting.Priority, waiting.TeamId, waiting.ContactName ?? "");

    [LoggerMessage(EventId = 4501, Level = LogLevel.Warning, Message = "Routing could not reach conversation {Conversation}; it tries again")]
    private partial void LogRouteFailed(Exception exception, string conversation);

    [LoggerMessage(EventId = 4502, Level = LogLevel.Warning, Message = "Routing could not re-read the conversations of {OrganisationId}; it tries again at the next round")]
    private partial void LogReconcileFailed(Exception exception, string organisationId);

    [LoggerMessage(EventId = 4503, Level = LogLevel.Warning, Message = "Routing could not ask agent {Agent} how they are")]
    private partial void LogAgentUnreachable(Exception exception, string agent);

    /// <summary>Routing's view of one unresolved conversation.</summary>
    private sealed class Entry(string conversationId)
    {
        public string ConversationId { get; } = conversationId;

        public required RoutingTicket Ticket { get; set; }

        /// <summary>A decision about it is on its way to the conversation.</summary>
        public bool InFlight { get; set; }

        /// <summary>When routing last heard of it (a counter, not a time).</summary>
        public long HeardAt { get; set; }
    }

    /// <summary>The queue's order: higher priority first, then the longest wait, then the id (so the order is total).</summary>
    private sealed class WaitOrder : IComparer<Entry>
    {
        public static readonly WaitOrder Instance = new();

        public int Compare(Entry? x, Entry? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            var byPriority = y!.Ticket.Priority.CompareTo(x!.Ticket.Priority);
            if (byPriority != 0)
            {
                return byPriority;
            }

            var byWait = Nullable.Compare(x.Ticket.WaitingSince, y.Ticket.WaitingSince);
            return byWait != 0 ? byWait : string.CompareOrdinal(x.ConversationId, y.ConversationId);
        }
    }
}
