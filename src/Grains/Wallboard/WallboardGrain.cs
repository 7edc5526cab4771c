using Inbox.Contracts.Events;
using Inbox.Contracts.Grains;
using Inbox.Contracts.Routing;
using Inbox.Contracts.Wallboard;

namespace Inbox.Grains.Wallboard;

/// <summary>
/// An organisation's wallboard: keeps routing's newest snapshot for readers and pushes each to the supervisors' live
/// connections. Routing already coalesces snapshots (a few a second at most), so this grain only relays; it holds
/// nothing that routing cannot give it again, so a restart loses nothing.
/// </summary>
public sealed class WallboardGrain : Grain, IWallboardGrain
{
    private WallboardSnapshot? _latest;

    public async Task<WallboardSnapshot> GetAsync() =>
        _latest ??= await GrainFactory.Get<IRoutingGrain>(this.GetPrimaryKeyString()).GetWallboardAsync();

    public Task UpdateAsync(WallboardSnapshot snapshot)
    {
        if (_latest is not null && snapshot.Version <= _latest.Version)
        {
            return Task.CompletedTask;
        }

        _latest = snapshot;
        return Feed.PublishOrganisationEventAsync(new OrganisationEvent(EventNames.WallboardUpdated, snapshot.OrganisationId, Wallboard: snapshot));
    }

    public Task AlertAsync(WaitAlert alert) =>
        Feed.PublishOrganisationEventAsync(new OrganisationEvent(EventNames.WallboardAlert, this.GetPrimaryKeyString(), Alert: alert));

    private IEventFeedGrain Feed => GrainFactory.Get<IEventFeedGrain>(this.GetPrimaryKeyString());
}
