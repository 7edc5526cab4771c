namespace Inbox.Contracts.Users;

/// <summary>An admin's change to a user; null members are left as they are.</summary>
/// <param name="Name">New display name.</param>
/// <param name="Role">New role.</param>
/// <param name="Teams">New teams (replaces the list; each must exist).</param>
/// <param name="Channels">New channels (replaces the list; each must exist).</param>
[GenerateSerializer, Immutable, Alias("inbox.user-change.v1")]
public sealed record UserChange(
    [property: Id(0)] string? Name,
    [property: Id(1)] UserRole? Role,
    [property: Id(2)] IReadOnlyList<string>? Teams,
    [property: Id(3)] IReadOnlyList<string>? Channels);
