using Inbox.Contracts.Events;
using Inbox.Contracts.Security;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Inbox.Grains.Events;

/// <summary>
/// An organisation's live event feed. Gateways subscribe an observer and renew it every few seconds; one that stops
/// renewing (a dead gateway) expires, and one whose call fails is dropped. Nothing here is durable on purpose: a
/// client that misses an event sees the sequence gap and reloads from the API.
/// </summary>
public sealed class EventFeedGrain(ILogger<EventFeedGrain> logger) : Grain, IEventFeedGrain
{
    internal static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(2);

    private readonly ObserverManager<IInboxEventObserver> _gateways = new(SubscriptionLifetime, logger);

    public Task SubscribeAsync(IInboxEventObserver observer)
    {
        _gateways.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IInboxEventObserver observer)
    {
        _gateways.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task PublishAsync(InboxEvent inboxEvent)
    {
        IReadOnlyList<InboxEvent> batch = [inboxEvent];
        return NotifyAsync(gateway => gateway.OnEventsAsync(batch));
    }

    public Task PublishOrganisationEventAsync(OrganisationEvent organisationEvent) =>
        NotifyAsync(gateway => gateway.OnOrganisationEventAsync(organisationEvent));

    public Task EndSessionsAsync(string userId)
    {
        var organisationId = this.GetPrimaryKeyString();
        return NotifyAsync(gateway => gateway.OnSessionsEndedAsync(organisationId, userId));
    }

    private Task NotifyAsync(Func<IInboxEventObserver, Task> notification)
    {
        // A gateway's observer acts for no one, so the publisher's caller is not sent along: Orleans would otherwise
        // write it into every notification and the gateway read it back for nothing (1-2% of each one's CPU per
        // message; docs/benchmarks.md, eighth pass).
        CallerContext.Clear();
        return _gateways.Notify(notification);
    }
}
