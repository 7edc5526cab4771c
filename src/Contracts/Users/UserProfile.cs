using System.Text.Json.Serialization;

namespace Inbox.Contracts.Users;

/// <summary>A user as the product shows them (never their password hash).</summary>
/// <param name="OrganisationId">The one organisation the user belongs to.</param>
/// <param name="UserId">The user's id within the organisation.</param>
/// <param name="Name">Display name.</param>
/// <param name="Email">Sign-in email, as entered.</param>
/// <param name="Role">Agent, supervisor or admin.</param>
/// <param name="Status">Invited, active or deactivated.</param>
/// <param name="Teams">The teams the user belongs to.</param>
/// <param name="Channels">The channels the user may work (an agent sees those channels' conversations).</param>
/// <param name="SessionVersion">
/// Moves on whenever the user's sessions must end (reactivation, new password); a session cookie carrying an older
/// version is refused. Not shown by the API.
/// </param>
[GenerateSerializer, Immutable, Alias("inbox.user-profile.v1")]
public sealed record UserProfile(
    [property: Id(0)] string OrganisationId,
    [property: Id(1)] string UserId,
    [property: Id(2)] string Name,
    [property: Id(3)] string Email,
    [property: Id(4)] UserRole Role,
    [property: Id(5)] UserStatus Status,
    [property: Id(6)] IReadOnlyList<string> Teams,
    [property: Id(7)] IReadOnlyList<string> Channels,
    [property: Id(8), JsonIgnore] int SessionVersion);
