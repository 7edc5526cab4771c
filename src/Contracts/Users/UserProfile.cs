namespace Inbox.Contracts.Users;

/// <summary>A user as the product shows them (never their password hash).</summary>
/// <param name="OrganisationId">The one organisation the user belongs to.</param>
/// <param name="UserId">The user's id within the organisation.</param>
/// <param name="Name">Display name.</param>
/// <param name="Email">Sign-in email, as entered.</param>
/// <param name="Role">Agent, supervisor or admin.</param>
[GenerateSerializer, Immutable, Alias("inbox.user-profile.v1")]
public sealed record UserProfile(
    [property: Id(0)] string OrganisationId,
    [property: Id(1)] string UserId,
    [property: Id(2)] string Name,
    [property: Id(3)] string Email,
    [property: Id(4)] UserRole Role);
