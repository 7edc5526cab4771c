using Inbox.Contracts.Users;
using Orleans.Concurrency;

namespace Inbox.Grains.Users;

/// <summary>Reads the user list table; stateless, so every silo answers list requests locally.</summary>
[StatelessWorker]
public sealed class UserDirectoryGrain(UserDirectory directory) : Grain, IUserDirectoryGrain
{
    public Task<IReadOnlyList<UserProfile>> ListAsync() => directory.ListAsync(this.GetPrimaryKeyString());
}
