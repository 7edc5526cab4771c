using Inbox.Contracts.Channels;
using Inbox.Contracts.Contacts;
using Inbox.Contracts.Conversations;
using Inbox.Contracts.Grains;
using Inbox.Contracts.Keys;
using Inbox.Contracts.Security;
using Inbox.Grains.Storage;

namespace Inbox.Grains.Channels;

/// <summary>
/// Maps one platform user on one channel to a contact and the current conversation. The ids are stored before the
/// contact and conversation are created, so a crash in between never leaves a second, orphaned conversation: the
/// next call finishes creating the same ones.
/// </summary>
public sealed class ChannelIdentityGrain(
    [PersistentState(stateName: "channel-identity", storageName: GrainStorage.Name)] IPersistentState<ChannelIdentityState> state)
    : Grain, IChannelIdentityGrain
{
    private bool _created;

    public async Task<ConversationRef> ResolveConversationAsync(Platform platform, string displayName, string? language = null)
    {
        var key = GrainKeys.Split(this.GetPrimaryKeyString(), 3);
        var (organisationId, channelId, channelUserId) = (key[0], key[1], key[2]);
        EnsureCallerIsThisIdentity();
        var isNew = !state.RecordExists;
        if (isNew)
        {
            state.State = new ChannelIdentityState { ContactId = GrainKeys.NewId("ct"), ConversationId = GrainKeys.NewId("cv") };
            await state.WriteStateAsync();
        }

        var current = new ConversationRef(state.State.ContactId, state.State.ConversationId, isNew);
        if (!_created)
        {
            var contact = await GrainFactory.Get<IContactGrain>(GrainKeys.Compose(organisationId, current.ContactId))
                .AddIdentityAsync(displayName, GrainKeys.Compose(channelId, channelUserId), current.ConversationId, language);
            await GrainFactory.Get<IConversationGrain>(GrainKeys.Compose(organisationId, current.ConversationId))
                .StartAsync(new ConversationStart(channelId, platform, current.ContactId, contact.Name, channelUserId));
            _created = true;
        }

        return current;
    }

    public async Task<ConversationRef> StartNextConversationAsync(string closedConversationId, Platform platform, string displayName)
    {
        EnsureCallerIsThisIdentity();
        if (state.RecordExists && state.State.ConversationId == closedConversationId)
        {
            state.State.ConversationId = GrainKeys.NewId("cv");
            await state.WriteStateAsync();
            _created = false;
        }

        return (await ResolveConversationAsync(platform, displayName)) with { IsNew = false };
    }

    public Task<ConversationRef?> GetCurrentAsync()
    {
        EnsureCallerIsThisIdentity();
        return Task.FromResult(state.RecordExists ? new ConversationRef(state.State.ContactId, state.State.ConversationId) : null);
    }

    // A visitor speaks only for their own identity on their own channel, whatever key a gateway bug might build.
    private void EnsureCallerIsThisIdentity()
    {
        if (CallerContext.Current is { Kind: CallerKind.Visitor } visitor)
        {
            var key = GrainKeys.Split(this.GetPrimaryKeyString(), 3);
            if (visitor.Id != key[2] || !visitor.Channels.Contains(key[1]))
            {
                throw new AccessDeniedException("A visitor may only write as themself.");
            }
        }
    }
}
