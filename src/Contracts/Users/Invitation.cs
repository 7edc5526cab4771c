namespace Inbox.Contracts.Users;

/// <summary>A new invitation: the token is shown once, to the inviting admin, and only its hash is stored.</summary>
/// <param name="User">The invited user.</param>
/// <param name="Token">The secret the invitee presents to choose a password.</param>
/// <param name="ExpiresAt">When the token stops working.</param>
[GenerateSerializer, Immutable, Alias("inbox.invitation.v1")]
public sealed record Invitation(
    [property: Id(0)] UserProfile User,
    [property: Id(1)] string Token,
    [property: Id(2)] DateTimeOffset ExpiresAt);
