using System.Net.Mail;

namespace Inbox.Contracts.Users;

/// <summary>The one rule for comparing and checking sign-in emails.</summary>
public static class Emails
{
    /// <summary>The form emails are compared and looked up in: trimmed, upper-case invariant.</summary>
    public static string Normalise(string email) => email.Trim().ToUpperInvariant();

    /// <summary>True when <paramref name="email"/> is a single plausible address of at most 254 characters.</summary>
    public static bool IsValid(string? email) =>
        email is { Length: > 0 and <= 254 } && MailAddress.TryCreate(email.Trim(), out var parsed) && parsed.Address == email.Trim();
}
