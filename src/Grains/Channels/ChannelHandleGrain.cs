using Inbox.Contracts.Channels;
using Inbox.Grains.Storage;

namespace Inbox.Grains.Channels;

/// <summary>Looks a public handle (website token, webhook id) up to its channel. Read on every widget connection and webhook, so kept in memory.</summary>
public sealed class ChannelHandleGrain(
    [PersistentState(stateName: "channel-handle", storageName: GrainStorage.Name)] IPersistentState<ChannelHandleState> state)
    : Grain, IChannelHandleGrain
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
