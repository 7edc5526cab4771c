using Inbox.Contracts.Organisations;
using Inbox.Grains.Storage;

namespace Inbox.Grains.Organisations;

/// <summary>An organisation: its name and channels.</summary>
public sealed class OrganisationGrain(
    [PersistentState(stateName: "organisation", storageName: GrainStorage.Name)] IPersistentState<OrganisationState> state)
    : Grain, IOrganisationGrain
{
    public async Task<OrganisationInfo> EnsureAsync(string name)
    {
        if (!state.RecordExists)
        {
            state.State.Name = name;
            await state.WriteStateAsync();
        }

        return Info();
    }

    public async Task AddChannelAsync(string channelId)
    {
        if (!state.State.ChannelIds.Contains(channelId))
        {
            state.State.ChannelIds.Add(channelId);
            await state.WriteStateAsync();
        }
    }

    public Task<OrganisationInfo?> GetAsync() => Task.FromResult(state.RecordExists ? Info() : null);

    private OrganisationInfo Info() => new(this.GetPrimaryKeyString(), state.State.Name, [.. state.State.ChannelIds]);
}
