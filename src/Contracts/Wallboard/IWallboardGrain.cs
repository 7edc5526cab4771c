using Inbox.Contracts.Security;
using Orleans.Concurrency;

namespace Inbox.Contracts.Wallboard;

/// <summary>
/// An organisation's wallboard. Key: the organisation id. Routing hands it snapshots (already coalesced); it keeps the
/// newest for readers and pushes it to the supervisors' live connections.
/// </summary>
[Alias("inbox.IWallboardGrain")]
public interface IWallboardGrain : IGrainWithStringKey
{
    /// <summary>The newest snapshot (taken now if there is none yet).</summary>
    [Alias("Get"), ReadOnly, Requires(Permission.WallboardRead)]
    Task<WallboardSnapshot> GetAsync();

    /// <summary>A new snapshot from routing. Fire and forget.</summary>
    [Alias("Update"), OneWay]
    Task UpdateAsync(WallboardSnapshot snapshot);

    /// <summary>A customer has waited past the threshold. Fire and forget.</summary>
    [Alias("Alert"), OneWay]
    Task AlertAsync(WaitAlert alert);
}
