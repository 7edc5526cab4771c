namespace Inbox.Contracts.Users;

/// <summary>The answer to a sign-in attempt.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="User">The user, when signed in.</param>
/// <param name="LockedUntil">When a locked-out user may try again.</param>
[GenerateSerializer, Immutable, Alias("inbox.sign-in-answer.v1")]
public sealed record SignInAnswer(
    [property: Id(0)] SignInOutcome Outcome,
    [property: Id(1)] UserProfile? User,
    [property: Id(2)] DateTimeOffset? LockedUntil)
{
    /// <summary>Unknown email or wrong password.</summary>
    public static SignInAnswer Wrong { get; } = new(SignInOutcome.WrongCredentials, null, null);
}
