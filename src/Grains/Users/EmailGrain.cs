using Inbox.Contracts.Users;
using Inbox.Grains.Storage;

namespace Inbox.Grains.Users;

/// <summary>An email's owner: one user across all organisations, so sign-in needs only the email.</summary>
public sealed class EmailGrain(
    [PersistentState(stateName: "email", storageName: GrainStorage.Name)] IPersistentState<EmailState> state)
    : Grain, IEmailGrain
{
    public async Task<bool> ClaimAsync(string userKey)
    {
        if (state.State.UserKey is { } owner)
        {
            return owner == userKey;
        }

        state.State.UserKey = userKey;
        await state.WriteStateAsync();
        return true;
    }

    public Task<string?> GetUserKeyAsync() => Task.FromResult(state.State.UserKey);
}
