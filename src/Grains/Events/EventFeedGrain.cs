using Inbox.Contracts.Events;
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
        return _gateways.Notify(gateway => gateway.OnEventsAsync(batch));
    }

    public Task PublishOrganisationEventAsync(OrganisationEvent organisationEvent) =>
        _gateways.Notify(gateway => gateway.OnOrganisationEventAsync(organisationEvent));

    public Task EndSessionsAsync(string userId)
    {
        var organisationId = this.GetPrimaryKeyString();
        return _gateways.Notify(gateway => gateway.OnSessionsEndedAsync(organisationId, userId));
    }
}
