using Inbox.Contracts.Users;
using Inbox.Grains.Storage;

namespace Inbox.Grains.Users;

/// <summary>A unique handle (an email, an invitation) and its one user, across organisations, so sign-in needs only the email.</summary>
public sealed class UserHandleGrain(
    [PersistentState(stateName: "user-handle", storageName: GrainStorage.Name)] IPersistentState<UserHandleState> state)
    : Grain, IUserHandleGrain
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

    public async Task ReleaseAsync(string userKey)
    {
        if (state.State.UserKey == userKey)
        {
            await state.ClearStateAsync();
        }
    }

    public Task<string?> GetUserKeyAsync() => Task.FromResult(state.State.UserKey);
}
