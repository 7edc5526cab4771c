using Microsoft.AspNetCore.Identity;

namespace Inbox.Grains.Users;

/// <summary>
/// A user's password and its lockout: hashed with ASP.NET Core Identity's hasher (PBKDF2, versioned, rehashed when the
/// format moves on); five wrong passwords in a row, whether signing in or changing the password, lock for five minutes.
/// Works on the user's state; the grain stores it.
/// </summary>
internal sealed class UserPasswords(IPasswordHasher<UserState> hasher, TimeProvider time)
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(5);

    /// <summary>How a password check ended.</summary>
    public enum Verdict
    {
        Right,
        Wrong,
        LockedOut,
    }

    /// <summary>
    /// Checks <paramref name="password"/>. While locked out, nothing is checked. A wrong password counts towards lockout
    /// (the fifth locks); the right one resets the count and rehashes an outdated hash. <c>Changed</c> says whether
    /// the state must be stored.
    /// </summary>
    public (Verdict Verdict, bool Changed) Check(UserState user, string password)
    {
        var now = time.GetUtcNow();
        if (user.LockedUntil > now)
        {
            return (Verdict.LockedOut, false);
        }

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            if (++user.FailedSignIns < MaxFailedAttempts)
            {
                return (Verdict.Wrong, true);
            }

            (user.FailedSignIns, user.LockedUntil) = (0, now + LockoutDuration);
            return (Verdict.LockedOut, true);
        }

        var changed = verdict == PasswordVerificationResult.SuccessRehashNeeded || user.FailedSignIns > 0 || user.LockedUntil is not null;
        (user.FailedSignIns, user.LockedUntil) = (0, null);
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password);
        }

        return (Verdict.Right, changed);
    }

    /// <summary>Sets a new password (throws <see cref="ArgumentException"/> for an unacceptable one) and clears any lockout.</summary>
    public void Set(UserState user, string password)
    {
        UserRules.ValidatePassword(password);
        user.PasswordHash = hasher.HashPassword(user, password);
        (user.FailedSignIns, user.LockedUntil) = (0, null);
    }
}
