namespace Inbox.Contracts.Users;

/// <summary>What it takes to create an active user directly (seeding; admins invite instead).</summary>
/// <param name="Name">Display name.</param>
/// <param name="Email">Sign-in email; unique across all organisations.</param>
/// <param name="Role">Agent, supervisor or admin.</param>
/// <param name="Password">The initial password, hashed by the user grain and never stored as given.</param>
/// <param name="Teams">The teams the user belongs to.</param>
/// <param name="Channels">The channels the user may work.</param>
[GenerateSerializer, Immutable, Alias("inbox.new-user.v1")]
public sealed record NewUser(
    [property: Id(0)] string Name,
    [property: Id(1)] string Email,
    [property: Id(2)] UserRole Role,
    [property: Id(3)] string Password,
    [property: Id(4)] IReadOnlyList<string> Teams,
    [property: Id(5)] IReadOnlyList<string> Channels);
