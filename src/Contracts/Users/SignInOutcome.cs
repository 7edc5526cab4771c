namespace Inbox.Contracts.Users;

/// <summary>How a sign-in attempt ended.</summary>
public enum SignInOutcome
{
    /// <summary>The password was right; the user is signed in.</summary>
    SignedIn = 0,

    /// <summary>Unknown email or wrong password (deliberately not told apart).</summary>
    WrongCredentials = 1,

    /// <summary>Too many wrong passwords in a row: refused until <see cref="SignInAnswer.LockedUntil"/>, even with the right one.</summary>
    LockedOut = 2,

    /// <summary>The password was right but an admin has deactivated the account.</summary>
    Deactivated = 3,
}
