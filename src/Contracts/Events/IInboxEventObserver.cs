using Orleans.Concurrency;

namespace Inbox.Contracts.Events;

/// <summary>A gateway's receiver of live events; each gateway registers one with every organisation feed it needs.</summary>
[Alias("inbox.IInboxEventObserver")]
public interface IInboxEventObserver : IGrainObserver
{
    /// <summary>Delivers events, in the order they happened per conversation. Best effort: no reply, no retry.</summary>
    [Alias("OnEvents"), OneWay]
    Task OnEventsAsync(IReadOnlyList<InboxEvent> events);

    /// <summary>Delivers an organisation event (wallboard, alert, presence). Best effort.</summary>
    [Alias("OnOrganisationEvent"), OneWay]
    Task OnOrganisationEventAsync(OrganisationEvent organisationEvent);

    /// <summary>A user's access changed (deactivated, role, teams or channels): cut their live connections so they reconnect with it.</summary>
    [Alias("OnSessionsEnded"), OneWay]
    Task OnSessionsEndedAsync(string organisationId, string userId);
}
