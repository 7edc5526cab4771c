using Inbox.Contracts.Contacts;
using Inbox.Contracts.Keys;
using Inbox.Grains.Storage;

namespace Inbox.Grains.Contacts;

/// <summary>A customer and the channel identities they are known by.</summary>
public sealed class ContactGrain(
    [PersistentState(stateName: "contact", storageName: GrainStorage.Name)] IPersistentState<ContactState> state,
    TimeProvider time) : Grain, IContactGrain
{
    public async Task<ContactProfile> AddIdentityAsync(string name, string identity)
    {
        var changed = false;
        if (!state.RecordExists)
        {
            state.State = new ContactState { Name = name, CreatedAt = time.GetUtcNow() };
            changed = true;
        }

        if (!state.State.Identities.Contains(identity))
        {
            state.State.Identities.Add(identity);
            changed = true;
        }

        if (changed)
        {
            await state.WriteStateAsync();
        }

        return Profile();
    }

    public async Task RenameAsync(string name)
    {
        if (state.RecordExists && state.State.Name != name)
        {
            state.State.Name = name;
            await state.WriteStateAsync();
        }
    }

    public Task<ContactProfile?> GetAsync() => Task.FromResult(state.RecordExists ? Profile() : null);

    private ContactProfile Profile()
    {
        var key = OrganisationScoped.Parse(this.GetPrimaryKeyString());
        return new ContactProfile(key.OrganisationId, key.Id, state.State.Name, [.. state.State.Identities], state.State.CreatedAt);
    }
}
