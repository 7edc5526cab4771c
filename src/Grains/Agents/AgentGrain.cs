using Inbox.Contracts.Agents;
using Inbox.Contracts.Audit;
using Inbox.Contracts.Events;
using Inbox.Contracts.Grains;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Routing;
using Inbox.Contracts.Security;
using Inbox.Contracts.Users;
using Inbox.Grains.Audit;
using Inbox.Hosting;
using Inbox.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Grains.Agents;

/// <summary>
/// An agent at work. Their chosen presence and capacity are stored; their connections are live, reported by the
/// gateways on connect and every heartbeat. An agent whose every connection is gone keeps their presence for a grace
/// period (a page reload, a network blip), then is offline until they connect again. Routing hears of every change
/// to what it sees of them, and the organisation's feed carries it to supervisors and the agent's own screens.
/// </summary>
public sealed partial class AgentGrain(
    [PersistentState(stateName: "agent", storageName: GrainStorage.Name)] IPersistentState<AgentState> state,
    AuditTrail audit,
    IOptions<RoutingOptions> options,
    TimeProvider time,
    ILogger<AgentGrain> logger) : Grain, IAgentGrain
{
    private readonly Dictionary<string, (string Gateway, DateTimeOffset SeenAt)> _connections = new(StringComparer.Ordinal);
    private OrganisationScoped _key;
    private UserProfile? _profile;
    private DateTimeOffset? _graceUntil;
    private AgentStatus? _reported;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = OrganisationScoped.Parse(this.GetPrimaryKeyString());

        // Connections were live when the last activation ended (a silo stopped): the gateways report them again within
        // a heartbeat; until the grace runs out the agent stays as they were.
        if (state.State.HadConnections)
        {
            _graceUntil = time.GetUtcNow() + options.Value.OfflineGrace;
        }

        var period = options.Value.HeartbeatInterval / 3;
        this.RegisterGrainTimer(static (self, _) => self.CheckConnectionsAsync(), this, new GrainTimerCreationOptions(period, period));
        return Task.CompletedTask;
    }

    public async Task<AgentStatus> GetAsync()
    {
        var status = await StatusAsync() ?? throw new UserNotFoundException(_key.Key);
        if (status.OwnCapacity is null)
        {
            var settings = await GrainFactory.Get<IRoutingGrain>(_key.OrganisationId).GetSettingsAsync();
            status = status with { Capacity = settings.DefaultCapacity };
        }

        return status;
    }

    public Task<AgentStatus?> GetForRoutingAsync() => StatusAsync();

    public async Task<AgentStatus> SetPresenceAsync(AgentPresence presence)
    {
        if (!Enum.IsDefined(presence))
        {
            throw new ArgumentException($"Unknown presence '{presence}'.", nameof(presence));
        }

        if (CallerContext.Current is { } caller && caller.Id != _key.Id && !caller.Has(Permission.UsersManage))
        {
            throw new AccessDeniedException("Agents set their own presence; only an admin sets someone else's.");
        }

        _ = await StatusAsync() ?? throw new UserNotFoundException(_key.Key);
        if (presence != state.State.ChosenPresence)
        {
            var before = state.State.ChosenPresence;
            state.State.ChosenPresence = presence;
            await state.WriteStateAsync();
            await audit.RecordAsync(_key.OrganisationId, AuditActions.AgentPresenceChanged, AuditSubjects.Agent, _key.Id,
                before: new { Presence = before }, after: new { Presence = presence });
            await ReportAsync();
        }

        return await GetAsync();
    }

    public async Task<AgentStatus> SetCapacityAsync(int? capacity)
    {
        if (capacity is < 1 or > RoutingSettings.MaxCapacity)
        {
            throw new ArgumentException($"capacity must be between 1 and {RoutingSettings.MaxCapacity}, or null for the organisation's default.", nameof(capacity));
        }

        _ = await StatusAsync() ?? throw new UserNotFoundException(_key.Key);
        if (capacity != state.State.Capacity)
        {
            var before = state.State.Capacity;
            state.State.Capacity = capacity;
            await state.WriteStateAsync();
            await audit.RecordAsync(_key.OrganisationId, AuditActions.AgentCapacityChanged, AuditSubjects.Agent, _key.Id,
                before: new { Capacity = before }, after: new { Capacity = capacity });
            await ReportAsync();
        }

        return await GetAsync();
    }

    public async Task HeartbeatAsync(string gatewayId, IReadOnlyList<string> connectionIds)
    {
        var now = time.GetUtcNow();

        // A gateway reports all of this agent's connections it has: any it no longer lists have closed.
        var listed = connectionIds.ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _connections.Where(c => c.Value.Gateway == gatewayId && !listed.Contains(c.Key)).Select(c => c.Key).ToList())
        {
            _connections.Remove(gone);
        }

        foreach (var connectionId in connectionIds)
        {
            _connections[connectionId] = (gatewayId, now);
        }

        await OnConnectionsChangedAsync();
    }

    public async Task ConnectedAsync(string gatewayId, string connectionId)
    {
        _connections[connectionId] = (gatewayId, time.GetUtcNow());
        await OnConnectionsChangedAsync();
    }

    public async Task DisconnectedAsync(string connectionId)
    {
        if (_connections.Remove(connectionId))
        {
            await OnConnectionsChangedAsync();
        }
    }

    public async Task ProfileChangedAsync(UserProfile profile)
    {
        _profile = profile;
        await ReportAsync();
    }

    private async Task OnConnectionsChangedAsync()
    {
        var connected = _connections.Count > 0;
        if (connected)
        {
            _graceUntil = null;
        }
        else
        {
            _graceUntil ??= time.GetUtcNow() + options.Value.OfflineGrace;
        }

        // Stored only when it flips, so a restarted silo knows to wait for the gateways' next heartbeat.
        if (connected && !state.State.HadConnections)
        {
            state.State.HadConnections = true;
            await state.WriteStateAsync();
        }

        await ReportAsync();
    }

    private async Task CheckConnectionsAsync()
    {
        var now = time.GetUtcNow();
        var stale = _connections.Where(c => now - c.Value.SeenAt > options.Value.ConnectionTimeout).Select(c => c.Key).ToList();
        foreach (var connectionId in stale)
        {
            _connections.Remove(connectionId);
        }

        if (stale.Count > 0)
        {
            await OnConnectionsChangedAsync();
        }

        if (_graceUntil is { } until && until <= now && _connections.Count == 0)
        {
            _graceUntil = null;
            if (state.State.HadConnections)
            {
                state.State.HadConnections = false;
                await state.WriteStateAsync();
            }

            await ReportAsync();
        }
    }

    /// <summary>Tells routing and everyone watching when what they see of the agent changed.</summary>
    private async Task ReportAsync()
    {
        if (await StatusAsync() is not { } status || status.Equals(_reported))
        {
            return;
        }

        var wentOffline = _reported is { Presence: not AgentPresence.Offline } && status.Presence == AgentPresence.Offline && status.ChosenPresence != AgentPresence.Offline;
        _reported = status;
        try
        {
            await GrainFactory.Get<IRoutingGrain>(_key.OrganisationId).AgentChangedAsync(status);
        }
        catch (Exception e)
        {
            LogRoutingUnreachable(e, _key.Key);
        }

        GrainFactory.Get<IEventFeedGrain>(_key.OrganisationId)
            .PublishOrganisationEventAsync(new OrganisationEvent(EventNames.AgentPresenceChanged, _key.OrganisationId, Agent: status)).Ignore();
        if (wentOffline)
        {
            CallerContext.Clear();
            await audit.RecordAsync(_key.OrganisationId, AuditActions.AgentPresenceChanged, AuditSubjects.Agent, _key.Id,
                after: new { Presence = AgentPresence.Offline, Reason = "no connection for the grace period" });
        }
    }

    private async Task<AgentStatus?> StatusAsync()
    {
        _profile ??= await GrainFactory.Get<IUserGrain>(_key.Key).GetAsync();
        if (_profile is not { } profile)
        {
            return null;
        }

        var s = state.State;
        var active = profile.Status == UserStatus.Active;
        var connected = _connections.Count > 0;
        var present = connected || _graceUntil is not null;
        var presence = active && present ? s.ChosenPresence : AgentPresence.Offline;
        return new AgentStatus(_key.OrganisationId, _key.Id, profile.Name, presence, s.ChosenPresence, connected, s.Capacity ?? 0, s.Capacity,
            profile.Teams, profile.Channels, active);
    }

    [LoggerMessage(EventId = 4401, Level = LogLevel.Warning, Message = "Could not tell routing about agent {Agent}; it asks again when it next checks")]
    private partial void LogRoutingUnreachable(Exception exception, string agent);
}
