namespace Inbox.Contracts.Users;

/// <summary>An admin's invitation of a new user.</summary>
/// <param name="Name">Display name.</param>
/// <param name="Email">Sign-in email; unique across all organisations.</param>
/// <param name="Role">Agent, supervisor or admin.</param>
/// <param name="Teams">The teams the user will belong to (each must exist).</param>
/// <param name="Channels">The channels the user will work (each must exist).</param>
[GenerateSerializer, Immutable, Alias("inbox.user-invite.v1")]
public sealed record UserInvite(
    [property: Id(0)] string Name,
    [property: Id(1)] string Email,
    [property: Id(2)] UserRole Role,
    [property: Id(3)] IReadOnlyList<string> Teams,
    [property: Id(4)] IReadOnlyList<string> Channels);
