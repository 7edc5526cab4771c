using Azure;
using Azure.Data.Tables;
using Inbox.Contracts.Users;

namespace Inbox.Grains.Users;

/// <summary>One row of the user list table: what the user list shows, never the password hash.</summary>
internal sealed class UserEntity : ITableEntity
{
    // Ids are 1-64 letters, digits, '-' or '_' (GrainKeys), so a space separates list items unambiguously.
    private const char ListSeparator = ' ';

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Role { get; set; } = "";
    public string Status { get; set; } = "";
    public string Teams { get; set; } = "";
    public string Channels { get; set; } = "";

    public static UserEntity From(UserProfile user) => new()
    {
        PartitionKey = user.OrganisationId,
        RowKey = user.UserId,
        Name = user.Name,
        Email = user.Email,
        Role = user.Role.ToString(),
        Status = user.Status.ToString(),
        Teams = string.Join(ListSeparator, user.Teams),
        Channels = string.Join(ListSeparator, user.Channels),
    };

    public UserProfile ToProfile() => new(
        PartitionKey,
        RowKey,
        Name,
        Email,
        Enum.Parse<UserRole>(Role),
        Enum.Parse<UserStatus>(Status),
        Split(Teams),
        Split(Channels),
        SessionVersion: 0);

    private static string[] Split(string list) => list.Split(ListSeparator, StringSplitOptions.RemoveEmptyEntries);
}
