using Inbox.Contracts.Security;
using Orleans.Concurrency;

namespace Inbox.Contracts.Users;

/// <summary>Reads an organisation's users. Key: the organisation id. A stateless worker, so reads scale out.</summary>
[Alias("inbox.IUserDirectoryGrain")]
public interface IUserDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Every user of the organisation, by name.</summary>
    [Alias("List"), ReadOnly, Requires(Permission.UsersRead)]
    Task<IReadOnlyList<UserProfile>> ListAsync();
}
