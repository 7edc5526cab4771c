namespace Inbox.Contracts.Users;

/// <summary>What it takes to create a user.</summary>
/// <param name="Name">Display name.</param>
/// <param name="Email">Sign-in email; unique across all organisations.</param>
/// <param name="Role">Agent, supervisor or admin.</param>
/// <param name="Password">The initial password, hashed by the user grain and never stored as given.</param>
[GenerateSerializer, Immutable, Alias("inbox.new-user.v1")]
public sealed record NewUser(
    [property: Id(0)] string Name,
    [property: Id(1)] string Email,
    [property: Id(2)] UserRole Role,
    [property: Id(3)] string Password);
