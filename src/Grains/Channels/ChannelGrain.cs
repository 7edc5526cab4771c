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
    ChannelSecrets secrets,
    AuditTrail audit,
    TimeProvider time)
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

    public Task<ChannelInfo?> GetAsync() => Task.FromResult(state.RecordExists ? Info() : null);

    public Task<ChannelDetails?> GetDetailsAsync() => Task.FromResult(state.RecordExists ? Details() : null);

    public async Task<ChannelDetails> SetCredentialsAsync(IReadOnlyDictionary<string, string> credentials)
    {
        if (!state.RecordExists)
        {
            throw new ChannelNotFoundException(this.GetPrimaryKeyString());
        }

        ChannelSecrets.Validate(credentials);
        var before = Details();
        state.State.ProtectedCredentials = secrets.Protect(credentials);
        state.State.CredentialFields = [.. credentials.Keys.Order(StringComparer.Ordinal)];
        state.State.CredentialsUpdatedAt = time.GetUtcNow();
        await state.WriteStateAsync();

        // Field names and times only: a secret never reaches the audit log.
        var after = Details();
        await audit.RecordAsync(after.Channel.OrganisationId, AuditActions.CredentialsChanged, AuditSubjects.Channel, after.Channel.ChannelId, before, after);
        return after;
    }

    private ChannelInfo Info()
    {
        var key = OrganisationScoped.Parse(this.GetPrimaryKeyString());
        return new ChannelInfo(key.OrganisationId, key.Id, state.State.Platform, state.State.Name);
    }

    private ChannelDetails Details() => new(Info(), [.. state.State.CredentialFields], state.State.CredentialsUpdatedAt);
}
