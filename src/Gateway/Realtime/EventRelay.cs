using Inbox.Contracts.Grains;
using System.Collections.Concurrent;
using Inbox.Contracts.Events;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Users;
using Inbox.Gateway.Security;
using Inbox.Gateway.Session;
using Microsoft.AspNetCore.SignalR;

namespace Inbox.Gateway.Realtime;

/// <summary>
/// This gateway's bridge from the silos to SignalR: one observer, subscribed to the event feed of every organisation
/// that has a connected client here and renewed every few seconds (a feed forgets a gateway that stops renewing)
/// and whenever the cluster changes (a restarted silo's feeds forgot everyone).
/// Events go to the SignalR groups <see cref="Audience"/> names.
/// </summary>
public sealed partial class EventRelay(
    IClusterClient cluster,
    IHubContext<InboxHub, IInboxClient> agents,
    IHubContext<WidgetHub, IWidgetClient> customers,
    ConnectedAgents connectedAgents,
    ClusterConnectionSignal clusterChanges,
    ILogger<EventRelay> logger) : BackgroundService, IInboxEventObserver
{
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, int> _connections = new();
    private readonly Lock _referenceLock = new();
    private IInboxEventObserver? _reference;

    /// <summary>Counts a connection of <paramref name="organisationId"/> and makes sure its feed reaches this gateway.</summary>
    public async Task AttachAsync(string organisationId)
    {
        _connections.AddOrUpdate(organisationId, 1, (_, count) => count + 1);

        // Subscribing is idempotent and cheap; doing it on every connection means a client never starts listening
        // before its feed is wired, even when its organisation's first connection is still subscribing.
        GatewayCallers.ActAsService();
        await cluster.Get<IEventFeedGrain>(organisationId).SubscribeAsync(Reference);
    }

    /// <summary>Stops counting a connection. The subscription is left to expire, so a quick reconnect loses nothing.</summary>
    public void Detach(string organisationId) =>
        _connections.AddOrUpdate(organisationId, 0, (_, count) => Math.Max(0, count - 1));

    // Orleans hands this observer one call at a time, and a SignalR send completes only when every connection it goes
    // to has taken it. Awaiting sends here would let one client that stopped reading (a phone that lost its signal: its
    // TCP window full) hold every event for everyone on this gateway until the transport's send timeout (10 s) cut it
    // off. So the sends are started in order and not awaited: SignalR writes each connection's messages in the order
    // they were started (one write lock per connection), and a connection that stays stuck is closed by that timeout,
    // its client reconnecting and reloading.
    public Task OnEventsAsync(IReadOnlyList<InboxEvent> events)
    {
        foreach (var inboxEvent in events)
        {
            var conversation = inboxEvent.Conversation;
            if (connectedAgents.GroupsThatMayRead(conversation) is { Count: > 0 } readers)
            {
                Send(agents.Clients.Groups(readers).ReceiveEvent(inboxEvent));
            }

            if (inboxEvent.Message is { } message && Audience.ReachesCustomer(message))
            {
                Send(customers.Clients
                    .Group(Audience.Customer(conversation.OrganisationId, conversation.ChannelId, conversation.ChannelUserId))
                    .ReceiveMessage(WidgetMessage.From(message)));
            }
        }

        return Task.CompletedTask;
    }

    public Task OnOrganisationEventAsync(OrganisationEvent organisationEvent)
    {
        var organisationId = organisationEvent.OrganisationId;
        if (organisationEvent.Health is not null)
        {
            // A channel's alert (token refused, rate-limited, reconnected) goes to those who can fix it.
            Send(agents.Clients.Group(Audience.ChannelAdmins(organisationId)).ReceiveOrganisationEvent(organisationEvent));
        }
        else if (organisationEvent.Channel is not null)
        {
            // Everyone working the inbox: a disabled channel's composer closes on every screen.
            if (connectedAgents.GroupsOf(organisationId) is { Count: > 0 } everyone)
            {
                Send(agents.Clients.Groups(everyone).ReceiveOrganisationEvent(organisationEvent));
            }
        }
        else if (organisationEvent.Agent is { } agent)
        {
            // An agent sees their own presence change (say, offline after their connections dropped) on every screen.
            Send(agents.Clients.Groups(Audience.Wallboard(organisationId), Audience.Agent(organisationId, agent.UserId)).ReceiveOrganisationEvent(organisationEvent));
        }
        else
        {
            Send(agents.Clients.Group(Audience.Wallboard(organisationId)).ReceiveOrganisationEvent(organisationEvent));
        }

        return Task.CompletedTask;
    }

    public Task OnSessionsEndedAsync(string organisationId, string userId)
    {
        connectedAgents.Disconnect(organisationId, userId);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        GatewayCallers.ActAsService();
        while (!stoppingToken.IsCancellationRequested)
        {
            await clusterChanges.WaitAsync(RenewEvery, stoppingToken);
            await CheckSessionsAsync();
            foreach (var (organisationId, count) in _connections)
            {
                if (count == 0)
                {
                    _connections.TryRemove(new KeyValuePair<string, int>(organisationId, 0));
                    continue;
                }

                try
                {
                    await cluster.Get<IEventFeedGrain>(organisationId).SubscribeAsync(Reference);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The silo may be restarting; the next round tries again.
                    LogRenewFailed(e, organisationId);
                }
            }
        }
    }

    /// <summary>True when the user's session still stands (active, not signed out, not ended everywhere).</summary>
    public async Task<bool> SessionStandsAsync(CurrentUser session)
    {
        GatewayCallers.ActAsService();
        var user = cluster.Get<IUserGrain>(GrainKeys.Compose(session.OrganisationId, session.UserId));
        return await user.CheckSessionAsync(session.SessionId, session.SessionVersion) is not null;
    }

    // The feed's "sessions ended" notice is best effort, and signing one session out sends none; this sweep ends the
    // connections of a deactivated user or an ended session within one renewal round.
    private async Task CheckSessionsAsync()
    {
        foreach (var session in connectedAgents.Sessions)
        {
            try
            {
                if (!await SessionStandsAsync(session))
                {
                    connectedAgents.Disconnect(session.OrganisationId, session.UserId, session.SessionId);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSessionCheckFailed(e, session.OrganisationId, session.UserId);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // Hosted services stop in reverse order, so the Orleans client is still running here; once it has stopped,
        // the reference can no longer be deleted.
        lock (_referenceLock)
        {
            if (_reference is not null)
            {
                cluster.DeleteObjectReference<IInboxEventObserver>(_reference);
                _reference = null;
            }
        }
    }

    // A send still waiting on a slow connection finishes on its own; one that fails is logged, not thrown into Orleans'
    // observer pump (SignalR itself closes a connection it could not write to).
    private void Send(Task sending)
    {
        if (!sending.IsCompletedSuccessfully)
        {
            sending.ContinueWith(static (failed, relay) => ((EventRelay)relay!).LogSendFailed(failed.Exception!), this, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    // The reference is a weak handle to this object; the relay is a singleton, so this object outlives it.
    private IInboxEventObserver Reference
    {
        get
        {
            lock (_referenceLock)
            {
                return _reference ??= cluster.CreateObjectReference<IInboxEventObserver>(this);
            }
        }
    }

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Could not send a live event to this gateway's clients")]
    private partial void LogSendFailed(Exception exception);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Could not check the session of {OrganisationId}:{UserId}")]
    private partial void LogSessionCheckFailed(Exception exception, string organisationId, string userId);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Could not renew the event feed subscription of {OrganisationId}")]
    private partial void LogRenewFailed(Exception exception, string organisationId);
}
