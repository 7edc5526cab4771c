using Inbox.Contracts.Channels;
using Inbox.Grains.Storage;

namespace Inbox.Grains.Channels;

/// <summary>Looks a widget's website token up to its channel. Read on every widget connection, so kept in memory.</summary>
public sealed class WebsiteTokenGrain(
    [PersistentState(stateName: "website-token", storageName: GrainStorage.Name)] IPersistentState<WebsiteTokenState> state)
    : Grain, IWebsiteTokenGrain
{
    public async Task<bool> BindAsync(ChannelInfo channel)
    {
        if (state.State.Channel is { } bound)
        {
            return bound.OrganisationId == channel.OrganisationId && bound.ChannelId == channel.ChannelId;
        }

        state.State.Channel = channel;
        await state.WriteStateAsync();
        return true;
    }

    public Task<ChannelInfo?> GetChannelAsync() => Task.FromResult(state.State.Channel);
}
