using Inbox.Contracts.Events;

namespace Inbox.Gateway.Realtime;

/// <summary>
/// What the agents' hub calls on a browser. Method names are SignalR wire names the front end listens for, so they
/// carry no Async suffix.
/// </summary>
public interface IInboxClient
{
    /// <summary>A live event; <see cref="InboxEvent.Type"/> is one of the <c>EventNames</c>.</summary>
    Task ReceiveEvent(InboxEvent inboxEvent);

    /// <summary>A live event about the organisation: the wallboard, a long wait, an agent's presence.</summary>
    Task ReceiveOrganisationEvent(OrganisationEvent organisationEvent);
}
