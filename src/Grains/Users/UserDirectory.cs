using Azure.Data.Tables;
using Inbox.Contracts.Users;
using Inbox.Grains.Storage;

namespace Inbox.Grains.Users;

/// <summary>
/// The organisation's user list as a table (PartitionKey = organisation, RowKey = user id), rewritten by the user grain
/// after every change, so listing users is one partition query instead of activating every user.
/// </summary>
public sealed class UserDirectory(TableServiceClient tables)
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.Users);

    /// <summary>Writes the user's row.</summary>
    public async Task UpsertAsync(UserProfile user, CancellationToken cancellationToken = default) =>
        await _table.UpsertEntityAsync(UserEntity.From(user), TableUpdateMode.Replace, cancellationToken);

    /// <summary>Every user of the organisation, by name.</summary>
    public async Task<IReadOnlyList<UserProfile>> ListAsync(string organisationId, CancellationToken cancellationToken = default)
    {
        var users = new List<UserProfile>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {organisationId}");
        await foreach (var entity in _table.QueryAsync<UserEntity>(filter, cancellationToken: cancellationToken))
        {
            users.Add(entity.ToProfile());
        }

        return users.OrderBy(u => u.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(u => u.UserId, StringComparer.Ordinal).ToList();
    }
}
