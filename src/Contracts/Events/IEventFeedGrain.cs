using Inbox.Contracts.Security;
using Orleans.Concurrency;

namespace Inbox.Contracts.Events;

/// <summary>
/// An organisation's live event feed: grains publish, gateways subscribe. Key: the organisation id.
/// Subscriptions expire unless renewed, so a gateway that died stops being called on its own.
/// </summary>
[Alias("inbox.IEventFeedGrain")]
public interface IEventFeedGrain : IGrainWithStringKey
{
    /// <summary>Adds or renews a gateway's observer. Call again within the expiry (two minutes) to keep it.</summary>
    [Alias("Subscribe"), Requires(Permission.ServiceSessions)]
    Task SubscribeAsync(IInboxEventObserver observer);

    /// <summary>Removes a gateway's observer.</summary>
    [Alias("Unsubscribe"), Requires(Permission.ServiceSessions)]
    Task UnsubscribeAsync(IInboxEventObserver observer);

    /// <summary>Sends an event to every subscribed gateway. Fire and forget.</summary>
    [Alias("Publish"), OneWay]
    Task PublishAsync(InboxEvent inboxEvent);

    /// <summary>Sends an organisation event (wallboard, alert, presence) to every subscribed gateway. Fire and forget.</summary>
    [Alias("PublishOrganisationEvent"), OneWay]
    Task PublishOrganisationEventAsync(OrganisationEvent organisationEvent);

    /// <summary>Tells every subscribed gateway to cut the live connections of a user whose access changed. Fire and forget.</summary>
    [Alias("EndSessions"), OneWay]
    Task EndSessionsAsync(string userId);
}
