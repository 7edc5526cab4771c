using Inbox.Contracts.Audit;
using Inbox.Contracts.Channels;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Organisations;
using Inbox.Grains.Audit;
using Inbox.Grains.Storage;

namespace Inbox.Grains.Channels;

/// <summary>One connected platform account. For now only web chat can be connected; platform channels come with their adapters.</summary>
public sealed class ChannelGrain(
    [PersistentState(stateName: "channel", storageName: GrainStorage.Name)] IPersistentState<ChannelState> state,
    AuditTrail audit)
    : Grain, IChannelGrain
{
    public async Task<ChannelInfo> ConnectWebChatAsync(string name, string websiteToken)
    {
        var key = OrganisationScoped.Parse(this.GetPrimaryKeyString());
        if (state.RecordExists && state.State.WebsiteToken != websiteToken)
        {
            throw new InvalidOperationException($"Channel '{key.Key}' is already connected with another website token.");
        }

        var info = new ChannelInfo(key.OrganisationId, key.Id, Platform.WebChat, name);
        var connecting = !state.RecordExists;
        if (!await GrainFactory.GetGrain<IWebsiteTokenGrain>(websiteToken).BindAsync(info))
        {
            throw new InvalidOperationException("That website token belongs to another channel.");
        }

        state.State = new ChannelState { Platform = Platform.WebChat, Name = name, WebsiteToken = websiteToken };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IOrganisationGrain>(key.OrganisationId).AddChannelAsync(key.Id);
        if (connecting)
        {
            await audit.RecordAsync(key.OrganisationId, AuditActions.ChannelConnected, AuditSubjects.Channel, key.Id, after: info);
        }

        return info;
    }

    public Task<ChannelInfo?> GetAsync()
    {
        if (!state.RecordExists)
        {
            return Task.FromResult<ChannelInfo?>(null);
        }

        var key = OrganisationScoped.Parse(this.GetPrimaryKeyString());
        return Task.FromResult<ChannelInfo?>(new ChannelInfo(key.OrganisationId, key.Id, state.State.Platform, state.State.Name));
    }
}
